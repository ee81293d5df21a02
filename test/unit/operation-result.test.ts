import { describe, expect, it } from 'vitest';
import { writeActionEntity, writeActions } from '../../shared/domain/outbox-operation';
import { operationResultSchema } from '../../shared/outbox-store';

describe("the server's answer to an operation, as it crosses to the cache", () => {
  // A writable entity missing here left its operations "sending" for ever in web mode and
  // Electron: main's answer was refused at the IPC boundary (parts used, filed service requests).
  it.each(writeActions)('takes the record a %s write answers with', (action) => {
    const entity = writeActionEntity[action];
    expect(operationResultSchema.options.map((option) => option.shape.entity.value)).toContain(entity);
  });
});
