import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import type { PlantRecord } from '../../electron/demo-plant/record-collection';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';
import { touchRecords } from '../../electron/demo-plant/upstream-edits';
import { statusTransitionRefusal } from '../../shared/board/status-transition';
import { isCreateAction, unsettledStates, type FieldValue, type OutboxOperation } from '../../shared/domain/outbox-operation';
import type { ConflictChoice } from '../../shared/reconcile/reconcile-operation';
import { EditLedger, same, type LedgerEdit } from './edit-ledger';
import { SimClient } from './sim-client';
import { freshValue, supervisorEdit } from './supervisor-edits';

export interface WeekOptions {
  /** Supervisors' desktops (5 by default). */
  clients?: number;
}

/** What a week did: the figures the issue asks for. */
export interface WeekFigures {
  seed: number;
  steps: number;
  edits: number;
  /** Writes the plant applied (each once, by its Idempotency-Key). */
  applied: number;
  /** Writes answered from the plant's Idempotency-Key store: sent again after a crash, applied once. */
  replayed: number;
  merged: number;
  conflictsSurfaced: number;
  conflictsResolved: number;
  refusals: number;
  crashes: number;
  lost: number;
  duplicated: number;
}

/** An invariant that did not hold; the message names the seed, so the run can be replayed. */
export class SimulationFailure extends Error {}

const minute = 60_000;
/** Monday 30 November 2026, 06:00 UTC: the week starts with the early shift. */
const weekStart = Date.UTC(2026, 10, 30, 6);
/** Work orders the plant's own technicians move along per minute of simulated time (its --changes-per-minute). */
const changesPerMinute = 0.02;
const plantSizes = { sites: 2, assets: 30, workOrders: 150, pmPlans: 5, technicians: 8, parts: 20, purchaseOrders: 5, serviceRequests: 3 };
/** Fields compared between a cache and the plant after every sync. */
const watchedFields = ['statusKey', 'severity', 'notes', 'laborAssignedKey', 'scheduledAt', 'title'] as const;

type PlantWorkOrder = PlantRecord & Record<string, unknown>;

