import type { WorkOrder } from './work-order';

/** The fields a work order keeps only in the cache: read where one work order is opened, not held for every card. */
type DetailField = 'tasks' | 'notes' | 'completionRemarks' | 'actualTime' | 'serviceRequestKey' | 'deletedAt';

/**
 * What the board, the table, the figures and the schedule hold of each work order: everything
 * but its tasks and long texts. A full WorkOrder is one too.
 */
export type WorkOrderSummary = Omit<WorkOrder, DetailField>;

/** Field values many work orders share (a status, an asset, a team): one string each, however many cards carry it. */
export type StringPool = Map<string, string>;

const shared = <T extends string | null>(pool: StringPool, value: T): T => {
  if (value === null) return value;
  const held = pool.get(value);
  if (held !== undefined) return held as T;
  pool.set(value, value);
  return value;
};

/**
 * A work order's summary, its shared values taken from `pool`. A million held work orders weigh
 * about half as much as the records they were read from (their tasks alone are several objects
 * each), and the garbage collector has that much less to walk.
 */
export function summarizeWorkOrder(workOrder: WorkOrder, pool: StringPool): WorkOrderSummary {
  return {
    connectionId: shared(pool, workOrder.connectionId),
    key: workOrder.key,
    updatedAt: workOrder.updatedAt,
    code: workOrder.code,
    title: workOrder.title,
    statusKey: shared(pool, workOrder.statusKey),
    status: shared(pool, workOrder.status),
    siteKey: shared(pool, workOrder.siteKey),
    locationKey: shared(pool, workOrder.locationKey),
    assetKey: shared(pool, workOrder.assetKey),
    teamKey: shared(pool, workOrder.teamKey),
    laborAssignedKey: shared(pool, workOrder.laborAssignedKey),
    pmKey: shared(pool, workOrder.pmKey),
    severity: shared(pool, workOrder.severity),
    estimatedTime: shared(pool, workOrder.estimatedTime),
    scheduledAt: workOrder.scheduledAt,
    dueAt: workOrder.dueAt,
    completedAt: workOrder.completedAt,
    createdAt: workOrder.createdAt,
  };
}
