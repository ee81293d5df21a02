// `npm run bench`: sync performance measured where it happens in the product, in headless
// Chromium through web mode, so the cache is Chromium's real (on-disk) IndexedDB. Each figure is
// set beside a baseline measured in the same run (and, for the initial sync, in the same page), so
// they mean the same on a slow or a fast machine:
//   - the initial sync of N work orders (default 100,000) from a demo plant in its own process,
//     against one raw Dexie bulkPut of the same N records into a fresh database of the app's schema;
//   - an incremental sync of 100 changed work orders, end to end, against one empty round trip to
//     the plant (before the page's baselines, whose 100,000 writes and drops keep the origin's
//     IndexedDB busy for a while, as no incremental sync of the app finds it).
// Then it splits the initial sync into host (Node) and page parts, and shows what the work-order
// board costs while it is open. Beside those:
//   - the replay of 1,000 queued offline edits (outbox), against 1,000 plain sequential PUTs;
//   - the webhook receiver's verified deliveries per second and p99 time to the 200, against a
//     bare node:http server verifying them with the standardwebhooks library (and, for reference,
//     one that answers 200 and does nothing).
// And a peer, side by side (peer-bench.ts, peer-page.ts): RxDB (the rxdb package, Dexie storage,
// replicateRxCollection with a pull handler on the same updatedAt checkpoint, pull batchSize 1,000,
// production mode) performs the same initial sync of the N work orders and the same incremental
// syncs of 100 changes, in the same Chromium, against the same demo plant process, each initial
// sync in a fresh on-disk profile; the rows give Millwright's time with RxDB's as its baseline and
// Millwright ÷ RxDB (goal: <= 0.5). With the sync section, Millwright's figures are that section's;
// with BENCH_ONLY=peer they are measured the same way (initial syncs, incremental syncs on the
// Connections page), without the sync section's baselines and board.
// Prints a table and writes bench-results.json at the repository root. A missed target is
// reported (OVER), not turned into an exit code; only a crash fails.
//
// BENCH_ONLY (comma-separated: sync, peer, scale, outbox, webhooks, relay, board, table, schedule; default all) picks the sections.
// scale: the cost curve at 10,000, 100,000 and 1,000,000 work orders (BENCH_SCALE_SIZES), with
// memory, IndexedDB's size on disk and the board at each size (scale-bench.ts); it also draws
// docs/bench-scale.svg (scale-chart.ts).
// board: the board's first render and column scrolling over 10,000 work orders (board-bench.ts).
// table: the work-order table's first render, sorts and scrolling over 100,000 (table-bench.ts).
// schedule: the schedule's first render over two plants of 5,000 work orders each, and how soon a
// keyboard reschedule is drawn, and scrolling its rows (schedule-bench.ts).
// Env: BENCH_WORK_ORDERS (default 100000), BENCH_ROUNDS (initial syncs, each in a fresh browser
// profile; default 3; as many for RxDB), BENCH_INCREMENTAL_ROUNDS (default 5; as many for RxDB),
// BENCH_BOARD_LIMIT_S (how long the initial sync with the board open may run before it is cut
// off; default 60, 0 skips it), BENCH_BUILD (auto | always | never: the renderer build web mode
// serves), CHROMIUM_PATH.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { syncEntities } from '../../shared/domain/sync-entity';
import { demoPlantControl } from '../support/demo-plant-control';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';
import { bundlePageProbe, openBenchPage, type BenchPage } from './bench-browser';
import type { PageProbe } from './page-probe';
import { emptyPlantRoundTrips, measureHostSide, median } from './host-side';
import { fmt, type BenchRow } from './bench-row';
import { waitForBoardTotal } from '../support/board-regions';
import { measureOutboxReplay } from './outbox-bench';
import { ensureRendererBuilt } from './renderer-build';
import { runBoardBench } from './board-bench';
import { runScheduleBench } from './schedule-bench';
import { runTableBench } from './table-bench';
import { measureRelay, type RelayPathFigures } from './relay-bench';
import { measureWebhookReceiver } from './webhook-bench';
import { measureRxdbPeer } from './peer-bench';
import { runScaleBench, scaleTargets } from './scale-bench';
import { scaleChartSvg } from './scale-chart';

