// Crash test with real process deaths: web mode syncs a 20,000-work-order demo plant (its own
// process) into Chromium's IndexedDB, and the web-mode Node process is SIGKILLed at random moments
// of the initial sync. Each time it is restarted on the same port and home (so the page's origin,
// and with it the cache, is the same) and the page reopened with the new launch's token. When the
// last launch has finished syncing, the page's work-order table must equal the plant exactly.
//
// The plan (where to kill, how many orders the plant moves before each kill) is drawn from a seed,
// printed at the start and in every failure; SYNC_CRASH_SEED=<n> repeats it. Where exactly each kill
// lands is up to the machine's speed: the page is polled, and the sync goes on meanwhile.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MakiniConnector } from '../../electron/core/connectors/makini/makini-connector';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';
import type { SyncCursor } from '../../shared/domain/sync-cursor';
import type { WorkOrder } from '../../shared/domain/work-order';
import { launchChromium } from '../support/chromium';
import { demoPlantControl } from '../support/demo-plant-control';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli';

const root = path.resolve(import.meta.dirname, '..', '..');
const workOrderCount = 20_000;
const kills = 3;
const seed = Number(process.env.SYNC_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`sync kill test: seed ${seed} (SYNC_CRASH_SEED=${seed} repeats this plan)`);

let plantCli: SpawnedCli;
let plantUrl: string;
let plantToken: string;
let control: ReturnType<typeof demoPlantControl>;
let browser: Browser;
let context: BrowserContext;
let home: string;
let port: number;
let web: WebMain | null = null;

interface WebMain {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
}

/**
 * Starts web mode as one Node process (tsx as a loader, not its CLI, whose wrapper process would
 * take the SIGKILL while web mode ran on), with the test's home, and waits for its address.
 */
