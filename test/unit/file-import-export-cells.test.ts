import { afterEach, describe, expect, it } from 'vitest';
import { readExportInstant } from '../../electron/core/connectors/file-import/export-cells';

const zoneBefore = process.env.TZ;
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe('reading dates of an export file', () => {
  it('reads ISO 8601 times with a zone as that instant', () => {
    expect(readExportInstant('2024-05-01T08:30:00Z')).toBe('2024-05-01T08:30:00.000Z');
    expect(readExportInstant('2024-05-01T08:30+02:00')).toBe('2024-05-01T06:30:00.000Z');
    expect(readExportInstant('2024-05-01 08:30:15.25-0130')).toBe('2024-05-01T10:00:15.250Z');
  });

  it("reads a time without a zone as this computer's local time, and a date alone as its local midnight", () => {
    process.env.TZ = 'America/Chicago'; // Node reads TZ again when it is set: local time is 5 hours behind UTC in May
    expect(readExportInstant('2024-05-01 08:30')).toBe('2024-05-01T13:30:00.000Z');
    expect(readExportInstant(' 2024-05-01 ')).toBe('2024-05-01T05:00:00.000Z');
  });

  it('refuses dates that are not year first, days a month does not have, and times past the clock', () => {
    for (const text of ['05/01/2024', '1 May 2024', '2024-02-30', '2023-02-29', '2024-05-01 24:00', '2024-05-01 08:60', 'next week', '']) {
      expect(readExportInstant(text), text).toBeNull();
    }
    expect(readExportInstant('2024-02-29T00:00Z')).toBe('2024-02-29T00:00:00.000Z');
  });
});
