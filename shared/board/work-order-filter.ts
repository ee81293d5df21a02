import type { WorkOrderSummary } from '../domain/work-order-summary';
import { isOverdue } from '../domain/work-order-state';
import { countedBy, type KpiCount } from '../kpis/work-order-kpis';

/** How far ahead (or whether at all) a work order is due, as the board's due filter offers it. */
export const dueWindows = ['any', 'today', 'next7', 'next30', 'none'] as const;
export type DueWindow = (typeof dueWindows)[number];

/**
 * What the board shows. Reference filters hold `connectionId\0key` ids (so "All plants" can
 * filter by one plant's site); empty means any.
 */
export interface WorkOrderFilter {
  text: string;
  siteIds: readonly string[];
  assetIds: readonly string[];
  teamIds: readonly string[];
  /** Technicians; `unassigned` ids (`connectionId\0`) pick work orders with nobody assigned. */
  assigneeIds: readonly string[];
  severities: readonly string[];
  due: DueWindow;
  overdueOnly: boolean;
  pendingOnly: boolean;
  /** Only what one key figure counts (its tile was clicked); null for any. */
  countedIn: KpiCount | null;
}

export const emptyWorkOrderFilter: WorkOrderFilter = {
  text: '',
  siteIds: [],
  assetIds: [],
  teamIds: [],
  assigneeIds: [],
  severities: [],
  due: 'any',
  overdueOnly: false,
  pendingOnly: false,
  countedIn: null,
};

export const recordId = (connectionId: string, key: string | null) => `${connectionId}\u0000${key ?? ''}`;

/** How many of the filter's criteria are set (the search text counts as one). */
export function activeCriteria(filter: WorkOrderFilter): number {
  return (
    (filter.text.trim() ? 1 : 0) +
    [filter.siteIds, filter.assetIds, filter.teamIds, filter.assigneeIds, filter.severities].filter((list) => list.length > 0).length +
    (filter.due !== 'any' ? 1 : 0) +
    (filter.overdueOnly ? 1 : 0) +
    (filter.pendingOnly ? 1 : 0) +
    (filter.countedIn !== null ? 1 : 0)
  );
}

export interface FilterContext {
  nowIso: string;
  /** Asset names by `connectionId\0key`, for the text search. */
  assetNames: ReadonlyMap<string, string>;
  /** Work orders with unsent edits, by `connectionId\0key`. */
  pending: ReadonlySet<string>;
  /** Whether a work order is still to do: shared/domain/work-order-state's openTest over the cached status table. */
  isOpen: (workOrder: WorkOrderSummary) => boolean;
}

const dayMs = 86_400_000;

function dueWindowTest(due: DueWindow, nowIso: string): ((dueAt: string | null) => boolean) | null {
  if (due === 'any') return null;
  if (due === 'none') return (dueAt) => dueAt === null;
  const now = new Date(nowIso);
  // "Today" and "next N days" end at the user's local midnight, as a supervisor reads them.
  const endOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  const end = new Date(endOfToday + (due === 'today' ? 0 : (due === 'next7' ? 6 : 29) * dayMs)).toISOString();
  return (dueAt) => dueAt !== null && dueAt < end;
}

/**
 * A predicate for the work orders the filter lets through. The text matches code, title and asset
 * name, case and accents aside; every word must match one of them.
 */
export function workOrderMatcher(filter: WorkOrderFilter, context: FilterContext): (workOrder: WorkOrderSummary) => boolean {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  const sets = {
    site: filter.siteIds.length ? new Set(filter.siteIds) : null,
    asset: filter.assetIds.length ? new Set(filter.assetIds) : null,
    team: filter.teamIds.length ? new Set(filter.teamIds) : null,
    assignee: filter.assigneeIds.length ? new Set(filter.assigneeIds) : null,
    severity: filter.severities.length ? new Set(filter.severities) : null,
  };
  const dueTest = dueWindowTest(filter.due, context.nowIso);
  const now = Date.parse(context.nowIso);
  return (workOrder) => {
    const c = workOrder.connectionId;
    if (sets.site && !sets.site.has(recordId(c, workOrder.siteKey))) return false;
    if (sets.asset && !sets.asset.has(recordId(c, workOrder.assetKey))) return false;
    if (sets.team && !sets.team.has(recordId(c, workOrder.teamKey))) return false;
    if (sets.assignee && !sets.assignee.has(recordId(c, workOrder.laborAssignedKey))) return false;
    if (sets.severity && !sets.severity.has(workOrder.severity ?? '')) return false;
    if (dueTest && !dueTest(workOrder.dueAt)) return false;
    if (filter.overdueOnly && !isOverdue(workOrder, context.isOpen(workOrder), now)) return false;
    if (filter.pendingOnly && !context.pending.has(recordId(c, workOrder.key))) return false;
    if (filter.countedIn !== null && !countedBy(workOrder, context.isOpen(workOrder), now)[filter.countedIn]) return false;
    if (words.length > 0) {
      const asset = workOrder.assetKey ? (context.assetNames.get(recordId(c, workOrder.assetKey)) ?? '') : '';
      const haystack = fold(`${workOrder.code} ${workOrder.title} ${asset}`);
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    return true;
  };
}

/** Lower case without diacritics, so "pompe" finds "Pompe" and "cafe" finds "Café". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
