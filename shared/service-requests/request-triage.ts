import type { OutboxOperation } from '../domain/outbox-operation';
import type { ServiceRequest } from '../domain/service-request';
import type { WorkOrderStatus } from '../domain/work-order-status';

/**
 * Where a service request stands for the supervisor:
 * - `new`: nobody has acted on it; it waits for triage.
 * - `sending`: approved or merged here, not yet in the plant's system (or refused there).
 * - `linked`: it has its work order (made from it, or merged into one).
 * - `declined`: the plant's system says it was declined (or rejected, or cancelled).
 */
export type RequestStage = 'new' | 'sending' | 'linked' | 'declined';

export interface RequestTriage {
  stage: RequestStage;
  /** The work order it became or joined: upstream's, or the local one being sent. */
  workOrderKey: string | null;
  /** The approval or merge made here that is not settled yet. */
  linking: OutboxOperation | null;
}

/** Status names (or codes) that end a request without work. */
const declinedWords = /declin|reject|cancel|refus|denied/i;

/** The approvals and merges made here, by the request they name. */
export function linkingOperationsByRequest(operations: readonly OutboxOperation[]): Map<string, OutboxOperation> {
  const byRequest = new Map<string, OutboxOperation>();
  for (const operation of operations) {
    if (operation.action !== 'approveServiceRequest' && operation.action !== 'mergeServiceRequest') continue;
    const requestKey = operation.changes.serviceRequestKey;
    if (typeof requestKey !== 'string') continue;
    const key = `${operation.connectionId}\u0000${requestKey}`;
    const earlier = byRequest.get(key);
    if (!earlier || (earlier.seq ?? 0) < (operation.seq ?? 0)) byRequest.set(key, operation);
  }
  return byRequest;
}

export const requestRef = (request: Pick<ServiceRequest, 'connectionId' | 'key'>) => `${request.connectionId}\u0000${request.key}`;

/**
 * The request's stage from the plant's record first: a work order linked upstream settles it
 * whatever was done here. Without one, an approval or merge made here says it is on its way (or,
 * done, that the plant has it and the request's new state comes with the next sync).
 */
export function triageRequest(request: ServiceRequest, status: WorkOrderStatus | null, linking: OutboxOperation | null): RequestTriage {
  if (request.workOrderKey) return { stage: 'linked', workOrderKey: request.workOrderKey, linking: null };
  // A done approval's key is the work order's key in the plant (the outbox moves it there).
  if (linking) return { stage: linking.state === 'done' ? 'linked' : 'sending', workOrderKey: linking.key, linking };
  const statusWords = `${status?.code ?? ''} ${status?.name ?? ''}`;
  if (declinedWords.test(statusWords)) return { stage: 'declined', workOrderKey: null, linking: null };
  return { stage: 'new', workOrderKey: null, linking: null };
}
