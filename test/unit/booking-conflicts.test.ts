import { describe, expect, it } from 'vitest';
import { findBookingConflicts } from '../../shared/schedule/booking-conflicts';

describe('findBookingConflicts', () => {
  it('pairs overlapping bookings of the same asset only', () => {
    const conflicts = findBookingConflicts([
      { id: 'a', assetId: 'pump', start: 0, end: 10 },
      { id: 'b', assetId: 'pump', start: 5, end: 20 },
      { id: 'c', assetId: 'pump', start: 20, end: 30 }, // touches b: no conflict
      { id: 'd', assetId: 'pump', start: 1, end: 2 }, // inside a
      { id: 'e', assetId: 'fan', start: 0, end: 30 }, // other asset
      { id: 'f', assetId: 'fan', start: 40, end: 40 }, // empty
    ]);
    expect(Object.fromEntries([...conflicts].map(([id, others]) => [id, [...others].sort()]))).toEqual({
      a: ['b', 'd'],
      b: ['a'],
      d: ['a'],
    });
  });

  it('finds nothing when bookings follow each other', () => {
    const bookings = Array.from({ length: 50 }, (_, i) => ({ id: String(i), assetId: 'press', start: i * 10, end: i * 10 + 10 }));
    expect(findBookingConflicts(bookings).size).toBe(0);
  });
});
