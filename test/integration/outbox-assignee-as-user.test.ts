import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MakiniRecordWriter } from '../../electron/core/connectors/makini/makini-record-writer';
import { OutboxPusher } from '../../electron/core/outbox/outbox-pusher';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import { MillwrightDb } from '../../renderer/db/millwright-db';
import { assigneeSending } from '../../renderer/ui/assignee-sent-as';
import type { Labor } from '../../shared/domain/labor';
import { writeCapabilities } from '../../shared/write-capabilities';

/**
 * MaintainX takes a work order's assignee as a user account (`userAssignedKey`, Makini's
 * platform notes), not as the technician the board assigns: the change is made on the
 * technician here and sent as their user account there.
 */
const connectionId = 'mx';
const wire = { key: 'wo-1', code: 'WO-1', title: 'Replace belt', siteKey: 'site-1', laborAssignedKey: 'lab-1', updatedAt: '2026-12-01T08:00:00Z', tasks: [] };
const labors: Labor[] = [
  { connectionId, key: 'lab-2', updatedAt: '2026-11-01T00:00:00Z', deletedAt: null, name: 'Ana Ruiz', code: null, teamKey: null, siteKeys: [], userKey: 'usr-2', roleName: null, isActive: true },
  { connectionId, key: 'lab-3', updatedAt: '2026-11-01T00:00:00Z', deletedAt: null, name: 'Contract fitter', code: null, teamKey: null, siteKeys: [], userKey: null, roleName: null, isActive: true },
];

let server: Server;
let baseUrl: string;
const received: { method: string; url: string; idempotencyKey: string | undefined; body: unknown }[] = [];
let current: Record<string, unknown> = { ...wire };

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : null;
};

beforeAll(async () => {
  // A stand-in for Makini in front of MaintainX: it records what it was sent and answers with
  // the record as MaintainX reads it back (Makini reports the assignee as laborAssignedKey).
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      received.push({ method: request.method ?? '', url: request.url ?? '', idempotencyKey: request.headers['idempotency-key'] as string | undefined, body });
      if (request.method === 'PUT' && body && typeof body === 'object' && 'userAssignedKey' in body) {
        current = { ...current, laborAssignedKey: 'lab-2', updatedAt: '2026-12-02T08:00:00Z' };
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: current }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('assigning a work order on a MaintainX connection', () => {
  it('sends the technician as their user account, with the fields MaintainX wants on every update, once', async () => {
    const db = new MillwrightDb('assignee-as-user', { indexedDB, IDBKeyRange });
    const capabilities = writeCapabilities('MAINTAIN-X');
    await db.workOrders.put({
      connectionId, key: 'wo-1', updatedAt: wire.updatedAt, deletedAt: null, code: 'WO-1', title: 'Replace belt', statusKey: null, status: null,
      siteKey: 'site-1', locationKey: null, assetKey: null, teamKey: null, laborAssignedKey: 'lab-1', pmKey: null, serviceRequestKey: null, estimatedTime: null, actualTime: null, completionRemarks: null, severity: null, notes: null,
      scheduledAt: null, dueAt: null, completedAt: null, createdAt: null, tasks: [],
    });
    const sending = assigneeSending(capabilities, labors, 'lab-2');
    expect(sending).toEqual({ ok: true, sendAs: { laborAssignedKey: { field: 'userAssignedKey', value: 'usr-2' } } });
    const outbox = new DexieOutbox(db);
    const operation = await outbox.enqueue({ connectionId, action: 'updateWorkOrder', key: 'wo-1', changes: { laborAssignedKey: 'lab-2' }, ...(sending.ok ? { sendAs: sending.sendAs } : {}) });
    expect((await db.workOrders.get([connectionId, 'wo-1']))?.laborAssignedKey).toBe('lab-2');

    const pusher = new OutboxPusher({
      connectionId,
      writer: new MakiniRecordWriter({ connectionId, baseUrl, getToken: () => 'token', timeoutMs: 2000 }),
      store: outbox,
      capabilities: () => capabilities,
      sleep: async () => undefined,
    });
    expect(await pusher.push()).toMatchObject({ done: 1, conflicts: 0, rejected: 0 });
    const puts = received.filter((request) => request.method === 'PUT');
    expect(puts).toEqual([{ method: 'PUT', url: '/api/eam/work-orders/wo-1', idempotencyKey: operation.id, body: { userAssignedKey: 'usr-2', siteKey: 'site-1', title: 'Replace belt' } }]);
    expect((await db.workOrders.get([connectionId, 'wo-1']))?.laborAssignedKey).toBe('lab-2');
    expect((await db.outbox.get(operation.seq!))?.state).toBe('done');
    db.close();
  });

  it('refuses, in words, a technician with no MaintainX account, and unassigning sends an empty user', () => {
    const capabilities = writeCapabilities('MAINTAIN-X');
    expect(assigneeSending(capabilities, labors, 'lab-3')).toEqual({ ok: false, refusal: 'Contract fitter has no MaintainX user account, and MaintainX takes an assignee only as a user.' });
    expect(assigneeSending(capabilities, labors, null)).toEqual({ ok: true, sendAs: { laborAssignedKey: { field: 'userAssignedKey', value: null } } });
    expect(assigneeSending(writeCapabilities('UPKEEP'), labors, 'lab-3')).toEqual({ ok: true });
  });
});