/** crypto.randomUUID drawn from the seed, so operation ids, local keys and Idempotency-Keys replay too. */
function seedUuids(random: SeededRandom): () => void {
  const original = Object.getOwnPropertyDescriptor(globalThis.crypto, 'randomUUID');
  const hex = () => Math.floor(random.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
  Object.defineProperty(globalThis.crypto, 'randomUUID', {
    configurable: true,
    value: () => {
      const h = `${hex()}${hex()}${hex()}${hex()}`;
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  });
  return () => {
    if (original) Object.defineProperty(globalThis.crypto, 'randomUUID', original);
    else delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
  };
}

/**
 * Five supervisors' desktops and one plant through a simulated week, from one seed: desktops go
 * offline and online, edit the same work orders, crash mid-push and reconnect in random order,
 * while the plant's technicians move work along. Every push and sync is checked as it happens;
 * at the end every edit must be applied exactly once or surfaced to its maker, and every cache
 * must equal the plant. Throws SimulationFailure (naming the seed) when an invariant breaks.
 */
export async function runSupervisorWeek(seed: number, options: WeekOptions = {}): Promise<WeekFigures> {
  const random = new SeededRandom(seed);
  const restoreUuids = seedUuids(new SeededRandom(seed ^ 0x5eed));
  let now = weekStart;
  const plant = await startDemoPlant({ seed, sizes: plantSizes, changesPerMinute: 0, stateFile: null, now: () => now });
  const fail = (what: string): never => {
    throw new SimulationFailure(`Seed ${seed}, ${new Date(now).toISOString()}: ${what}`);
  };
  const ledger = new EditLedger();
  const clients = Array.from({ length: options.clients ?? 5 }, (_, index) => new SimClient(`supervisor-${index + 1}-${seed}`, plant, () => now, random.int(-5, 5) * minute, random));
  const figures = { seed, steps: 0, edits: 0, applied: 0, replayed: 0, merged: 0, conflictsSurfaced: 0, conflictsResolved: 0, refusals: 0, crashes: 0, lost: 0, duplicated: 0 };
  try {
    const hot = plant.state.collections.workOrders
      .live()
      .filter((workOrder) => !['Closed', 'Cancelled', 'Completed'].includes(String(workOrder.status)))
      .map((workOrder) => workOrder.key!)
      .sort()
      .slice(0, 20);
    for (const client of clients) {
      if (!(await client.sync())) fail(`${client.name} could not make its first sync`);
      await checkCacheAgainstPlant(client, plant, fail);
    }
    const end = weekStart + 7 * 24 * 60 * minute;
    let serial = 0;
    while (now < end) {
      const elapsed = random.int(5, 60) * minute;
      now += elapsed;
      figures.steps += 1;
      // The plant's own technicians, at their pace; and now and then someone editing in the plant's own system.
      const moved = Math.floor(changesPerMinute * (elapsed / minute) + random.next());
      if (moved > 0) plant.state.advanceWorkOrders(moved, random, now);
      if (random.chance(0.15)) touchRecords(plant.state, 'workOrders', 1, random, now);
      const client = random.pick(clients);
      const event = random.weighted([
        ['network', 2],
        ['edit', 5],
        ['reconnect', 4],
        ['settle', 2],
      ] as const);
      if (event === 'network') client.online = !client.online;
      else if (event === 'edit') {
        for (let count = random.int(1, 3); count > 0; count--) {
          serial += 1;
          const made = await supervisorEdit(client, random, hot, serial);
          if (!made) continue;
          const operation = await client.outbox.enqueue(made.request);
          ledger.add(client.name, operation, made.base, made.request.changes);
          figures.edits += 1;
        }
      } else if (event === 'reconnect' && client.online) {
        const crash = random.chance(0.2) ? { writesBefore: random.int(0, 3), afterApplied: random.chance(0.6) } : null;
        if (random.chance(0.5)) {
          await checkedSync(client, plant, fail);
          await checkedPush(client, plant, ledger, crash, fail);
        } else {
          await checkedPush(client, plant, ledger, crash, fail);
          await checkedSync(client, plant, fail);
        }
      } else if (event === 'settle') {
        await settle(client, random, ledger, serial, fail);
      }
    }
    // The week is over: everyone comes back online and works through what is left, in random order.
    for (const client of clients) client.online = true;
    for (let round = 0; ; round++) {
      if (round === 12) fail(`pending changes still waiting after ${round} rounds of reconnecting: ${await stuckSummary(clients)}`);
      for (const client of random.shuffle(clients)) {
        await settle(client, random, ledger, serial, fail);
        await checkedPush(client, plant, ledger, null, fail);
        await checkedSync(client, plant, fail);
      }
      if ((await Promise.all(clients.map(unsettledCount))).every((count) => count === 0)) break;
    }
    for (const client of clients) await checkedSync(client, plant, fail);
    await checkEveryEdit(clients, plant, ledger, figures, fail);
    await checkCachesEqual(clients, plant, random, () => now, fail);
    figures.crashes = clients.reduce((sum, client) => sum + client.crashes, 0);
    return figures;
  } finally {
    for (const client of clients) client.close();
    await plant.close();
    restoreUuids();
  }
}

const unsettledCount = async (client: SimClient) => (await client.db.outbox.toArray()).filter((operation) => unsettledStates.includes(operation.state)).length;

async function stuckSummary(clients: SimClient[]): Promise<string> {
  const stuck = await Promise.all(
    clients.map(async (client) =>
      (await client.db.outbox.toArray())
        .filter((operation) => unsettledStates.includes(operation.state))
        .map((operation) => `${client.name} ${operation.action} ${operation.key} ${operation.state}${operation.error ? ` (${operation.error.message})` : ''}`),
    ),
  );
  return stuck.flat().join('; ');
}

async function checkedSync(client: SimClient, plant: RunningDemoPlant, fail: (what: string) => never): Promise<void> {
  if (!(await client.sync())) fail(`${client.name}'s sync did not finish while online`);
  await checkCacheAgainstPlant(client, plant, fail);
}

/**
 * After a sync, the cache shows every live work order as the plant holds it, with the
 * desktop's own unsettled edits over it (and nothing the plant does not have).
 */
async function checkCacheAgainstPlant(client: SimClient, plant: RunningDemoPlant, fail: (what: string) => never): Promise<void> {
  const operations = (await client.db.outbox.toArray()).filter((operation) => unsettledStates.includes(operation.state) && operation.entity === 'workOrders').sort((a, b) => a.seq! - b.seq!);
  const cached = new Map((await client.db.workOrders.toArray()).map((record) => [record.key, record as unknown as Record<string, unknown>]));
  const live = plant.state.collections.workOrders.live() as PlantWorkOrder[];
  for (const upstream of live) {
    const shown = cached.get(upstream.key!);
    if (!shown) fail(`${client.name}'s cache lacks work order ${upstream.key} after a sync`);
    let expected: Record<string, unknown> = upstream;
    for (const operation of operations) if (operation.key === upstream.key) expected = { ...expected, ...operation.changes };
    for (const field of watchedFields) {
      if (!same(field, shown![field], expected[field])) {
        const all = (await client.db.outbox.toArray()).filter((operation) => operation.key === upstream.key);
        fail(
          `${client.name}'s cache shows ${upstream.key}.${field} = ${JSON.stringify(shown![field])} (updated ${String(shown!.updatedAt)}), the plant (updated ${String(upstream.updatedAt)}, with this desktop's unsent edits) ${JSON.stringify(expected[field])}; ` +
            `its edits of the record: ${all.map((operation) => `${operation.action} ${JSON.stringify(operation.changes)} ${operation.state}`).join('; ') || 'none'}`,
        );
      }
    }
  }
  const liveKeys = new Set(live.map((record) => record.key));
  for (const key of cached.keys()) if (!key.startsWith('local:') && !liveKeys.has(key)) fail(`${client.name}'s cache holds work order ${key}, which the plant does not`);
}

/** A record's ready operations (oldest first), as a push takes them: none behind a conflict or refusal. */
function readyOperations(operations: OutboxOperation[]): OutboxOperation[] {
  const blocked = new Set<string>();
  const ready: OutboxOperation[] = [];
  for (const operation of [...operations].sort((a, b) => a.seq! - b.seq!)) {
    const record = `${operation.entity}/${operation.key}`;
    if (operation.state === 'conflict' || operation.state === 'rejected') blocked.add(record);
    else if ((operation.state === 'pending' || operation.state === 'sending') && !blocked.has(record)) ready.push(operation);
  }
  return ready;
}

const plantWorkOrder = (plant: RunningDemoPlant, key: string) => {
  const record = plant.state.collections.workOrders.get(key);
  return record ? ({ ...record } as PlantWorkOrder) : null;
};

/**
 * Pushes one desktop's queue and checks each operation's fate against a model of the plant: an
 * update goes through only where upstream still held the value the supervisor saw (or already
 * theirs), lands as sent, and otherwise is surfaced as a conflict naming exactly the fields that
 * clash, with both values. Nothing else changes the plant during a push, so the model is exact.
 */
async function checkedPush(client: SimClient, plant: RunningDemoPlant, ledger: EditLedger, crash: Parameters<SimClient['push']>[0], fail: (what: string) => never): Promise<void> {
  const before = await client.db.outbox.toArray();
  const ready = readyOperations(before);
  const upstreamBefore = new Map(ready.filter((operation) => operation.entity === 'workOrders').map((operation) => [operation.key, plantWorkOrder(plant, operation.key)]));
  // Writes whose key the plant applied before (a crash cut their answer off) are answered from its
  // idempotency store this time, and change nothing.
  const appliedBefore = new Set(plant.writes.snapshot().applied.map((write) => write.idempotencyKey));
  const outcome = await client.push(crash);
  if (outcome === 'crashed') {
    client.restart();
    // Answers the dead process had not stored: the plant applied those edits, the desktop does not know yet.
    const appliedKeys = new Set(plant.writes.snapshot().applied.map((write) => write.idempotencyKey));
    const stored = await client.db.outbox.toArray();
    for (const operation of stored) {
      const edit = ledger.get(operation.id);
      if (operation.state !== 'done' && appliedKeys.has(operation.idempotencyKey ?? operation.id)) edit.inFlightAtCrash = true;
      // Conflicts met before the crash were stored as they were met: the supervisor sees them now.
      if (operation.state === 'conflict' && edit.state !== 'conflict') {
        const later = stored.filter((other) => other.key === operation.key && other.seq! > operation.seq! && unsettledStates.includes(other.state)).map((other) => ledger.get(other.id));
        checkSurfaced(client, edit, operation, plantWorkOrder(plant, operation.key), later, fail);
      }
    }
    return;
  }
  if (!client.online) return;
  const after = new Map((await client.db.outbox.toArray()).map((operation) => [operation.id, operation]));
  const byRecord = new Map<string, OutboxOperation[]>();
  for (const operation of ready) {
    const key = `${operation.entity}/${after.get(operation.id)?.key ?? operation.key}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), operation]);
  }
  for (const operations of byRecord.values()) {
    let model: Record<string, unknown> | null = null;
    let modelled = false;
    const written = new Set<string>();
    for (const [index, operation] of operations.entries()) {
      const edit = ledger.get(operation.id);
      const later = operations.slice(index + 1).map((next) => ledger.get(next.id));
      const now = after.get(operation.id);
      const key = now?.key ?? operation.key;
      if (!modelled) {
        model = operation.entity === 'workOrders' ? (upstreamBefore.get(operation.key) ?? null) : null;
        modelled = true;
      }
      if (!now || now.state === 'done') {
        edit.state = 'done';
        if (isCreateAction(operation.action)) {
          model = operation.entity === 'workOrders' ? plantWorkOrder(plant, key) : null;
          continue;
        }
        if (operation.entity !== 'workOrders') continue;
        if (!model) fail(`${client.name}'s ${operation.action} of ${key} went through though the plant has no such work order`);
        // An edit of a record made offline was made on its draft; the plant's first version is its base.
        const base = edit.onLocalRecord ? model! : edit.base;
        const replayed = appliedBefore.has(operation.idempotencyKey ?? operation.id);
        for (const [field, mine] of Object.entries(edit.changes)) {
          const theirs = model![field];
          if (!same(field, theirs, base[field]) && !same(field, theirs, mine) && !setLater(later, field, theirs)) {
            fail(`${client.name}'s ${operation.action} of ${key}.${field} overwrote ${JSON.stringify(theirs)} (it saw ${JSON.stringify(base[field])}) without a conflict`);
          }
          if (!replayed) written.add(field);
        }
        if (model!.updatedAt !== operation.baseUpdatedAt && !edit.onLocalRecord) edit.merged = true;
        // Applied before the crash (and maybe changed since by someone who saw it): replayed, it changes nothing.
        if (replayed) continue;
        model = { ...model!, ...edit.changes };
        continue;
      }
      if (now.state === 'conflict' && operation.state !== 'conflict') {
        checkSurfaced(client, edit, now, model, later, fail);
        break;
      }
      if (now.state === 'rejected') {
        edit.state = 'rejected';
        if (!now.error?.message) fail(`${client.name}'s refused ${operation.action} of ${key} carries no reason`);
        edit.refusal = now.error!.message;
        break;
      }
      // Deferred (upstream did not answer): it and the rest of its record wait for the next push.
      break;
    }
    if (model && written.size > 0) {
      const key = after.get(operations[0]!.id)?.key ?? operations[0]!.key;
      const upstream = plantWorkOrder(plant, key);
      for (const field of written) {
        if (!same(field, upstream?.[field], model[field])) fail(`${client.name}'s push of ${key} left ${field} = ${JSON.stringify(upstream?.[field])} in the plant, not the ${JSON.stringify(model[field])} sent`);
      }
    }
  }
}

