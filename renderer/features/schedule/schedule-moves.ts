import { addDays } from 'date-fns';
import { spanInWindow, type ScheduleWindow } from '../../../shared/schedule/schedule-window';
import { minBarFraction, type ScheduleRow, type WorkOrderBar } from './schedule-model';

/** A reschedule queued from the schedule and not yet seen in the cache: the bar's id, the days it moved and the start it was sent with. */
export interface PendingMove {
  shift: number;
  scheduledAt: string;
}

/** The bar as the move leaves it: its booking shifted by whole days and placed anew in the window (null once outside it). */
export function movedBar(bar: WorkOrderBar, shift: number, window: ScheduleWindow): WorkOrderBar | null {
  const start = addDays(bar.start, shift).getTime();
  const end = addDays(bar.end, shift).getTime();
  const place = spanInWindow(window, start, end, minBarFraction(window));
  return place ? { ...bar, ...place, start, end } : null;
}

/**
 * The rows with every pending move drawn where it goes, so a bar moves the moment it is dropped
 * rather than when the cache's change has come back round; the rows of untouched assets stay the
 * same objects.
 */
export function withPendingMoves(rows: readonly ScheduleRow[], moves: ReadonlyMap<string, PendingMove>, window: ScheduleWindow): readonly ScheduleRow[] {
  if (moves.size === 0) return rows;
  return rows.map((row) => {
    if (row.kind !== 'asset' || !row.bars.some((bar) => moves.has(bar.id))) return row;
    const bars = row.bars.flatMap((bar) => {
      const move = bar.kind === 'work-order' ? moves.get(bar.id) : undefined;
      if (!move || bar.kind !== 'work-order') return [bar];
      const moved = movedBar(bar, move.shift, window);
      return moved ? [moved] : [];
    });
    return { ...row, bars };
  });
}

/** Whether the cache now holds the move: the bar's work order starts where the move sent it. */
export function moveArrived(bar: WorkOrderBar, move: PendingMove): boolean {
  return bar.workOrder.scheduledAt !== null && Date.parse(bar.workOrder.scheduledAt) === Date.parse(move.scheduledAt);
}
