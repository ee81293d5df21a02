import { describe, expect, it } from 'vitest';
import { appendNote, noteLine } from '../../shared/work-order-notes';

describe('notes appended to a work order', () => {
  it('say when and who, on one line after what is there', () => {
    expect(appendNote('Permit to work required before starting.', { text: 'Bearing replaced, running.', at: '2026-12-05 14:05', author: 'Dana Whitfield' })).toBe(
      'Permit to work required before starting.\n[2026-12-05 14:05 · Dana Whitfield] Bearing replaced, running.',
    );
    expect(appendNote(null, { text: 'Waiting for parts.', at: '2026-12-05 14:05', author: null })).toBe('[2026-12-05 14:05] Waiting for parts.');
    expect(appendNote('  \n', { text: 'x', at: '2026-12-05 14:05', author: 'A' })).toBe('[2026-12-05 14:05 · A] x');
    expect(appendNote('Old line\n\n', { text: 'x', at: '2026-12-05 14:05', author: 'A' })).toBe('Old line\n[2026-12-05 14:05 · A] x');
  });

  it('keep a note typed over several lines as one', () => {
    expect(noteLine({ text: '  Seal leaking.\r\n  Ordered a new one.\n', at: '2026-12-05 07:30', author: ' Sam Ortiz ' })).toBe('[2026-12-05 07:30 · Sam Ortiz] Seal leaking. Ordered a new one.');
  });
});