/** Whether one of the record's later edits from this desktop sets `field` to `value` (then upstream holding it is no clash). */
const setLater = (later: readonly LedgerEdit[], field: string, value: unknown) => later.some((next) => Object.hasOwn(next.changes, field) && same(field, value, next.changes[field]));

/**
 * A conflict just surfaced to the supervisor who made the edit: it names exactly the fields where
 * the plant (`upstream`, as it stood when the edit was tried) holds neither what the supervisor
 * saw, nor what they chose, nor what one of their later edits of the record sets; with both values.
 */
function checkSurfaced(client: SimClient, edit: LedgerEdit, operation: OutboxOperation, upstream: Record<string, unknown> | null, later: LedgerEdit[], fail: (what: string) => never): void {
  edit.state = 'conflict';
  edit.conflictsSurfaced += 1;
  if (!upstream) fail(`${client.name}'s ${operation.action} of ${operation.key} is in conflict with a record the plant does not have`);
  const clashing = Object.keys(edit.changes).filter(
    (field) => !same(field, upstream![field], edit.base[field]) && !same(field, upstream![field], edit.changes[field]) && !setLater(later, field, upstream![field]),
  );
  const surfaced = operation.conflicts.map((conflict) => conflict.field).sort();
  if (JSON.stringify(surfaced) !== JSON.stringify(clashing.sort())) fail(`${client.name}'s ${operation.action} of ${operation.key} surfaced conflicts on [${surfaced}], the plant clashes on [${clashing}]`);
  for (const conflict of operation.conflicts) {
    const { field } = conflict;
    if (!same(field, conflict.mine, edit.changes[field]) || !same(field, conflict.theirs, upstream![field]) || !same(field, conflict.base, edit.base[field])) {
      fail(
        `${client.name}'s conflict on ${operation.key}.${field} shows mine ${JSON.stringify(conflict.mine)} / theirs ${JSON.stringify(conflict.theirs)} / base ${JSON.stringify(conflict.base)}; ` +
          `expected ${JSON.stringify(edit.changes[field])} / ${JSON.stringify(upstream![field])} / ${JSON.stringify(edit.base[field])}`,
      );
    }
  }
}

