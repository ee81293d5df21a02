// The app against Makini's published spec, served by Stoplight Prism: web mode adds a token
// connection to Prism (through a proxy that records every answer), syncs into Chromium's IndexedDB,
// and the test checks what the page holds against what the app was sent. Static mode serves the
// spec's examples; dynamic mode (`-d`) makes answers up from the schemas (floats and negative
// numbers in `meta`, lorem-ipsum text in every field, times included), deterministic for a seed:
// PRISM_SEED=<seed> repeats one (it is printed).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makiniEntityAdapters } from '../../electron/core/connectors/makini/makini-entity-adapters';
import { syncEntities, type SyncEntity } from '../../shared/domain/sync-entity';
import { errorCodes } from '../../shared/errors';
import { launchChromium } from '../support/chromium';
import { startPrism, startRecordingProxy, writeMergedSpec, type RecordedAnswer } from '../support/prism-mock';
import { spawnWebMode } from '../support/spawn-web-mode';
import type { SpawnedCli } from '../support/spawn-cli';

// A fixed seed by default: with some seeds Prism makes every list empty, which would test nothing.
const seed = process.env.PRISM_SEED ?? '42';
console.log(`Prism spec sync: dynamic mode seed ${seed} (PRISM_SEED=${seed} repeats it)`);

let browser: Browser;
let spec: ReturnType<typeof writeMergedSpec>;

beforeAll(async () => {
  spec = writeMergedSpec();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  spec?.remove();
});

interface PageState {
  tables: Record<string, { connectionId: string; key: string }[]>;
  quarantine: { connectionId: string; entity: string; recordRef: string; reason: string; raw: string }[];
  history: { runId: string; entity: string; outcome: string; received: number; applied: number; quarantined: number; deleted: number; error: { message: string; list?: string } | null; note?: string }[];
}

/** Everything the page's cache holds, read with IndexedDB itself (the app's Dexie database is 'millwright'). */
function readCache(page: Page): Promise<PageState | null> {
  return page.evaluate(async (entities) => {
    if (!(await indexedDB.databases()).some((info) => info.name === 'millwright')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('millwright');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    try {
      const tables: Record<string, unknown[]> = {};
      for (const entity of entities) tables[entity] = await all(entity);
      return { tables, quarantine: await all('quarantine'), history: await all('syncHistory') } as unknown;
    } finally {
      db.close();
    }
  }, [...syncEntities]) as Promise<PageState | null>;
}

const entityByPath = new Map<string, SyncEntity>(syncEntities.map((entity) => [makiniEntityAdapters[entity].path, entity]));

/** What the spec lets a list record be, judged here independently of the app: the fields the sync cannot do without. */
function judge(entity: SyncEntity, raw: unknown): { ok: true; key: string; deleted: boolean } | { ok: false; fields: string[] } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, fields: [] };
  const record = raw as Record<string, unknown>;
  const isTime = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
  const bad: string[] = [];
  const key = typeof record.key === 'number' ? String(record.key) : record.key;
  if (typeof key !== 'string' || key === '') bad.push('key');
  const changeField = makiniEntityAdapters[entity].changeField ?? 'updatedAt';
  if (!isTime(record[changeField])) bad.push(changeField);
  const { deletedAt } = record;
  if (deletedAt !== undefined && deletedAt !== null && deletedAt !== '' && !isTime(deletedAt)) bad.push('deletedAt');
  if (bad.length > 0) return { ok: false, fields: bad };
  return { ok: true, key: key as string, deleted: isTime(deletedAt) };
}

/** Internal names that must never reach the screen: entity keys and the app's error codes. */
const internalNames = new RegExp(`\\b(${[...syncEntities, ...errorCodes].join('|')})\\b`);

async function syncAgainstPrism(mode: 'static' | 'dynamic') {
  const prism = await startPrism(spec.file, mode === 'dynamic' ? { dynamic: true, seed } : {});
  const proxy = await startRecordingProxy(prism.url);
  const home = await mkdtemp(path.join(tmpdir(), 'millwright-prism-e2e-'));
  let web: SpawnedCli | null = null;
  const context = await browser.newContext();
  try {
    web = spawnWebMode('prism-accepts-any-bearer-token', ['--port', '0', '--no-schedule', '--base-url', proxy.url, '--ephemeral']);
    const [, url] = await web.waitFor(/Millwright \(web mode\) on (\S+)/);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url!);

    // Every run ends: its history rows (written when it ends, whatever happened) cover every list.
    let state: PageState | null = null;
    for (const deadline = Date.now() + 120_000; ; ) {
      state = await readCache(page);
      const runs = new Set(state?.history.map((row) => row.runId));
      if (state && runs.size > 0 && [...runs].some((run) => state!.history.filter((row) => row.runId === run).length === syncEntities.length)) break;
      expect(Date.now(), `${mode}: the first sync did not end within 120 s; rows: ${JSON.stringify(state?.history.map((row) => row.entity))}`).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return { page, state: state!, answers: [...proxy.answers], pageErrors };
  } finally {
    // The page and processes go after the checks (which still click through the page).
    afterChecks.push(async () => {
      await context.close();
      await web?.stop();
      await proxy.stop();
      await prism.stop();
      await rm(home, { recursive: true, force: true });
    });
  }
}

const afterChecks: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of afterChecks.splice(0)) await cleanup();
});

