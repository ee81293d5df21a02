import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MakiniRecordWriter } from '../../electron/core/connectors/makini/makini-record-writer';
import { OutboxPusher } from '../../electron/core/outbox/outbox-pusher';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import { MillwrightDb } from '../../renderer/db/millwright-db';
import type { OutboxOperation } from '../../shared/domain/outbox-operation';
import { writeCapabilities } from '../../shared/write-capabilities';

/**
 * An edit tried before (a crash, a lost answer) may be answered from the server's idempotency
 * store as the record stood then, so after its write the pusher reads the record back. These
 * cover that read failing: for lack of reach the edit waits and goes again with the same key;
 * refused (an account that may write a work order but not read it), the write's answer is kept.
 */
const connectionId = 'plant';
const stored = { key: 'wo-1', code: 'WO-1', title: 'Replace belt', severity: 'Low', updatedAt: '2026-12-01T08:00:00Z', tasks: [] };
let server: Server;
let baseUrl: string;
let current: Record<string, unknown>;
/** What the stand-in does with a GET after a PUT: answer, refuse (403), or reset the connection. */
let readBackAnswer: 'record' | 'forbidden' | 'reset';
const puts: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'PUT') {
        puts.push(request.headers['idempotency-key'] as string | undefined);
        current = { ...current, ...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as object), updatedAt: '2026-12-02T08:00:00Z' };
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: current }));
        return;
      }
      const afterWrite = puts.length > 0;
      if (afterWrite && readBackAnswer === 'reset') return request.socket.destroy();
      if (afterWrite && readBackAnswer === 'forbidden') {
        return response.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'forbidden', type: 'forbidden', message: 'Not allowed to read work orders.' } }));
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

beforeEach(() => {
  current = { ...stored };
  puts.length = 0;
});

/** A cache holding the work order and one severity edit whose first attempt was cut short. */
async function interruptedEdit() {
  const db = new MillwrightDb(`read-back-${randomUUID()}`, { indexedDB, IDBKeyRange });
  await db.workOrders.put({
    connectionId, key: 'wo-1', code: 'WO-1', title: 'Replace belt', statusKey: null, status: null, siteKey: null, locationKey: null, assetKey: null, teamKey: null,
    laborAssignedKey: null, pmKey: null, serviceRequestKey: null, severity: 'High', estimatedTime: null, actualTime: null, completionRemarks: null, notes: null,
    scheduledAt: null, dueAt: null, completedAt: null, createdAt: null, tasks: [], updatedAt: stored.updatedAt, deletedAt: null,
  });
  const operation: OutboxOperation = {
    id: randomUUID(), connectionId, action: 'updateWorkOrder', entity: 'workOrders', key: 'wo-1', baseUpdatedAt: stored.updatedAt,
    changes: { severity: 'High' }, base: { severity: 'Low' }, display: {}, createdAt: '2026-12-01T09:00:00Z', attempts: 1, state: 'sending', error: null, conflicts: [],
  };
  await db.outbox.add(operation);
  const outbox = new DexieOutbox(db);
  const writer = new MakiniRecordWriter({ connectionId, baseUrl, getToken: () => 'token', timeoutMs: 2000 });
  const pusher = new OutboxPusher({ connectionId, writer, store: outbox, capabilities: () => writeCapabilities('demo-plant'), sleep: async () => undefined });
  return { db, outbox, pusher, operation };
}

describe('reading a record back after a write that may have been replayed', () => {
  it('keeps the write\'s answer when the server refuses the read: the edit is done, not refused', async () => {
    readBackAnswer = 'forbidden';
    const { db, outbox, pusher, operation } = await interruptedEdit();
    expect(await pusher.push()).toMatchObject({ done: 1, rejected: 0, deferred: 0 });
    expect((await outbox.operation(operation.id))?.state).toBe('done');
    expect(await db.workOrders.get([connectionId, 'wo-1'])).toMatchObject({ severity: 'High', updatedAt: '2026-12-02T08:00:00Z' });
    db.close();
  });

  it('waits when the read does not arrive, then sends it again with the same key', async () => {
    readBackAnswer = 'reset';
    const { db, outbox, pusher, operation } = await interruptedEdit();
    expect(await pusher.push()).toMatchObject({ done: 0, deferred: 1 });
    expect((await outbox.operation(operation.id))?.state).toBe('pending');
    readBackAnswer = 'record';
    expect(await pusher.push()).toMatchObject({ done: 1 });
    expect((await outbox.operation(operation.id))?.state).toBe('done');
    // Both sends carried the operation's one key: a server with an idempotency store applies it once.
    expect(puts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(puts)).toEqual(new Set([operation.id]));
    db.close();
  });
});