const root = path.resolve(import.meta.dirname, '..', '..');
const envInt = (name: string, fallback: number, min = 1) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number >= ${min}`);
  return value;
};
const sectionNames = ['sync', 'peer', 'scale', 'outbox', 'webhooks', 'relay', 'board', 'table', 'schedule'] as const;
const sections = new Set((process.env.BENCH_ONLY ?? sectionNames.join(',')).split(',').map((name) => name.trim()));
for (const name of sections) {
  if (!(sectionNames as readonly string[]).includes(name)) throw new Error(`BENCH_ONLY takes ${sectionNames.join(', ')}; got "${name}"`);
}
const workOrders = envInt('BENCH_WORK_ORDERS', 100_000);
const rounds = envInt('BENCH_ROUNDS', 3);
const incrementalRounds = envInt('BENCH_INCREMENTAL_ROUNDS', 5);
const boardLimitMs = envInt('BENCH_BOARD_LIMIT_S', 60, 0) * 1000;
const changes = 100;
const perPage = 1000; // the sync engine's page size (web mode does not change it)
/** The peer section's goal: Millwright in at most half RxDB's time. */
const peerRatioTarget = 0.5;
/** Issue 18's targets at 100,000 work orders (the initial sync's is the scale section's too). */
const targets = { initialSyncRatio: 1.3, incrementalMs: 100, outboxReplayRatio: 1.2, webhookThroughputRatio: 0.8, webhookP99Ms: 20, peerRatio: peerRatioTarget };
const verdict = (ok: boolean) => (ok ? ('OK' as const) : ('OVER' as const));
const lastEntity = syncEntities[syncEntities.length - 1]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A new second on the clock, so the changes do not land in the instant the sync's cursor already holds. */
const nextSecond = () => sleep(1000 - (Date.now() % 1000) + 20);
const count = (n: number) => n.toLocaleString('en');
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

type ProgressEvent = Awaited<ReturnType<PageProbe['progress']>>[number];

interface InitialSyncRound {
  /** First workOrders progress event → its `done` event, as the page heard them. */
  syncMs: number;
  /** The same entity's Sync history row: startedAt → finishedAt on the host's clock. */
  historyRowMs: number;
  /** The whole startup run (every entity), first progress event → last. */
  startupRunMs: number;
  applyPageFrames: number;
  frameMegabytes: number;
  /** Sum over the sync's store.applyPage calls of (frame dispatched in the page → page's reply sent). */
  pageMs: number;
  /** The rest of the sync: the page waiting for the host to fetch, validate and send the next page. */
  waitingMs: number;
  baselineMs: number;
  pagedCommitMs: number;
  parseMs: number;
  validateMs: number;
  /** Work orders fetched so far, by ms since the work orders began. */
  timeline: [ms: number, fetched: number][];
}

interface IncrementalRound {
  board: boolean;
  changedMs: number;
  changedReceived: number;
  noChangeMs: number;
  noChangeReceived: number;
}

async function waitForStartupRun(bench: BenchPage, timeoutMs: number): Promise<{ progress: ProgressEvent[]; finished: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const progress = await bench.probe('progress');
    const failed = progress.find((event) => event.phase === 'failed');
    if (failed) throw new Error(`the startup sync failed at ${failed.entity}: ${failed.error}`);
    if (progress.some((event) => event.entity === lastEntity && event.phase !== 'running')) return { progress, finished: true };
    if (Date.now() > deadline) return { progress, finished: false };
    await sleep(250);
  }
}

function workOrderTimeline(progress: ProgressEvent[]) {
  const events = progress.filter((event) => event.entity === 'workOrders');
  const started = events.find((event) => event.phase === 'running')?.t ?? NaN;
  return { started, events, timeline: events.map((event) => [Math.round(event.t - started), event.fetched] as [number, number]) };
}

/** A fresh profile opens the app, which runs its startup sync; the work orders' share is measured (the baselines come later: pageBaselines). */
async function initialSyncRound(appUrl: string, probeScript: string, plantUrl: string, index: number) {
  const bench = await openBenchPage(appUrl, probeScript);
  try {
    // The Connections page (where a user watches a first sync) instead of the board: see boardRound.
    await bench.page.getByRole('button', { name: 'Connections' }).click();
    const early = await bench.probe('progress');
    if (early.some((event) => event.entity === 'workOrders')) throw new Error('the work orders began syncing before the Connections page was shown');
    const connections = (await bench.probe('invoke', 'connections.list')) as { id: string; baseUrl: string }[];
    const connectionId = connections.find((connection) => connection.baseUrl === plantUrl)!.id;

    const { progress } = await waitForStartupRun(bench, 15 * 60_000);
    const { started, events, timeline } = workOrderTimeline(progress);
    const done = events.find((event) => event.phase === 'done');
    if (!done) throw new Error(`the work orders did not sync: ${JSON.stringify(events.at(-1))}`);
    const stored = await bench.probe('workOrderCount', connectionId);
    if (stored !== workOrders) throw new Error(`the cache holds ${stored} work orders, the plant ${workOrders}`);

    // Frames of the app's socket while the work orders synced: each applyPage call and its reply.
    const frames = (await bench.probe('frames', started)).filter((frame) => frame.t <= done.t + 1);
    const replies = new Map(frames.filter((frame) => frame.dir === 'out' && frame.type === 'reply').map((frame) => [frame.id, frame]));
    const calls = frames.filter((frame) => frame.dir === 'in' && frame.type === 'call' && frame.channel === 'store.applyPage');
    const pageMs = calls.reduce((sum, call) => sum + ((replies.get(call.id)?.t ?? call.t) - call.t), 0);

    let history = await bench.probe('history');
    for (let attempt = 0; attempt < 40 && history.length < syncEntities.length; attempt += 1) {
      await sleep(250);
      history = await bench.probe('history');
    }
    const row = history.find((entry) => entry.entity === 'workOrders');
    if (!row) throw new Error('no Sync history row for the work orders');

    const syncMs = done.t - started;
    const sync = {
      syncMs,
      historyRowMs: Date.parse(row.finishedAt) - Date.parse(row.startedAt),
      startupRunMs: progress.at(-1)!.t - progress[0]!.t,
      applyPageFrames: calls.length,
      frameMegabytes: calls.reduce((sum, call) => sum + call.bytes, 0) / 1e6,
      pageMs,
      waitingMs: syncMs - pageMs,
      timeline,
    };
    log(
      `initial sync round ${index + 1}: ${fmt(syncMs)} ms (Sync history row ${fmt(sync.historyRowMs)} ms; page busy ${fmt(pageMs)} ms over ${calls.length} applyPage frames, ` +
        `${sync.frameMegabytes.toFixed(1)} MB)`,
    );
    return { sync, bench, connectionId };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

/**
 * The baselines, in the page of an initial sync: the very records the sync stored, one raw
 * bulkPut into a fresh database; then the page's own parts alone. They write and drop 100,000
 * records in the origin's IndexedDB, whose clean-up slows it for a while: incremental syncs are
 * measured before them.
 */
async function pageBaselines(bench: BenchPage, connectionId: string, index: number) {
  const loaded = await bench.probe('loadSyncedWorkOrders', connectionId);
  if (loaded.count !== workOrders) throw new Error(`read back ${loaded.count} work orders`);
  const baselineMs = await bench.probe('bulkPutBaseline', `bench-baseline-${index}`);
  const paged = await bench.probe('pagedCommit', `bench-paged-${index}`, perPage);
  const decoded = await bench.probe('decodeAndValidate', perPage);
  await bench.probe('forget');
  log(`baselines round ${index + 1}: bulkPut ${fmt(baselineMs)} ms; applyPage alone ${fmt(paged.ms)} ms; parse ${fmt(decoded.parseMs)} + validate ${fmt(decoded.validateMs)} ms`);
  return { baselineMs, pagedCommitMs: paged.ms, parseMs: decoded.parseMs, validateMs: decoded.validateMs };
}

async function incrementalSyncs(bench: BenchPage, control: ReturnType<typeof demoPlantControl>, connectionId: string, board: boolean): Promise<IncrementalRound[]> {
  const request = { connectionId, mode: 'incremental' as const, entities: ['workOrders'] };
  const results: IncrementalRound[] = [];
  for (let round = 0; round <= incrementalRounds; round += 1) {
    await nextSecond();
    await control.advanceWorkOrders(changes);
    const changed = await bench.probe('timeSync', request);
    const changedSummary = (changed.summary as { entities: { received: number; applied: number }[] }).entities[0]!;
    if (changedSummary.applied !== changes) throw new Error(`expected ${changes} changes, applied ${changedSummary.applied}`);
    await sleep(300);
    const unchanged = await bench.probe('timeSync', request);
    const unchangedSummary = (unchanged.summary as { entities: { received: number }[] }).entities[0]!;
    // The first round warms up (its cursor's instant comes from the initial data): not counted.
    if (round === 0) continue;
    results.push({ board, changedMs: changed.ms, changedReceived: changedSummary.received, noChangeMs: unchanged.ms, noChangeReceived: unchangedSummary.received });
    log(
      `incremental (${board ? 'board open' : 'Connections page'}) round ${round}: ${changes} changes ${fmt(changed.ms)} ms (received ${changedSummary.received}); ` +
        `no changes ${fmt(unchanged.ms)} ms (received ${unchangedSummary.received})`,
    );
  }
  return results;
}


/** The app as it opens, on the board: its initial sync, cut off after the limit if it has not finished. */
async function boardRound(appUrl: string, probeScript: string) {
  const bench = await openBenchPage(appUrl, probeScript);
  try {
    const { progress, finished } = await waitForStartupRun(bench, boardLimitMs);
    const { started, events, timeline } = workOrderTimeline(progress);
    const done = events.find((event) => event.phase === 'done');
    const last = events.at(-1);
    const result = {
      finished: done !== undefined,
      syncMs: done ? done.t - started : null,
      fetched: last?.fetched ?? 0,
      elapsedMs: last ? last.t - started : 0,
      limitMs: boardLimitMs,
      startupRunFinished: finished,
      timeline,
    };
    log(
      result.finished
        ? `initial sync with the board open: ${fmt(result.syncMs!)} ms`
        : `initial sync with the board open: ${count(result.fetched)} of ${count(workOrders)} work orders after ${fmt(result.elapsedMs)} ms; cut off`,
    );
    return result;
  } finally {
    await bench.close();
  }
}

/** Work orders fetched `ms` after the work orders began, by a round's timeline. */
const fetchedAt = (timeline: [number, number][], ms: number) => timeline.filter(([t]) => t <= ms).at(-1)?.[1] ?? 0;

function printTable(rows: BenchRow[]) {
  const cells = rows.map((row) => [
    row.metric,
    row.ms === null ? 'n/a' : fmt(row.ms),
    row.baselineMs === undefined ? '' : fmt(row.baselineMs),
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}x`,
    row.target ?? '',
    row.result ?? '',
  ]);
  const header = ['metric', 'value ms', 'baseline ms', 'ratio', 'target', 'result'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) => cell.map((text, column) => (column === 0 || column === 4 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const cell of cells) console.log(line(cell));
}

