import { addDays } from 'date-fns';
import type { PmPlan } from '../domain/pm-plan';
import type { WorkOrderSummary } from '../domain/work-order-summary';

/**
 * Hours a work order books when nothing says how long it takes: its own `estimatedTime` first,
 * then, for work raised from a PM plan, the plan's, and otherwise this default.
 */
export const defaultWorkOrderHours = 2;

/** A plan's `estimatedTime` as hours ("2.5", "2.5 h", "90 min"); null when it cannot be read. */
export function estimatedHours(text: string | null): number | null {
  if (text === null) return null;
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?)?\s*$/i.exec(text);
  if (!match) return null;
  const value = Number(match[1]!.replace(',', '.'));
  const minutes = match[2] !== undefined && /^m/i.test(match[2]);
  const hours = minutes ? value / 60 : value;
  return hours > 0 ? hours : null;
}

export interface WorkOrderSpan {
  start: number;
  end: number;
  /** The work order has no due date after its start: the bar is a day long by default. */
  defaultLength: boolean;
}

/**
 * When a work order is booked: from its scheduled date (or its due date when unscheduled) to its
 * due date, or one day when it has no due date after the start. Null when it has neither date.
 */
export function workOrderSpan(workOrder: Pick<WorkOrderSummary, 'scheduledAt' | 'dueAt'>): WorkOrderSpan | null {
  const startIso = workOrder.scheduledAt ?? workOrder.dueAt;
  if (startIso === null) return null;
  const start = Date.parse(startIso);
  if (Number.isNaN(start)) return null;
  const due = workOrder.dueAt === null ? Number.NaN : Date.parse(workOrder.dueAt);
  if (due > start) return { start, end: due, defaultLength: false };
  return { start, end: addDays(start, 1).getTime(), defaultLength: true };
}

/** Hours a work order books: its own estimate, its PM plan's, or the default. */
export function workOrderHours(workOrder: Pick<WorkOrderSummary, 'pmKey' | 'estimatedTime'>, plan: Pick<PmPlan, 'estimatedTime'> | undefined): number {
  return estimatedHours(workOrder.estimatedTime) ?? (workOrder.pmKey !== null && plan ? estimatedHours(plan.estimatedTime) : null) ?? defaultWorkOrderHours;
}
