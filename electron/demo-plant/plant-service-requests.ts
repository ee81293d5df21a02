/**
 * Service requests as the plant changes them (see this folder's README, "Service requests"): filed
 * (POST /api/eam/service-requests, or the control API as if reported at the plant) as New, then
 * approved when a work order is raised for them or they are merged into one (a work-order write
 * with serviceRequestKey). The spec has no route that declines a request or changes its status
 * otherwise; declined ones are only generated.
 */
import type { ServiceRequestStatusName } from './plant-data';
import type { PlantState } from './plant-state';
import { inFieldOrder, live, type WriteRecord } from './write-records';

type Rec = WriteRecord;

/** The spec's ServiceRequest fields, in its order: records the plant writes list theirs so. */
const serviceRequestFieldOrder = [
  'key',
  'siteKey',
  'locationKey',
  'storeroomKey',
  'assetKey',
  'workOrderKey',
  'teamKey',
  'userRequestedKey',
  'userApprovedKey',
  'laborAssignedKey',
  'documents',
  'title',
  'description',
  'statusKey',
  'severity',
  'estimatedTime',
  'roleName',
  'categoryName',
  'notes',
  'approvedAt',
  'dueAt',
  'createdAt',
  'updatedAt',
  'deletedAt',
] as const;

/** The record with the spec's fields in the spec's order, any others after them; undefined fields left out. */
const inSpecOrder = (record: Record<string, unknown>): Rec => inFieldOrder(serviceRequestFieldOrder, record);

/** The key of the service-request status with this name, if the plant has it. */
export function serviceRequestStatusKey(state: PlantState, name: ServiceRequestStatusName): string | undefined {
  return state.collections.serviceRequestStatuses.live().find((status) => status.name === name)?.key;
}

export interface ServiceRequestFiling {
  title: string;
  description?: string;
  /** The user who reports it. */
  requester: Rec;
  /** The equipment it is about; the request takes its site and location. */
  asset?: Rec;
  severity?: string;
}

/** Files a new request, status New, stamped `stamp`: what POST /api/eam/service-requests and the control API both do. */
export function fileServiceRequest(state: PlantState, filing: ServiceRequestFiling, stamp: string): Rec {
  const { asset } = filing;
  const request = inSpecOrder({
    key: state.nextKey('serviceRequests'),
    siteKey: asset?.siteKey,
    locationKey: asset?.locationKey,
    assetKey: asset?.key,
    userRequestedKey: filing.requester.key,
    documents: [],
    title: filing.title,
    description: filing.description,
    statusKey: serviceRequestStatusKey(state, 'New'),
    severity: filing.severity,
    createdAt: stamp,
    updatedAt: stamp,
  });
  state.put('serviceRequests', request);
  return request;
}

/**
 * Why a work order (`workOrderKey`; null for one being created) cannot take this request, or
 * null if it can: a declined request is closed, and one linked to another live work order stays
 * with it. A request already linked to this work order may be named again.
 */
export function serviceRequestLinkProblem(state: PlantState, request: Rec, workOrderKey: string | null): string | null {
  if (request.statusKey !== undefined && request.statusKey === serviceRequestStatusKey(state, 'Declined')) {
    return `service request "${request.key}" was declined and cannot be linked to a work order`;
  }
  const linked = typeof request.workOrderKey === 'string' ? request.workOrderKey : null;
  if (linked !== null && linked !== workOrderKey && live(state, 'workOrders', linked)) {
    return `service request "${request.key}" is already linked to work order "${linked}"`;
  }
  return null;
}

/**
 * Approves a request for a work order that names it: the request takes the work order's key,
 * status Approved, approvedAt and updatedAt `stamp`, and the team the work order went to (and who
 * approved it, when the work order says). Nothing changes for a request already linked to it.
 */
export function approveServiceRequest(state: PlantState, requestKey: string, workOrder: Rec, stamp: string): void {
  const current = live(state, 'serviceRequests', requestKey);
  if (!current || current.workOrderKey === workOrder.key) return;
  const approvedKey = serviceRequestStatusKey(state, 'Approved');
  const approving = current.statusKey !== approvedKey;
  const request: Rec = { ...current, workOrderKey: workOrder.key, updatedAt: stamp };
  if (approvedKey) request.statusKey = approvedKey;
  if (approving || !current.approvedAt) request.approvedAt = stamp;
  if (typeof workOrder.teamKey === 'string') request.teamKey = workOrder.teamKey;
  if (typeof workOrder.userApprovedKey === 'string') request.userApprovedKey = workOrder.userApprovedKey;
  state.put('serviceRequests', inSpecOrder(request));
}