/** The demo plant of N work orders and web mode over it, shared by the sync and peer sections. */
interface SyncSetup {
  plantUrl: string;
  plantToken: string;
  control: ReturnType<typeof demoPlantControl>;
  appUrl: string;
}

async function startSyncSetup(processes: SpawnedCli[]): Promise<SyncSetup> {
  log(`starting a demo plant of ${count(workOrders)} work orders, and web mode over it`);
  const plantCli = spawnCli('electron/demo-plant-main.ts', ['--port', '0', '--seed', '1', '--work-orders', String(workOrders), '--ephemeral', '--changes-per-minute', '0']);
  processes.push(plantCli);
  const plantUrl = (await plantCli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 300_000))[1]!;
  const plantToken = (await plantCli.waitFor(/access token: (\S+)/))[1]!;
  const control = demoPlantControl(plantUrl, plantToken);
  const webCli = spawnWebMode(plantToken, ['--port', '0', '--ephemeral', '--no-schedule', '--base-url', plantUrl, '--history-days', 'all']);
  processes.push(webCli);
  const appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/, 120_000))[1]!;
  return { plantUrl, plantToken, control, appUrl };
}

/** Millwright's initial syncs (their page/host split included) and its incremental syncs on the Connections page: what the peer section sets beside RxDB. */
interface MillwrightSyncFigures {
  initial: Pick<InitialSyncRound, 'syncMs' | 'pageMs' | 'waitingMs' | 'applyPageFrames'>[];
  incremental: IncrementalRound[];
}

