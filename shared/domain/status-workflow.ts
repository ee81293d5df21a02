import type { WorkOrderStatus } from './work-order-status';

/**
 * Where a status sits in a maintenance workflow, read from its name. Source systems name their
 * statuses differently and Makini's status table has no order field, so the board orders columns
 * by these stages; names that match none sit between "scheduled" and "in progress".
 * Checked most specific first ("Waiting for approval" is a request, not "approved").
 */
const stages: readonly (readonly [RegExp, number])[] = [
  [/cancel|reject|void/i, 8],
  [/clos|archiv/i, 7],
  [/complet|done|finish|resolved/i, 6],
  [/hold|pause|defer|waiting (for )?(material|part)/i, 5],
  [/progress|started|underway|in work/i, 4],
  [/sched|plan|ready|assigned/i, 2],
  [/wait|request|draft|new|open|submitted/i, 0],
  [/approv/i, 1],
];
const unknownStage = 3;

export function workflowStage(status: Pick<WorkOrderStatus, 'name'>): number {
  return stages.find(([pattern]) => pattern.test(status.name))?.[1] ?? unknownStage;
}

export function orderStatuses<T extends Pick<WorkOrderStatus, 'name' | 'code' | 'key'>>(statuses: readonly T[]): T[] {
  return [...statuses].sort(
    (a, b) => workflowStage(a) - workflowStage(b) || (a.code ?? a.name).localeCompare(b.code ?? b.name) || a.key.localeCompare(b.key),
  );
}
