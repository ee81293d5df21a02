import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';
import type { FieldValue } from '../../shared/domain/outbox-operation';
import { SimClient, simConnectionId } from '../simulation/sim-client';

/**
 * What the five-supervisor simulation (test/simulation) found, each replayed as a short script
 * against the real plant, pusher and Dexie cache, with the seed that found it. Most begin with a
 * crash after the plant applied an edit and before its answer was stored: the edit is then sent
 * again with its Idempotency-Key, and the plant answers with what it answered the first time.
 */
let plant: RunningDemoPlant;
const clients: SimClient[] = [];
let serial = 0;

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 11, sizes: { sites: 1, assets: 10, workOrders: 40, pmPlans: 0, technicians: 6, parts: 5, purchaseOrders: 0, serviceRequests: 0 }, changesPerMinute: 0, stateFile: null });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

afterAll(async () => {
  await plant.close();
});

async function desktop(): Promise<SimClient> {
  serial += 1;
  const client = new SimClient(`replay-${serial}-${Date.now()}`, plant, Date.now, 0, new SeededRandom(serial));
  clients.push(client);
  expect(await client.sync()).toBe(true);
  return client;
}

/** A work order no earlier test touched, open in the plant. */
const openWorkOrders = () => plant.state.collections.workOrders.live().filter((record) => !['Completed', 'Closed'].includes(String(record.status)));
let taken = 0;
const freshWorkOrder = () => openWorkOrders()[taken++]!.key!;
const upstream = (key: string) => plant.state.collections.workOrders.get(key)! as Record<string, unknown>;
const statusKeyNamed = (name: string) => plant.state.collections.workOrderStatuses.live().find((status) => status.name === name)!.key!;
const labors = () => plant.state.collections.labors.live().map((labor) => labor.key!);

const update = (client: SimClient, key: string, changes: Record<string, FieldValue>) => client.outbox.enqueue({ connectionId: simConnectionId, action: 'updateWorkOrder', key, changes });
const cached = async (client: SimClient, key: string) => (await client.db.workOrders.get([simConnectionId, key]))! as unknown as Record<string, unknown>;

