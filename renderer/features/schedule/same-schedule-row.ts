import type { ScheduleBar, ScheduleRow } from './schedule-model';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/** Whether two bars draw the same: place, record and every figure the bar shows. */
function sameBar(a: ScheduleBar, b: ScheduleBar): boolean {
  if (a.id !== b.id || a.left !== b.left || a.width !== b.width || a.lane !== b.lane || a.clippedStart !== b.clippedStart || a.clippedEnd !== b.clippedEnd) return false;
  if (a.kind === 'work-order' && b.kind === 'work-order') {
    return a.workOrder === b.workOrder && a.start === b.start && a.end === b.end && a.defaultLength === b.defaultLength && a.hours === b.hours && a.overdue === b.overdue && a.done === b.done && sameList(a.conflictsWith, b.conflictsWith);
  }
  if (a.kind === 'pm' && b.kind === 'pm') {
    const [p, q] = [a.pm, b.pm];
    return p.at === q.at && p.overdue === q.overdue && p.title === q.title && p.hours === q.hours && p.teamKey === q.teamKey && JSON.stringify(p.rule) === JSON.stringify(q.rule) && JSON.stringify(p.meter) === JSON.stringify(q.meter);
  }
  if (a.kind === 'downtime' && b.kind === 'downtime') return a.downtime === b.downtime && a.start === b.start && a.end === b.end && a.ongoing === b.ongoing && a.planned === b.planned;
  return false;
}

/**
 * Whether two rows draw the same. The model is built anew with every change to the cache, but the
 * rows of its unchanged records carry the same record objects: a change re-renders only its rows.
 */
export function sameScheduleRow(a: ScheduleRow, b: ScheduleRow): boolean {
  if (a === b) return true;
  if (a.kind === 'asset' && b.kind === 'asset') {
    return (
      a.id === b.id &&
      a.asset === b.asset &&
      a.depth === b.depth &&
      a.lanes === b.lanes &&
      a.overdue === b.overdue &&
      a.overduePm === b.overduePm &&
      a.conflicts === b.conflicts &&
      a.downNow === b.downNow &&
      a.locationName === b.locationName &&
      a.bars.length === b.bars.length &&
      a.bars.every((bar, index) => sameBar(bar, b.bars[index]!))
    );
  }
  if (a.kind === 'site' && b.kind === 'site') return a.id === b.id && a.name === b.name && a.assetCount === b.assetCount && a.siteKey === b.siteKey;
  if (a.kind === 'location' && b.kind === 'location') return a.id === b.id && a.name === b.name && a.code === b.code && a.depth === b.depth && a.assetCount === b.assetCount;
  return false;
}