/**
 * The supervisor works through their conflicts and refusals: keeps theirs, keeps mine, or types
 * a new value; a refused change is read and discarded.
 */
async function settle(client: SimClient, random: SeededRandom, ledger: EditLedger, serial: number, fail: (what: string) => never): Promise<void> {
  const operations = (await client.db.outbox.toArray()).sort((a, b) => a.seq! - b.seq!);
  const statuses = await client.db.workOrderStatuses.toArray();
  const statusOf = (key: FieldValue) => statuses.find((status) => status.key === key) ?? null;
  for (const operation of operations) {
    const edit = ledger.get(operation.id);
    if (operation.state === 'conflict') {
      const statusClash = operation.conflicts.find((conflict) => conflict.field === 'statusKey');
      // A status the workflow no longer allows from theirs is not offered as "keep mine".
      const mineAllowed = !statusClash || statusTransitionRefusal(statusOf(statusClash.theirs), statusOf(statusClash.mine) ?? { name: '', isActive: false }) === null;
      const kind = !mineAllowed ? 'theirs' : statusClash ? random.pick(['mine', 'theirs'] as const) : random.pick(['mine', 'theirs', 'edit'] as const);
      let choice: ConflictChoice;
      if (kind === 'edit') {
        const record = (await client.db.workOrders.get([operation.connectionId, operation.key]))!;
        const values: Record<string, FieldValue> = {};
        for (const conflict of operation.conflicts) values[conflict.field] = await freshValue(client, random, conflict.field, { ...record, notes: String(conflict.theirs ?? '') || null }, serial);
        choice = { edit: values };
      } else choice = { keep: kind };
      await client.outbox.resolve(operation.id, choice);
      edit.resolutions.push(kind);
      // Settled and sent again, it (and the record's later edits) go as new requests.
      for (const stored of await client.db.outbox.toArray()) {
        const key = stored.idempotencyKey;
        const made = ledger.get(stored.id);
        if (key && !made.keys.includes(key)) made.keys.push(key);
      }
      for (const conflict of operation.conflicts) {
        if (kind === 'theirs') {
          delete edit.changes[conflict.field];
          delete edit.base[conflict.field];
        } else {
          edit.base[conflict.field] = conflict.theirs;
          if (kind === 'edit' && 'edit' in choice) edit.changes[conflict.field] = choice.edit[conflict.field]!;
        }
      }
      edit.state = Object.keys(edit.changes).length === 0 ? 'done' : 'pending';
      edit.settledTheirs = Object.keys(edit.changes).length === 0;
      const stored = await client.outbox.operation(operation.id);
      if ((stored?.state ?? 'done') !== edit.state) fail(`${client.name}'s conflict on ${operation.key} settled "${kind}" is ${stored?.state}, expected ${edit.state}`);
    } else if (operation.state === 'rejected') {
      if (!operation.error?.message) fail(`${client.name}'s refused ${operation.action} of ${operation.key} carries no reason`);
      edit.refusal = operation.error!.message;
      await client.outbox.discard(operation.id);
      // Discarding a refused new record takes the edits made to it along.
      for (const other of ledger.of(client.name)) {
        if ((other.state === 'pending' || other.state === 'rejected' || other === edit) && !(await client.outbox.operation(other.id))) {
          other.state = 'discarded';
          other.refusal ??= `went with the refused ${operation.action}: ${operation.error!.message}`;
        }
      }
    }
  }
}