/** Waits a second: the plant stamps changes to the second, and these scripts need each change newer than the last. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_050));

describe('edits sent again after a crash', () => {
  it('keeps what changed upstream since the first answer, not the replayed answer (seed 1)', async () => {
    const [a, b] = [await desktop(), await desktop()];
    const key = freshWorkOrder();
    await update(a, key, { severity: upstream(key).severity === 'Critical' ? 'Low' : 'Critical' });
    expect(await a.push({ writesBefore: 0, afterApplied: true })).toBe('crashed');
    a.restart();
    await nextSecond();
    await b.sync();
    await update(b, key, { notes: 'Belt guard refitted.' });
    expect(await b.push()).toMatchObject({ done: 1 });
    await a.sync();
    expect(await a.push()).toMatchObject({ done: 1 });
    // The replayed answer predates the note: stored, it would hide it, and no sync would bring it back.
    expect(await cached(a, key)).toMatchObject({ notes: 'Belt guard refitted.', updatedAt: upstream(key).updatedAt });
  });

  it('sends "keep mine" after a conflict as a new request, so it is applied (seed 9)', async () => {
    const [a, b] = [await desktop(), await desktop()];
    const key = freshWorkOrder();
    const [mine, theirs] = upstream(key).severity === 'Critical' ? ['Low', 'High'] : ['Critical', 'High'];
    const edit = await update(a, key, { severity: mine });
    expect(await a.push({ writesBefore: 0, afterApplied: true })).toBe('crashed');
    a.restart();
    await nextSecond();
    await b.sync();
    await update(b, key, { severity: theirs });
    await b.push();
    await a.sync();
    expect(await a.push()).toMatchObject({ conflicts: 1 });
    await a.outbox.resolve(edit.id, { keep: 'mine' });
    const resent = (await a.outbox.operation(edit.id))!;
    expect(resent.idempotencyKey).toBeDefined();
    expect(resent.idempotencyKey).not.toBe(edit.id);
    expect(await a.push()).toMatchObject({ done: 1 });
    // Sent with its first key, the plant would answer from that first write and leave theirs in place.
    expect(upstream(key).severity).toBe(mine);
    expect(plant.writes.snapshot().applied.filter((write) => write.idempotencyKey === resent.idempotencyKey)).toHaveLength(1);
  });

  it('sends the record\'s later edits again after "keep mine", so the last edit wins (seed 3)', async () => {
    const [a, b] = [await desktop(), await desktop()];
    const key = freshWorkOrder();
    const [first, second, theirs] = labors().filter((labor) => labor !== upstream(key).laborAssignedKey);
    const earlier = await update(a, key, { laborAssignedKey: first! });
    await update(a, key, { laborAssignedKey: second! });
    // Both land, then the desktop dies before storing either answer.
    expect(await a.push({ writesBefore: 1, afterApplied: true })).toBe('crashed');
    a.restart();
    expect(upstream(key).laborAssignedKey).toBe(second);
    await nextSecond();
    await b.sync();
    await update(b, key, { laborAssignedKey: theirs! });
    await b.push();
    await a.sync();
    expect(await a.push()).toMatchObject({ conflicts: 1 });
    await a.outbox.resolve(earlier.id, { keep: 'mine' });
    expect(await a.push()).toMatchObject({ done: 2 });
    // "Mine" sends the first edit over theirs; the second, made after it, must land after it again.
    expect(upstream(key).laborAssignedKey).toBe(second);
    await a.sync();
    expect(await cached(a, key)).toMatchObject({ laborAssignedKey: second, updatedAt: upstream(key).updatedAt });
  });

  it('sends two edits of one field that both landed before the crash again without a conflict: the later one stands (seed 127)', async () => {
    const a = await desktop();
    const key = freshWorkOrder();
    await update(a, key, { scheduledAt: '2026-12-20T08:00:00Z' });
    await update(a, key, { scheduledAt: '2026-12-21T08:00:00Z' });
    expect(await a.push({ writesBefore: 1, afterApplied: true })).toBe('crashed');
    a.restart();
    // The plant holds the second edit's value: the first is not asked about as if someone else had set it.
    expect(await a.push()).toMatchObject({ done: 2, conflicts: 0 });
    expect(Date.parse(String(upstream(key).scheduledAt))).toBe(Date.parse('2026-12-21T08:00:00Z'));
    const shown = await cached(a, key);
    expect(Date.parse(String(shown.scheduledAt))).toBe(Date.parse('2026-12-21T08:00:00Z'));
    expect(shown.updatedAt).toBe(upstream(key).updatedAt);
  });

  it('keeps a newer synced version of a work order created before the crash (seeds 6 and 10)', async () => {
    const [a, b] = [await desktop(), await desktop()];
    const site = plant.state.collections.sites.live()[0]!.key!;
    await a.outbox.enqueue({ connectionId: simConnectionId, action: 'createWorkOrder', changes: { title: 'Conveyor C-3 belt squeal', siteKey: site, severity: 'Medium' }, display: { status: null } });
    expect(await a.push({ writesBefore: 0, afterApplied: true })).toBe('crashed');
    a.restart();
    const created = plant.writes.snapshot().applied.at(-1)!.key;
    await nextSecond();
    await b.sync();
    await update(b, created, { severity: 'Critical' });
    await b.push();
    await a.sync();
    expect(await a.push()).toMatchObject({ done: 1 });
    expect(await a.db.workOrders.where('connectionId').equals(simConnectionId).filter((record) => record.title === 'Conveyor C-3 belt squeal').toArray()).toEqual([
      expect.objectContaining({ key: created, severity: 'Critical', updatedAt: upstream(created).updatedAt }),
    ]);
  });
});

describe('settling conflicts', () => {
  it('takes theirs as upstream holds it now, with the status name and completion date that go with it (seeds 1, 2, 3, 5, 8)', async () => {
    const [a, b] = [await desktop(), await desktop()];
    const key = freshWorkOrder();
    // Two statuses for the other supervisor, neither the work order's own.
    const [onHold, inProgress] = [['On hold', 'Approved'], ['In progress', 'Scheduled']].map((names) => names.find((name) => name !== upstream(key).status)!);
    const edit = await a.outbox.enqueue({ connectionId: simConnectionId, action: 'setWorkOrderStatus', key, changes: { statusKey: statusKeyNamed('Completed') }, display: { status: 'Completed' } });
    // Completing it shows a completion date at once, stamped here.
    expect((await cached(a, key)).completedAt).not.toBeNull();
    await b.outbox.enqueue({ connectionId: simConnectionId, action: 'setWorkOrderStatus', key, changes: { statusKey: statusKeyNamed(onHold!) }, display: { status: onHold! } });
    await b.push();
    expect(await a.push()).toMatchObject({ conflicts: 1 });
    await nextSecond();
    await b.sync();
    await b.outbox.enqueue({ connectionId: simConnectionId, action: 'setWorkOrderStatus', key, changes: { statusKey: statusKeyNamed(inProgress!) }, display: { status: inProgress! } });
    await b.push();
    await a.sync();
    expect((await a.outbox.operation(edit.id))!.conflicts).toEqual([expect.objectContaining({ theirs: statusKeyNamed(inProgress!), theirsShown: { status: inProgress, completedAt: null } })]);
    await a.outbox.resolve(edit.id, { keep: 'theirs' });
    expect(await cached(a, key)).toMatchObject({ statusKey: statusKeyNamed(inProgress!), status: inProgress, completedAt: null });
    expect(upstream(key).statusKey).toBe(statusKeyNamed(inProgress!));
    expect(upstream(key).completedAt ?? null).toBeNull();
  });

  it('keeps the record\'s later edits on top of the one settled (seed 1)', async () => {
    const [a, b] = [await desktop(), await desktop()];
    const key = freshWorkOrder();
    const [first, second, theirs] = ['Low', 'Medium', 'High', 'Critical'].filter((severity) => severity !== upstream(key).severity);
    const earlier = await update(a, key, { severity: first! });
    await update(a, key, { severity: second! });
    await update(b, key, { severity: theirs! });
    await b.push();
    expect(await a.push()).toMatchObject({ conflicts: 1 });
    await a.outbox.resolve(earlier.id, { keep: 'theirs' });
    // The later edit still waits to be sent: the card shows it, not theirs.
    expect((await cached(a, key)).severity).toBe(second);
  });
});