/** Initial and incremental sync against raw Dexie and an empty round trip (and the board's share). */
async function syncSection(
  probeScript: string,
  { plantUrl, plantToken, control, appUrl }: SyncSetup,
): Promise<{ rows: BenchRow[]; summary: string; samples: Record<string, unknown>; millwright: MillwrightSyncFigures }> {

  // The host's share, measured in this Node process while nothing else runs.
  const plantRoundTrips = await emptyPlantRoundTrips(plantUrl, plantToken, 30);
  log(`empty round trip to the plant: median ${fmt(median(plantRoundTrips))} ms`);
  const hostSide = await measureHostSide(plantUrl, plantToken, 'bench-host');
  log(
    `host side in Node: engine fetch+validate+map ${fmt(hostSide.fetchValidateMapMs)} ms over ${hostSide.requests} requests; ` +
      `fetch+JSON.parse alone ${fmt(hostSide.fetchParseMs)} ms (${hostSide.sampledRequests} requests timed, scaled); frame JSON.stringify ${fmt(hostSide.serializeFramesMs)} ms (${(hostSide.frameBytes / 1e6).toFixed(1)} MB)`,
  );

  const initial: InitialSyncRound[] = [];
  const incremental: IncrementalRound[] = [];
  let ipcRoundTrips: number[] = [];
  let boardRenderMs: number | null = null;
  for (let index = 0; index < rounds; index += 1) {
    const { sync, bench, connectionId } = await initialSyncRound(appUrl, probeScript, plantUrl, index);
    try {
      if (index === rounds - 1) {
        await sleep(1000);
        incremental.push(...(await incrementalSyncs(bench, control, connectionId, false)));
        const samples: number[] = [];
        for (let i = 0; i < 30; i += 1) samples.push(await bench.probe('timeIpcRoundTrip'));
        ipcRoundTrips = samples.slice(5);
        // The board over the full cache, then incremental syncs while it is open (each commit re-reads it).
        const total = (await control.stats()).counts['work-orders']!;
        const opened = performance.now();
        await bench.page.getByRole('button', { name: 'Board' }).click();
        await waitForBoardTotal(bench.page, total, 120_000);
        boardRenderMs = performance.now() - opened;
        log(`board of ${count(total)} work orders shown from the cache in ${fmt(boardRenderMs)} ms`);
        await sleep(1000);
        incremental.push(...(await incrementalSyncs(bench, control, connectionId, true)));
        await bench.page.getByRole('button', { name: 'Connections' }).click();
      }
      initial.push({ ...sync, ...(await pageBaselines(bench, connectionId, index)) });
    } finally {
      await bench.close();
    }
  }
  const board = boardLimitMs > 0 ? await boardRound(appUrl, probeScript) : null;

  const of = <T>(items: T[], pick: (item: T) => number) => median(items.map(pick));
  const initialMs = of(initial, (round) => round.syncMs);
  const baselineMs = of(initial, (round) => round.baselineMs);
  const quiet = incremental.filter((round) => !round.board);
  const withBoard = incremental.filter((round) => round.board);
  const incrementalMs = of(quiet, (round) => round.changedMs);
  const plantMs = median(plantRoundTrips);
  const n = count(workOrders);
  const rows: BenchRow[] = [
    { metric: `initial sync, ${n} work orders`, ms: initialMs, baselineMs, ratio: initialMs / baselineMs, target: `<= ${targets.initialSyncRatio}x baseline`, result: verdict(initialMs / baselineMs <= targets.initialSyncRatio) },
    { metric: `incremental sync, ${changes} changes`, ms: incrementalMs, baselineMs: plantMs, ratio: incrementalMs / plantMs, target: `<= ${targets.incrementalMs} ms`, result: verdict(incrementalMs <= targets.incrementalMs) },
    { metric: '  baseline: raw Dexie bulkPut of the same records, 1 transaction', ms: baselineMs },
    { metric: '  baseline: empty round trip to the plant (GET per_page=1)', ms: plantMs },
    { metric: 'initial sync, split: page busy with applyPage frames', ms: of(initial, (round) => round.pageMs) },
    { metric: 'initial sync, split: page waiting for the host', ms: of(initial, (round) => round.waitingMs) },
    { metric: `  page alone: DexieLocalStore.applyPage, ${count(perPage)} a page`, ms: of(initial, (round) => round.pagedCommitMs) },
    { metric: '  page alone: JSON.parse of the frames', ms: of(initial, (round) => round.parseMs) },
    { metric: '  page alone: contract schema (zod) of the frames', ms: of(initial, (round) => round.validateMs) },
    { metric: '  host alone: engine fetch + validate + map, every page', ms: hostSide.fetchValidateMapMs },
    { metric: '  host alone: of which fetch + JSON.parse (the plant, HTTP)', ms: hostSide.fetchParseMs },
    { metric: '  host alone: JSON.stringify of the applyPage frames', ms: hostSide.serializeFramesMs },
    { metric: `incremental sync, no changes (re-reads ${of(quiet, (round) => round.noChangeReceived)} at the cursor)`, ms: of(quiet, (round) => round.noChangeMs) },
    { metric: 'IPC round trip page -> host -> page (app.info)', ms: median(ipcRoundTrips) },
  ];
  if (withBoard.length > 0) {
    const boardMs = of(withBoard, (round) => round.changedMs);
    rows.push(
      { metric: `board open: show ${n} work orders from the cache`, ms: boardRenderMs },
      { metric: `board open: incremental sync, ${changes} changes`, ms: boardMs, baselineMs: plantMs, ratio: boardMs / plantMs, target: `<= ${targets.incrementalMs} ms`, result: verdict(boardMs <= targets.incrementalMs) },
      { metric: 'board open: incremental sync, no changes', ms: of(withBoard, (round) => round.noChangeMs) },
    );
  }
  if (board) {
    const ratio = board.syncMs === null ? undefined : board.syncMs / baselineMs;
    rows.push({
      metric: board.finished
        ? `board open: initial sync, ${n} work orders`
        : `board open: initial sync, cut off: ${count(board.fetched)} of ${n} in ${fmt(board.elapsedMs)} ms (without: ${count(Math.round(of(initial, (round) => fetchedAt(round.timeline, board.elapsedMs))))})`,
      ms: board.syncMs,
      baselineMs,
      ...(ratio === undefined ? {} : { ratio }),
      target: `<= ${targets.initialSyncRatio}x baseline`,
      result: verdict(ratio !== undefined && ratio <= targets.initialSyncRatio),
    });
  }


  const summary =
    `sync: ${n} work orders; demo plant in its own process; web mode in headless Chromium (on-disk IndexedDB, fresh profile per initial sync); ` +
    `medians of ${initial.length} initial syncs and ${quiet.length} incremental syncs`;
  return {
    rows,
    summary,
    samples: { initial, incremental, board, boardRenderMs, plantRoundTripsMs: plantRoundTrips, ipcRoundTripsMs: ipcRoundTrips, hostSide },
    millwright: { initial, incremental: quiet },
  };
}