/**
 * Every edit made in the week is either applied upstream exactly once or was surfaced to its
 * supervisor (a conflict settled "theirs", or a refusal with its reason); no Idempotency-Key was
 * applied twice, and no write reached the plant that no supervisor made.
 */
async function checkEveryEdit(clients: SimClient[], plant: RunningDemoPlant, ledger: EditLedger, figures: WeekFigures, fail: (what: string) => never): Promise<void> {
  const writes = plant.writes.snapshot();
  const appliedBy = new Map<string, number>();
  for (const write of writes.applied) {
    if (!write.idempotencyKey) fail(`the plant applied a ${write.method} ${write.path} without an Idempotency-Key`);
    if (!ledger.byKey(write.idempotencyKey!)) fail(`the plant applied ${write.method} ${write.path} with key ${write.idempotencyKey}, which no supervisor's edit carries`);
    appliedBy.set(write.idempotencyKey!, (appliedBy.get(write.idempotencyKey!) ?? 0) + 1);
  }
  figures.applied = writes.applied.length;
  figures.replayed = writes.replayed;
  figures.duplicated = [...appliedBy.values()].filter((count) => count > 1).length;
  if (figures.duplicated > 0) fail(`${figures.duplicated} edits were applied more than once`);
  for (const client of clients) {
    for (const operation of await client.db.outbox.toArray()) {
      const edit = ledger.get(operation.id);
      if (operation.state !== 'done') fail(`${client.name}'s ${operation.action} of ${operation.key} ended ${operation.state}`);
      edit.state = 'done';
    }
  }
  for (const edit of ledger.edits.values()) {
    // A key other than the last was sent only to meet a conflict: applied, it landed before a crash.
    const earlier = edit.keys.slice(0, -1).filter((key) => appliedBy.has(key));
    if (earlier.length > 0 && !edit.inFlightAtCrash) fail(`${edit.client}'s ${edit.action} ${edit.id} was applied under a key it then gave up, with no crash to explain it`);
    const applied = appliedBy.get(edit.keys.at(-1)!) ?? 0;
    const mayHaveLanded = edit.inFlightAtCrash ? 1 : 0;
    figures.conflictsSurfaced += edit.conflictsSurfaced;
    figures.conflictsResolved += edit.resolutions.length;
    if (edit.refusal) figures.refusals += 1;
    if (edit.merged && applied === 1) figures.merged += 1;
    const surfaced = edit.settledTheirs || edit.state === 'discarded';
    const accounted = surfaced ? applied <= mayHaveLanded : applied === 1;
    if (!accounted) {
      figures.lost += 1;
      fail(`${edit.client}'s ${edit.action} ${edit.id} (${JSON.stringify(edit.changes)}) was applied ${applied} times and ${surfaced ? 'surfaced' : 'never surfaced'}`);
    }
    if (edit.conflictsSurfaced !== edit.resolutions.length) fail(`${edit.client}'s ${edit.action} ${edit.id} surfaced ${edit.conflictsSurfaced} conflicts and was settled ${edit.resolutions.length} times`);
  }
}

