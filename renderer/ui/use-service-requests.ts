import { useLiveQuery } from 'dexie-react-hooks';
import type { ServiceRequest } from '../../shared/domain/service-request';
import type { WorkOrderStatus } from '../../shared/domain/work-order-status';
import { linkingOperationsByRequest, requestRef, triageRequest, type RequestTriage } from '../../shared/service-requests/request-triage';
import { appDb } from '../db/app-db';

export interface TriagedServiceRequest {
  request: ServiceRequest;
  /** Its entry in the plant's request status table, when known. */
  status: WorkOrderStatus | null;
  triage: RequestTriage;
}

/** Newest first: a new problem is the one the supervisor has not seen. */
const newestFirst = (a: TriagedServiceRequest, b: TriagedServiceRequest) => (b.request.createdAt ?? b.request.updatedAt).localeCompare(a.request.createdAt ?? a.request.updatedAt);

/**
 * Every cached service request with where it stands (shared/service-requests/request-triage),
 * live: the Requests page and the header's count read it from here.
 */
export function useServiceRequests(): TriagedServiceRequest[] | undefined {
  return useLiveQuery(async () => {
    const [requests, statuses, linking] = await Promise.all([
      appDb.serviceRequests.toArray(),
      appDb.serviceRequestStatuses.toArray(),
      appDb.outbox.filter((operation) => operation.action === 'approveServiceRequest' || operation.action === 'mergeServiceRequest').toArray(),
    ]);
    const statusOf = new Map(statuses.map((status) => [`${status.connectionId}\u0000${status.key}`, status]));
    const linkingOf = linkingOperationsByRequest(linking);
    return requests
      .map((request) => {
        const status = request.statusKey ? (statusOf.get(`${request.connectionId}\u0000${request.statusKey}`) ?? null) : null;
        return { request, status, triage: triageRequest(request, status, linkingOf.get(requestRef(request)) ?? null) };
      })
      .sort(newestFirst);
  }, []);
}

/** How many requests wait for the supervisor, for the header. */
export function countNewRequests(requests: readonly TriagedServiceRequest[] | undefined): number {
  return requests?.filter((entry) => entry.triage.stage === 'new').length ?? 0;
}