/** Millwright alone, as the sync section measures it (without its baselines and the board): for `BENCH_ONLY=peer`. */
async function millwrightSyncRounds(probeScript: string, { plantUrl, control, appUrl }: SyncSetup): Promise<MillwrightSyncFigures> {
  const figures: MillwrightSyncFigures = { initial: [], incremental: [] };
  for (let index = 0; index < rounds; index += 1) {
    const { sync, bench, connectionId } = await initialSyncRound(appUrl, probeScript, plantUrl, index);
    try {
      if (index === rounds - 1) {
        await sleep(1000);
        figures.incremental.push(...(await incrementalSyncs(bench, control, connectionId, false)));
      }
    } finally {
      await bench.close();
    }
    figures.initial.push(sync);
  }
  return figures;
}

/**
 * Millwright beside RxDB (peer-bench.ts): the same initial sync and incremental syncs of the same
 * plant in the same run. Millwright's figures are the sync section's when it ran, else measured
 * here the same way; RxDB's come after them, against the same plant process.
 */
async function peerSection(probeScript: string, setup: SyncSetup, measured: MillwrightSyncFigures | null) {
  const millwright = measured ?? (log('peer: Millwright, as the sync section measures it'), await millwrightSyncRounds(probeScript, setup));
  log(`peer: RxDB, pull batchSize ${perPage}, against the same plant`);
  const rxdb = await measureRxdbPeer({
    plantUrl: setup.plantUrl,
    plantToken: setup.plantToken,
    control: setup.control,
    workOrders,
    rounds,
    incrementalRounds,
    changes,
    batchSize: perPage,
    log,
  });
  const mInitial = median(millwright.initial.map((round) => round.syncMs));
  const rInitial = median(rxdb.initial.map((round) => round.ms));
  const mIncremental = median(millwright.incremental.map((round) => round.changedMs));
  const rIncremental = median(rxdb.incremental.map((round) => round.ms));
  const n = count(workOrders);
  const versus = (metric: string, ms: number, peerMs: number): BenchRow => ({
    metric,
    ms,
    baselineMs: peerMs,
    ratio: ms / peerMs,
    target: `<= ${peerRatioTarget}x RxDB`,
    result: ms / peerMs <= peerRatioTarget ? 'OK' : 'OVER',
  });
  const rows: BenchRow[] = [
    versus(`peer: initial sync, ${n} work orders, Millwright (RxDB as baseline)`, mInitial, rInitial),
    { metric: `  RxDB ${rxdb.config.rxdb}: initial sync (Dexie storage, pull batchSize ${rxdb.config.batchSize})`, ms: rInitial },
    { metric: '  RxDB: of which its pull handler (fetch via the proxy + response.json())', ms: median(rxdb.initial.map((round) => round.handlerMs)) },
    { metric: '  Millwright: page busy with applyPage frames', ms: median(millwright.initial.map((round) => round.pageMs)) },
    { metric: '  Millwright: page waiting for the host', ms: median(millwright.initial.map((round) => round.waitingMs)) },
    versus(`peer: incremental sync, ${changes} changes, Millwright (RxDB as baseline)`, mIncremental, rIncremental),
    { metric: `  RxDB ${rxdb.config.rxdb}: incremental sync (reSync() to in sync)`, ms: rIncremental },
  ];
  const summary =
    `peer: RxDB ${rxdb.config.rxdb} (Dexie storage, production mode, multiInstance false, pull batchSize ${rxdb.config.batchSize}) in its own page and fresh on-disk profile, ` +
    `same Chromium and demo plant, /api proxied by the bench; medians of ${rxdb.initial.length} initial and ${rxdb.incremental.length} incremental syncs each` +
    (measured ? " (Millwright's from the sync section)" : '');
  return { rows, summary, samples: { millwright, rxdb } };
}

