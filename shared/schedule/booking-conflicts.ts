/** Time an asset is booked for, as epoch milliseconds [start, end). */
export interface Booking {
  id: string;
  /** The asset, unique across connections. */
  assetId: string;
  start: number;
  end: number;
}

/**
 * Bookings of the same asset whose times overlap, each with the ids it overlaps. A sweep per
 * asset: O(n log n) plus the overlapping pairs. Touching bookings (one ends as the next starts) do not conflict.
 */
export function findBookingConflicts(bookings: readonly Booking[]): Map<string, string[]> {
  const byAsset = new Map<string, Booking[]>();
  for (const booking of bookings) {
    if (!(booking.end > booking.start)) continue;
    const list = byAsset.get(booking.assetId);
    if (list) list.push(booking);
    else byAsset.set(booking.assetId, [booking]);
  }
  const conflicts = new Map<string, string[]>();
  const note = (a: string, b: string) => {
    const list = conflicts.get(a);
    if (list) list.push(b);
    else conflicts.set(a, [b]);
  };
  for (const list of byAsset.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const active: Booking[] = [];
    for (const booking of list) {
      for (let i = active.length - 1; i >= 0; i--) if (active[i]!.end <= booking.start) active.splice(i, 1);
      for (const other of active) {
        note(booking.id, other.id);
        note(other.id, booking.id);
      }
      active.push(booking);
    }
  }
  return conflicts;
}
