import type { WorkOrderSummary } from '../domain/work-order-summary';
import { completedAtOf, isOverdue } from '../domain/work-order-state';

type KpiWorkOrder = Pick<WorkOrderSummary, 'createdAt' | 'dueAt' | 'completedAt' | 'pmKey'>;

export interface WorkOrderKpis {
  /** Open work orders (not completed, closed or cancelled). */
  backlog: number;
  /** Median age of the open work orders, in days since they were created; null when none has a creation date. */
  backlogMedianAgeDays: number | null;
  /** Age of the oldest open work order, in days. */
  backlogOldestAgeDays: number | null;
  /** Open work orders past their due date (shared/domain/work-order-state's isOverdue). */
  overdue: number;
  /**
   * PM compliance: of the preventive work orders that fell due (due date passed, or completed),
   * the share completed on or before their due date, 0–1; null when none fell due.
   */
  pmCompliance: number | null;
  /** How many PM work orders fell due: the compliance ratio's denominator. */
  pmDue: number;
  /** Mean time to repair: mean hours from creation to completion of completed corrective (non-PM) work; null when none. */
  mttrHours: number | null;
  /** How many completed corrective work orders MTTR averages. */
  repairs: number;
}

/**
 * Each work order's instants, parsed once per record object: the board computes its figures again
 * at every change to the cache, where most records are the very objects they were before.
 */
const parsedInstants = new WeakMap<KpiWorkOrder, readonly [created: number, completed: number]>();
const parse = (iso: string | null) => (iso === null ? NaN : Date.parse(iso));

function instantsOf(workOrder: KpiWorkOrder): readonly [created: number, completed: number] {
  let instants = parsedInstants.get(workOrder);
  if (!instants) parsedInstants.set(workOrder, (instants = [parse(workOrder.createdAt), parse(workOrder.completedAt)]));
  return instants;
}

const dayMs = 86_400_000;
const hourMs = 3_600_000;

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The work orders a key figure counts: its tile, clicked, shows exactly these. */
export const kpiCounts = ['backlog', 'overdue', 'pmDue', 'repairs'] as const;
export type KpiCount = (typeof kpiCounts)[number];

/** Which key figures count a work order (the same tests computeWorkOrderKpis applies). */
export function countedBy(workOrder: KpiWorkOrder, open: boolean, now: number): { backlog: boolean; overdue: boolean; pmDue: boolean; pmOnTime: boolean; repairs: boolean } {
  const [created, completedIfDone] = instantsOf(workOrder);
  const completed = completedAtOf(workOrder, open) === null ? NaN : completedIfDone;
  const due = parse(workOrder.dueAt);
  const pmDue = workOrder.pmKey !== null && !Number.isNaN(due) && (!Number.isNaN(completed) || due < now);
  return {
    backlog: open,
    overdue: open && isOverdue(workOrder, open, now),
    pmDue,
    pmOnTime: pmDue && completed <= due,
    repairs: workOrder.pmKey === null && !Number.isNaN(completed) && !Number.isNaN(created) && completed >= created,
  };
}

/**
 * The board's key figures over the work orders it shows. `isOpen` says whether a work order is
 * still to do (shared/domain/work-order-state's openTest: its status's workflow stage); a
 * completion date counts only for work that is not open (a reopened work order's old one does
 * not). Dates are ISO instants.
 */
export function computeWorkOrderKpis<T extends KpiWorkOrder>(workOrders: readonly T[], isOpen: (workOrder: T) => boolean, nowIso: string): WorkOrderKpis {
  const now = Date.parse(nowIso);
  const ages: number[] = [];
  let backlog = 0;
  let overdue = 0;
  let pmDue = 0;
  let pmOnTime = 0;
  let repairs = 0;
  let repairMs = 0;
  for (const workOrder of workOrders) {
    const open = isOpen(workOrder);
    const counted = countedBy(workOrder, open, now);
    const [created, completed] = instantsOf(workOrder);
    if (counted.backlog) {
      backlog += 1;
      if (!Number.isNaN(created)) ages.push(Math.max(0, now - created) / dayMs);
    }
    if (counted.overdue) overdue += 1;
    if (counted.pmDue) pmDue += 1;
    if (counted.pmOnTime) pmOnTime += 1;
    if (counted.repairs) {
      repairs += 1;
      repairMs += completed - created;
    }
  }
  ages.sort((a, b) => a - b);
  return {
    backlog,
    backlogMedianAgeDays: median(ages),
    backlogOldestAgeDays: ages.at(-1) ?? null,
    overdue,
    pmCompliance: pmDue === 0 ? null : pmOnTime / pmDue,
    pmDue,
    mttrHours: repairs === 0 ? null : repairMs / repairs / hourMs,
    repairs,
  };
}