const processes: SpawnedCli[] = [];
try {
  const build = await ensureRendererBuilt();
  const probeScript = await bundlePageProbe();
  log(`renderer build: ${build}; sections: ${[...sections].join(', ')}`);
  const rows: BenchRow[] = [];
  const summaries: string[] = [];
  const samples: Record<string, unknown> = {};

  const setup = sections.has('sync') || sections.has('peer') ? await startSyncSetup(processes) : null;
  let millwrightSync: MillwrightSyncFigures | null = null;
  if (sections.has('sync')) {
    const sync = await syncSection(probeScript, setup!);
    rows.push(...sync.rows);
    summaries.push(sync.summary);
    samples.sync = sync.samples;
    millwrightSync = sync.millwright;
  }
  if (sections.has('peer')) {
    const peer = await peerSection(probeScript, setup!, millwrightSync);
    rows.push(...peer.rows);
    summaries.push(peer.summary);
    samples.peer = peer.samples;
  }
  if (sections.has('scale')) {
    const scale = await runScaleBench(probeScript);
    rows.push(...scale.rows);
    summaries.push(`scale: ${scale.points.map((point) => count(point.workOrders)).join(', ')} work orders, each its own demo plant, web mode and fresh on-disk Chromium profile; one initial sync and ${scale.points[0]?.incrementalMs.length ?? 0} incremental syncs each`);
    samples.scale = scale.points;
    const chart = path.join(root, 'docs', 'bench-scale.svg');
    await writeFile(chart, scaleChartSvg(scale.points));
    log(`scale chart written: ${path.relative(root, chart)}`);
  }
  if (sections.has('outbox')) {
    log('outbox: 1,000 queued edits across 300 work orders, and 1,000 sequential PUTs');
    const outbox = await measureOutboxReplay(probeScript);
    rows.push(
      { metric: `outbox replay, ${count(outbox.edits)} queued edits on ${outbox.records} work orders`, ms: outbox.replayMs, baselineMs: outbox.sequentialPutsMs, ratio: outbox.ratio, target: `<= ${targets.outboxReplayRatio}x baseline`, result: verdict(outbox.ratio <= targets.outboxReplayRatio) },
      { metric: `  baseline: ${count(outbox.edits)} plain sequential PUTs to the plant`, ms: outbox.sequentialPutsMs },
      { metric: `  queueing the ${count(outbox.edits)} edits in the page (one transaction each)`, ms: outbox.enqueueMs },
    );
    summaries.push('outbox: edits queued in the page (real IndexedDB), pushed by the web host to a demo plant in its own process');
    samples.outbox = outbox;
  }
  if (sections.has('webhooks')) {
    log('webhooks: 5,000 signed deliveries, 16 at a time, to the receiver, to a bare server that verifies them and to one that does nothing');
    const webhooks = await measureWebhookReceiver();
    rows.push(
      { metric: `webhook receiver: verified deliveries/s (${count(webhooks.deliveries)}, ${webhooks.concurrency} at a time)`, ms: null, target: `>= ${targets.webhookThroughputRatio}x a bare verifying server: ${webhooks.throughputRatio.toFixed(2)}x (${Math.round(webhooks.receiver.perSecond)} vs ${Math.round(webhooks.bare.perSecond)}/s)`, result: verdict(webhooks.throughputRatio >= targets.webhookThroughputRatio) },
      { metric: `  webhook receiver ÷ a bare server that verifies nothing: ${webhooks.emptyRatio.toFixed(2)}x (${Math.round(webhooks.empty.perSecond)}/s)`, ms: null },
      { metric: 'webhook receiver: p99 time to the 200', ms: webhooks.receiver.p99Ms, baselineMs: webhooks.bare.p99Ms, ratio: webhooks.receiver.p99Ms / webhooks.bare.p99Ms, target: `<= ${targets.webhookP99Ms} ms`, result: verdict(webhooks.receiver.p99Ms <= targets.webhookP99Ms) },
      { metric: '  webhook receiver: p50 time to the 200', ms: webhooks.receiver.p50Ms, baselineMs: webhooks.bare.p50Ms },
    );
    summaries.push(`webhooks: receiver (verify + journal with fdatasync), a bare node:http server verifying with the standardwebhooks library and one doing nothing, all in this process, load from a child process; ${webhooks.journalSyncs} journal syncs`);
    samples.webhooks = webhooks;
  }
  if (sections.has('relay')) {
    log('relay: 5,000 signed deliveries, 16 at a time, to the desktop receiver, then through the relay (embedded journal, then JetStream) to a desktop');
    const relay = await measureRelay();
    const pathRows = (name: string, figures: RelayPathFigures) => [
      { metric: `relay (${name}): verified and stored deliveries/s`, ms: null, target: `${figures.throughputRatio.toFixed(2)}x the receiver (${Math.round(figures.load.perSecond)} vs ${Math.round(relay.receiver.perSecond)}/s)` },
      { metric: `  relay (${name}): p99 time to the 200`, ms: figures.load.p99Ms, baselineMs: relay.receiver.p99Ms, ratio: figures.load.p99Ms / relay.receiver.p99Ms },
      { metric: `relay (${name}): p99 from the plant's request to the desktop's journal`, ms: figures.toDesktop.p99Ms },
      { metric: `  relay (${name}): p50 from the plant's request to the desktop's journal`, ms: figures.toDesktop.p50Ms },
    ];
    rows.push(...pathRows('embedded journal', relay.journal));
    if (relay.jetstream) rows.push(...pathRows('JetStream, 3 nodes, 3 replicas', relay.jetstream));
    summaries.push(
      `relay: server and desktop link in this process, load from a child process; baseline the desktop's own receiver (verify + journal) driven the same way${relay.skipped ? `; JetStream skipped: ${relay.skipped}` : '; JetStream: three nats-server processes on this machine'}`,
    );
    samples.relay = relay;
  }
  if (sections.has('board')) {
    rows.push(...(await runBoardBench()));
    summaries.push('board: its own demo plant and web host, on-disk Chromium profile, 1440x900; long tasks by PerformanceObserver');
  }
  if (sections.has('table')) {
    rows.push(...(await runTableBench()));
    summaries.push('table: its own demo plant and web host, on-disk Chromium profile, 1440x900; long tasks by PerformanceObserver');
  }
  if (sections.has('schedule')) {
    rows.push(...(await runScheduleBench()));
    summaries.push('schedule: its own demo plant and web host plus a second plant added in the app, on-disk Chromium profile, 1440x900');
  }

  console.log('');
  console.log(`Millwright bench on ${os.cpus().length} CPUs`);
  for (const summary of summaries) console.log(`  ${summary}`);
  printTable(rows);
  const resultsFile = path.join(root, 'bench-results.json');
  await writeFile(
    resultsFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        sections: [...sections],
        workOrders,
        changes,
        perPage,
        machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
        chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        targets: { ...targets, scale: scaleTargets },
        results: rows,
        samples,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwritten: ${path.relative(process.cwd(), resultsFile) || resultsFile}`);
} finally {
  for (const cli of processes.reverse()) await cli.stop();
}