type CachedRecord = { key: string; syncRunId?: string };

/** A cached record as JSON, without the mark of the sync run that stored it (each desktop's own). */
const asCompared = ({ syncRunId: _run, ...record }: CachedRecord) => JSON.stringify(record);

/** After a last sync, every desktop's cache holds what a fresh desktop's full sync of the plant holds, record for record. */
async function checkCachesEqual(clients: SimClient[], plant: RunningDemoPlant, random: SeededRandom, now: () => number, fail: (what: string) => never): Promise<void> {
  const reference = new SimClient(`reference-${clients[0]!.name}`, plant, now, 0, random);
  try {
    if (!(await reference.sync('full'))) fail('a fresh desktop could not sync the plant');
    const tables = reference.db.tables.filter((table) => table.schema.primKey.keyPath?.toString() === 'connectionId,key' && table.name !== 'documentFiles');
    const expected = new Map<string, Map<string, string>>();
    for (const table of tables) expected.set(table.name, new Map((await table.toArray()).map((record: CachedRecord) => [record.key, asCompared(record)])));
    const counts = plant.state.stats();
    if (expected.get('workOrders')!.size !== counts.counts['work-orders']) fail(`a fresh sync holds ${expected.get('workOrders')!.size} work orders, the plant ${counts.counts['work-orders']}`);
    for (const client of clients) {
      for (const table of tables) {
        const want = expected.get(table.name)!;
        const have = new Map((await client.db.table(table.name).toArray()).map((record: CachedRecord) => [record.key, asCompared(record)]));
        for (const [key, record] of want) {
          if (have.get(key) !== record) fail(`${client.name}'s ${table.name} ${key} is ${have.get(key) ?? 'missing'}; the plant's is ${record}`);
        }
        for (const key of have.keys()) if (!want.has(key)) fail(`${client.name}'s ${table.name} holds ${key}, which the plant does not`);
      }
    }
  } finally {
    reference.close();
  }
}
