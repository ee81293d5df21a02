import type { OutboxOperation } from '../../shared/domain/outbox-operation';
import { formatFileSize } from './format';

/** An attachment's queued upload as people read it: "Seal inspection.pdf (391 KB)". */
export function attachmentSummary(operation: OutboxOperation): string {
  const size = operation.display.size;
  return `${String(operation.changes.name)}${typeof size === 'number' ? ` (${formatFileSize(size)})` : ''}`;
}