/** The checks that hold for any spec-valid upstream. */
async function expectTruthfulSync(mode: 'static' | 'dynamic', run: Awaited<ReturnType<typeof syncAgainstPrism>>) {
  const { page, state, answers } = run;
  const rows = state.history;
  // No single list stops the others: every list has its row, and none was left unread by another's failure.
  expect(new Set(rows.map((row) => row.entity))).toEqual(new Set(syncEntities));
  for (const row of rows) {
    expect(['synced', 'no_permission', 'unsupported', 'failed'], row.entity).toContain(row.outcome);
    // Counts add up.
    expect(row.applied + row.quarantined, `${mode} ${row.entity}: ${JSON.stringify(row)}`).toBeLessThanOrEqual(row.received);
    if (row.error) {
      expect(row.error.message, row.entity).not.toMatch(internalNames);
      expect(row.error.list, row.entity).toBeTruthy();
    }
  }
  const failedLists = new Set(rows.filter((row) => row.outcome === 'failed').map((row) => row.entity));

  // Every record the app was sent is either cached (or, marked deleted, not), or skipped with a
  // reason naming its field. A mock's keys repeat (lorem-ipsum words), and the cache and Skipped
  // records hold one entry per key, so what counts is each key's last version, page by page as the
  // app commits them: a page's readable records first, then its skipped ones.
  type Expected = { entity: SyncEntity; key: string; cached: boolean | null; skipped: { raw: string; fields: string[] } | null };
  const expected = new Map<string, Expected>();
  const keyless: { entity: SyncEntity; raw: string; fields: string[] }[] = [];
  let judged = 0;
  for (const answer of answers as RecordedAnswer[]) {
    const entity = entityByPath.get(answer.path);
    if (!entity || answer.status !== 200 || failedLists.has(entity)) continue;
    const data = (answer.body as { data?: unknown }).data;
    if (!Array.isArray(data)) continue;
    const verdicts = data.map((raw: unknown) => ({ raw, verdict: judge(entity, raw) }));
    judged += data.length;
    const entry = (key: string) => {
      const id = `${entity} ${key}`;
      if (!expected.has(id)) expected.set(id, { entity, key, cached: null, skipped: null });
      return expected.get(id)!;
    };
    for (const { verdict } of verdicts) {
      if (!verdict.ok) continue;
      Object.assign(entry(verdict.key), { cached: !verdict.deleted, skipped: null });
    }
    for (const { raw, verdict } of verdicts) {
      if (verdict.ok) continue;
      const text = JSON.stringify(raw).slice(0, 4096);
      const key = (raw as { key?: unknown } | null)?.key;
      if ((typeof key === 'string' && key !== '') || typeof key === 'number') entry(String(key)).skipped = { raw: text, fields: verdict.fields };
      else keyless.push({ entity, raw: text, fields: verdict.fields });
    }
  }
  const expectSkipped = (entity: SyncEntity, raw: string, fields: string[], found: PageState['quarantine']) => {
    expect(found.length, `${mode} ${entity}: a record with unreadable ${fields.join(', ')} is not in Skipped records: ${raw.slice(0, 300)}`).toBeGreaterThan(0);
    for (const entry of found) {
      expect(fields.some((field) => entry.reason.includes(`"${field}"`)), `${mode} ${entity}: "${entry.reason}" names none of ${fields.join(', ')}`).toBe(true);
      expect(entry.reason).not.toMatch(internalNames);
    }
  };
  for (const { entity, key, cached, skipped } of expected.values()) {
    if (cached !== null) {
      const isCached = state.tables[entity]!.some((record) => record.key === key);
      expect(isCached, `${mode} ${entity} ${key}: ${cached ? 'valid, yet not cached' : 'marked deleted, yet cached'}`).toBe(cached);
    }
    if (skipped) expectSkipped(entity, skipped.raw, skipped.fields, state.quarantine.filter((entry) => entry.entity === entity && entry.recordRef === key && entry.raw === skipped.raw));
  }
  for (const { entity, raw, fields } of keyless) expectSkipped(entity, raw, fields, state.quarantine.filter((entry) => entry.entity === entity && entry.raw === raw));
  const cachedCount = Object.values(state.tables).reduce((sum, rows) => sum + rows.length, 0);
  console.log(`${mode}: ${judged} records sent, ${cachedCount} cached, ${state.quarantine.length} skipped; lists: ${rows.map((row) => `${row.entity} ${row.outcome} ${row.received}/${row.applied}/${row.quarantined}/${row.deleted}${row.error ? ` (${row.error.message})` : ''}`).join(', ')}`);
  expect(judged, `${mode}: no records were sent at all`).toBeGreaterThan(0);
  // No visible text on the Connections and Sync history pages shows an internal name.
  for (const name of ['Connections', 'Sync history']) {
    await page.getByRole('button', { name, exact: true }).click();
    // The page has rendered the click once a frame has passed.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    const text = await page.evaluate(() => document.body.innerText);
    expect(text.match(internalNames)?.[0], `${mode}: the ${name} page shows an internal name`).toBeUndefined();
  }
  expect(run.pageErrors).toEqual([]);
}

describe('sync against Prism serving Makini\'s published spec', () => {
  it('static mode (the spec\'s examples): every list read, every record cached or skipped with its field named, counts add up, no internal names', async () => {
    const run = await syncAgainstPrism('static');
    await expectTruthfulSync('static', run);
    // The examples are all readable: nothing is skipped and no list fails.
    expect(run.state.quarantine).toEqual([]);
    expect(run.state.history.filter((row) => row.outcome === 'failed')).toEqual([]);
  }, 240_000);

  it(`dynamic mode (made-up answers, seed ${seed}): the same, whatever the mock makes up`, async () => {
    const run = await syncAgainstPrism('dynamic');
    await expectTruthfulSync('dynamic', run);
  }, 240_000);
});