async function startWebMain(): Promise<WebMain> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron/web-main.ts'), '--port', String(port), '--no-schedule', '--base-url', plantUrl, '--history-days', 'all'],
    { cwd: root, env: { ...process.env, MILLWRIGHT_HOME: home, MILLWRIGHT_TOKEN: plantToken }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Millwright \(web mode\) on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${child.exitCode}:\n${output}`));
    });
  });
  return { child, url, exited };
}

async function killWebMain(): Promise<void> {
  if (!web) return;
  const dying = web;
  web = null;
  dying.child.kill('SIGKILL');
  await dying.exited;
}

/** The page's cache, read with IndexedDB itself (the app's Dexie database is 'millwright'); null before the app created it. */
function readCache<T>(page: Page, what: 'count' | 'cursor' | 'rows'): Promise<T | null> {
  return page.evaluate(async (what) => {
    if (!(await indexedDB.databases()).some((info) => info.name === 'millwright')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('millwright');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = <R,>(store: string, call: (s: IDBObjectStore) => IDBRequest<R>) =>
      new Promise<R | null>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve(null);
        const request = call(db.transaction(store, 'readonly').objectStore(store));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    try {
      if (what === 'count') return await read('workOrders', (s) => s.count());
      if (what === 'cursor') {
        const cursors = (await read('syncCursors', (s) => s.getAll())) as { entity: string; cursor: unknown }[] | null;
        return cursors?.find((row) => row.entity === 'workOrders')?.cursor ?? null;
      }
      const rows = (await read('workOrders', (s) => s.getAll())) as { connectionId: string; key: string; updatedAt: string; statusKey: string | null }[] | null;
      return rows?.map((row) => [row.connectionId, row.key, row.updatedAt, row.statusKey]) ?? null;
    } finally {
      db.close();
    }
  }, what) as Promise<T | null>;
}

/** Every live work order of the plant, read through the API as a client would. */
async function plantWorkOrders(): Promise<WorkOrder[]> {
  const connector = new MakiniConnector({ connectionId: 'check', baseUrl: plantUrl, getToken: () => plantToken, timeoutMs: 10_000 });
  const records: WorkOrder[] = [];
  for (let page = 1; ; page += 1) {
    const result = await connector.listPage('workOrders', { updatedSince: null, page, perPage: 1000 });
    records.push(...result.records);
    if (result.records.length + result.quarantined.length < 1000) break;
  }
  return records.filter((record) => record.deletedAt === null);
}

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'millwright-kill-'));
  port = await freePort();
  plantCli = spawnCli('electron/demo-plant-main.ts', ['--port', '0', '--seed', '21', '--work-orders', String(workOrderCount), '--ephemeral', '--changes-per-minute', '0']);
  plantUrl = (await plantCli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  plantToken = (await plantCli.waitFor(/access token: (\S+)/))[1]!;
  control = demoPlantControl(plantUrl, plantToken);
  browser = await launchChromium();
  // One context for the whole test: its IndexedDB is the cache that has to survive the kills.
  context = await browser.newContext();
});

afterAll(async () => {
  await killWebMain();
  await browser?.close();
  await plantCli?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('web mode killed during its initial sync (20,000 work orders, Chromium)', () => {
  it(`ends with the page's cache equal to the plant after ${kills} SIGKILLs of the web-mode process`, async () => {
    const random = new SeededRandom(seed);
    const page = await context.newPage();
    const log: string[] = [];
    let lastCursor: SyncCursor | null = null;
    const started = Date.now();

    // The cache only grows while the plant holds its count (no deletes), so kill points are set
    // as counts of cached work orders, each somewhere in the next stretch of the sync (a low first
    // one kills web mode while it is still on the reference data, or even before the page attached).
    // The whole plan is drawn before anything runs, so the seed alone decides it; the polls draw
    // their pauses from a stream of their own (how many there are depends on the machine's speed).
    const stretch = 17_000 / kills;
    const thresholds = Array.from({ length: kills }, (_, index) => Math.round(index * stretch + random.next() * stretch));
    const advances = Array.from({ length: kills }, () => random.int(20, 200));
    const pauses = new SeededRandom(seed ^ 0x5f3759df);
    for (let launch = 0; launch <= kills; launch += 1) {
      web = await startWebMain();
      // A new launch has a new token: the old page cannot talk to it, so open the app afresh.
      await page.goto('about:blank');
      await page.goto(web.url);
      // Watch from the Connections page: the board re-reads every cached order at each commit,
      // which makes a 20,000-order first sync about ten times slower (the board's business, not this test's).
      // (exactly: the Board offers "Go to Connections" while it has nothing to show).
      await page.getByRole('button', { name: 'Connections', exact: true }).click();
      if (launch === kills) break;

      const target = thresholds[launch]!;
      let cached = 0;
      for (const deadline = Date.now() + 45_000; (cached = (await readCache<number>(page, 'count')) ?? 0) < target; ) {
        expect(Date.now(), `launch ${launch}: the sync did not reach ${target} work orders (${cached}); seed ${seed}`).toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, pauses.int(5, 40)));
      }
      // The plant changes under the sync, then web mode dies mid-stride.
      await control.advanceWorkOrders(advances[launch]!);
      await killWebMain();
      // The page may still be committing the last page it got: let it, then read the cursor it left.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const cursor = await readCache<SyncCursor>(page, 'cursor');
      if (lastCursor && cursor) {
        const back = Date.parse(cursor.updatedAt) < Date.parse(lastCursor.updatedAt);
        expect(back, `launch ${launch}: cursor went back from ${lastCursor.updatedAt} to ${cursor.updatedAt}; seed ${seed}`).toBe(false);
      }
      lastCursor = cursor ?? lastCursor;
      log.push(`kill ${launch + 1} at ${cached} work orders cached (aimed at ${target}), cursor ${cursor?.updatedAt ?? 'none'}, ${Date.now() - started} ms in`);
    }

    // The last launch syncs to the end. The work orders are done once their cursor holds the newest
    // change upstream: pages come in ascending order, each committed with its cursor, so a cursor at
    // the newest instant that names every order changed at that instant follows every other change.
    // The instant alone is not enough: the orders moved just before the last kill share one second,
    // and a page can end inside it; the cursor is then at that instant while the rest of its orders
    // are still to come with the next page (a cache read then lacks them, or holds their old versions).
    const upstream = await plantWorkOrders();
    expect(upstream.length).toBe(workOrderCount);
    const newest = Math.max(...upstream.map((wo) => Date.parse(wo.updatedAt)));
    const atNewest = upstream.filter((wo) => Date.parse(wo.updatedAt) === newest).map((wo) => wo.key);
    for (const deadline = Date.now() + 60_000; ; ) {
      const cursor = await readCache<SyncCursor>(page, 'cursor');
      const done = cursor !== null && Date.parse(cursor.updatedAt) === newest && atNewest.every((key) => cursor.keysAtUpdatedAt.includes(key));
      if (done) break;
      const where = cursor ? `${cursor.updatedAt} with ${cursor.keysAtUpdatedAt.length} keys` : 'none';
      expect(Date.now(), `the last launch did not finish syncing work orders (cursor ${where}, newest ${new Date(newest).toISOString()} with ${atNewest.length}); seed ${seed}`).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    log.push(`last launch synced the work orders to the end, ${Date.now() - started} ms in`);
    console.log(log.join('\n'));

    const cachedRows = (await readCache<[string, string, string, string | null][]>(page, 'rows'))!;
    // One connection all along: a restart that made a new one would hold every order twice.
    expect(new Set(cachedRows.map(([connectionId]) => connectionId)).size, `seed ${seed}`).toBe(1);
    const cached = new Map(cachedRows.map(([, key, updatedAt, statusKey]) => [key, { updatedAt, statusKey }]));
    expect(cached.size, `seed ${seed}`).toBe(cachedRows.length);
    const missing = upstream.filter((wo) => !cached.has(wo.key)).map((wo) => wo.key);
    const stale = upstream
      .filter((wo) => cached.has(wo.key) && (cached.get(wo.key)!.updatedAt !== wo.updatedAt || cached.get(wo.key)!.statusKey !== wo.statusKey))
      .map((wo) => wo.key);
    const known = new Set(upstream.map((wo) => wo.key));
    const extra = [...cached.keys()].filter((key) => !known.has(key));
    expect({ missing: missing.slice(0, 10), stale: stale.slice(0, 10), extra: extra.slice(0, 10) }, `seed ${seed}`).toEqual({ missing: [], stale: [], extra: [] });
    expect(cachedRows.length, `seed ${seed}`).toBe(workOrderCount);
    await page.close();
  });
});
