import { workflowStage } from './status-workflow';
import type { WorkOrderSummary } from './work-order-summary';
import type { WorkOrderStatus } from './work-order-status';

/**
 * Whether a work order is still to do, whether it is overdue, and what its completion date is:
 * one definition for the board, its filters and figures, the drawer, the CSV export and the
 * schedule, so that no two places count "overdue" differently.
 */

/** Workflow stage (status-workflow.ts) from which work is done: completed, closed, cancelled. */
export const doneStage = 6;

type StatusedWorkOrder = Pick<WorkOrderSummary, 'connectionId' | 'statusKey' | 'status' | 'completedAt'>;

/**
 * The workflow stage of each work order's status, from its connection's status table, else from
 * the status name the work order carries; null when neither says anything.
 */
export function statusStages(statuses: readonly Pick<WorkOrderStatus, 'connectionId' | 'key' | 'name'>[]): (workOrder: Pick<WorkOrderSummary, 'connectionId' | 'statusKey' | 'status'>) => number | null {
  // By connection, then status key: no string is built per work order (the board asks 100,000 times).
  const stages = new Map<string, Map<string, number>>();
  for (const status of statuses) {
    let ofConnection = stages.get(status.connectionId);
    if (!ofConnection) stages.set(status.connectionId, (ofConnection = new Map()));
    ofConnection.set(status.key, workflowStage(status));
  }
  const byName = new Map<string, number>();
  return (workOrder) => {
    const known = workOrder.statusKey === null ? undefined : stages.get(workOrder.connectionId)?.get(workOrder.statusKey);
    if (known !== undefined) return known;
    if (!workOrder.status) return null;
    let stage = byName.get(workOrder.status);
    if (stage === undefined) byName.set(workOrder.status, (stage = workflowStage({ name: workOrder.status })));
    return stage;
  };
}

/**
 * Open (still to do): its status is before the completed stage. A reopened work order is open
 * even where the plant's system keeps its old completion date. Without any status to go by, it is
 * open while it has no completion date.
 */
export function openTest(statuses: readonly Pick<WorkOrderStatus, 'connectionId' | 'key' | 'name'>[]): (workOrder: StatusedWorkOrder) => boolean {
  const stageOf = statusStages(statuses);
  return (workOrder) => {
    const stage = stageOf(workOrder);
    return stage === null ? workOrder.completedAt === null : stage < doneStage;
  };
}

const instant = (iso: string | null) => (iso === null ? Number.NaN : Date.parse(iso));

/** Overdue: open and past its due date at `now` (ms). */
export function isOverdue(workOrder: Pick<WorkOrderSummary, 'dueAt'>, open: boolean, now: number): boolean {
  return open && instant(workOrder.dueAt) < now;
}

/** The date it was completed, or null while it is open (a reopened work order's old date is not its completion). */
export function completedAtOf(workOrder: Pick<WorkOrderSummary, 'completedAt'>, open: boolean): string | null {
  return open ? null : workOrder.completedAt;
}

/** Completed and closed: the stages whose work was done (cancelled work was not). */
const completedStages = new Set([doneStage, doneStage + 1]);

/**
 * What a status change does to the completion date, shown locally with the change until the
 * plant answers: reopening clears it, completing stamps it (when it has none). Empty when the
 * change leaves it alone.
 */
export function completionAfterStatusChange(workOrder: Pick<WorkOrderSummary, 'completedAt'>, to: Pick<WorkOrderStatus, 'name'>, nowIso: string): { completedAt?: string | null } {
  const stage = workflowStage(to);
  if (stage < doneStage && workOrder.completedAt !== null) return { completedAt: null };
  if (completedStages.has(stage) && workOrder.completedAt === null) return { completedAt: nowIso };
  return {};
}
