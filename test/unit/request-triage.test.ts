import { describe, expect, it } from 'vitest';
import type { OutboxOperation } from '../../shared/domain/outbox-operation';
import type { ServiceRequest } from '../../shared/domain/service-request';
import type { WorkOrderStatus } from '../../shared/domain/work-order-status';
import { linkingOperationsByRequest, requestRef, triageRequest } from '../../shared/service-requests/request-triage';

const request = (fields: Partial<ServiceRequest> = {}): ServiceRequest => ({
  connectionId: 'p', key: 'sr-1', updatedAt: '2026-12-01T08:00:00Z', deletedAt: null, title: 'Oil leak under gearbox', description: null, statusKey: 'new',
  siteKey: null, locationKey: null, assetKey: 'a-1', workOrderKey: null, userRequestedKey: 'u-1', userApprovedKey: null, teamKey: null, laborAssignedKey: null,
  severity: 'High', notes: null, approvedAt: null, dueAt: null, createdAt: '2026-12-01T08:00:00Z', ...fields,
});
const status = (code: string, name: string): WorkOrderStatus => ({ connectionId: 'p', key: code, updatedAt: '2026-01-01T00:00:00Z', deletedAt: null, code, name, isActive: true });
const operation = (fields: Partial<OutboxOperation>): OutboxOperation => ({
  id: 'op-00001', seq: 1, connectionId: 'p', action: 'approveServiceRequest', entity: 'workOrders', key: 'local:1', baseUpdatedAt: null,
  changes: { serviceRequestKey: 'sr-1', title: 'Oil leak' }, base: {}, display: {}, createdAt: '2026-12-01T09:00:00Z', attempts: 0, state: 'pending', error: null, conflicts: [], ...fields,
});

describe('triageRequest', () => {
  it('a request nobody acted on is new; a declined status ends it', () => {
    expect(triageRequest(request(), status('NEW', 'New'), null).stage).toBe('new');
    expect(triageRequest(request(), null, null).stage).toBe('new');
    expect(triageRequest(request(), status('DECLINED', 'Declined'), null).stage).toBe('declined');
    expect(triageRequest(request(), status('X9', 'Rejected by planner'), null).stage).toBe('declined');
  });

  it('an approval made here is on its way until the plant has it, then linked; the plant\'s own link wins', () => {
    expect(triageRequest(request(), status('NEW', 'New'), operation({}))).toMatchObject({ stage: 'sending', workOrderKey: 'local:1' });
    expect(triageRequest(request(), status('NEW', 'New'), operation({ state: 'rejected' })).stage).toBe('sending');
    expect(triageRequest(request(), status('NEW', 'New'), operation({ state: 'done', key: 'wo-9' }))).toMatchObject({ stage: 'linked', workOrderKey: 'wo-9' });
    expect(triageRequest(request({ workOrderKey: 'wo-9' }), status('APPROVED', 'Approved'), operation({}))).toEqual({ stage: 'linked', workOrderKey: 'wo-9', linking: null });
  });

  it('a merge names the existing work order it joins', () => {
    const merge = operation({ action: 'mergeServiceRequest', key: 'wo-4', baseUpdatedAt: '2026-12-01T00:00:00Z' });
    expect(triageRequest(request(), status('NEW', 'New'), merge)).toMatchObject({ stage: 'sending', workOrderKey: 'wo-4' });
  });
});

describe('linkingOperationsByRequest', () => {
  it('keeps the latest approval or merge per request and ignores other writes', () => {
    const first = operation({ seq: 1, state: 'done' });
    const second = operation({ id: 'op-00002', seq: 2, action: 'mergeServiceRequest', key: 'wo-4' });
    const other = operation({ id: 'op-00003', seq: 3, action: 'updateWorkOrder', changes: { serviceRequestKey: 'sr-1' } });
    const found = linkingOperationsByRequest([second, other, first]);
    expect(found.size).toBe(1);
    expect(found.get(requestRef({ connectionId: 'p', key: 'sr-1' }))?.id).toBe('op-00002');
  });
});
