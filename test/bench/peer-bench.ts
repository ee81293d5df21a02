// The peer, side by side: RxDB (peer-page.ts) performs the same initial sync of the demo plant's
// work orders and the same incremental syncs of 100 changes as Millwright, in the same Chromium
// binary, against the same demo plant process, in the same run (run-benchmarks.ts, section `peer`).
//
// Its page is a blank one of its own, served by a small http server in this process on 127.0.0.1:
// the app's page has a strict CSP, and the demo plant sends no CORS headers, so the server also
// passes `/api/*` through to the plant, streamed both ways over kept-alive connections. That is
// one local hop between the page and the plant, as Millwright's own path has one (the web host:
// plant → host → WebSocket → page). The page authenticates as Millwright's connection does, with
// the plant's access token in an `Authorization: Bearer` header.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { RxdbPeer } from './peer-page';

const root = path.resolve(import.meta.dirname, '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A new second on the clock, so the changes do not land in the instant the checkpoint already holds (as run-benchmarks.ts does). */
const nextSecond = () => sleep(1000 - (Date.now() % 1000) + 20);

export interface PeerInitialRound {
  ms: number;
  count: number;
  requests: number;
  documents: number;
  /** Sum of the pull handler's time: request through the proxy to the plant, and response.json(). */
  handlerMs: number;
}

export interface PeerIncrementalRound {
  ms: number;
  applied: number;
  received: number;
  requests: number;
  documents: number;
  handlerMs: number;
}

export interface PeerFigures {
  initial: PeerInitialRound[];
  incremental: PeerIncrementalRound[];
  config: { rxdb: string; storage: string; batchSize: number; multiInstance: false; eventReduce: true; devMode: false; schemaValidation: false };
}

export interface PeerOptions {
  plantUrl: string;
  plantToken: string;
  /** The demo plant's control API (test/support/demo-plant-control.ts): only advanceWorkOrders is used. */
  control: { advanceWorkOrders(count: number): Promise<string[]> };
  workOrders: number;
  rounds: number;
  incrementalRounds: number;
  changes: number;
  batchSize: number;
  log: (message: string) => void;
}

/** peer-page.ts, with RxDB, as one classic script, in production mode. */
async function bundlePeerPage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'peer-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'warning',
    absWorkingDir: root,
  });
  return result.outputFiles[0]!.text;
}

/** The peer's origin: its page, its script, and `/api/*` streamed to and from the plant. */
async function startPeerServer(plantUrl: string, script: string): Promise<{ url: string; close(): Promise<void> }> {
  const plant = new URL(plantUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/api/')) {
      const upstream = http.request(
        { host: plant.hostname, port: plant.port, method: req.method, path: req.url, headers: { ...req.headers, host: plant.host }, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', (error) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`proxy: ${error.message}`);
      });
      req.pipe(upstream);
      return;
    }
    if (req.url === '/peer.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(script);
      return;
    }
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end('<!doctype html><html><head><meta charset="utf-8"><title>RxDB peer</title></head><body><script src="/peer.js"></script></body></html>');
      return;
    }
    res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

interface PeerPage {
  page: Page;
  call<M extends keyof RxdbPeer>(method: M, ...args: Parameters<RxdbPeer[M]>): Promise<Awaited<ReturnType<RxdbPeer[M]>>>;
  close(): Promise<void>;
}

/**
 * A fresh Chromium profile on disk, as openBenchPage (bench-browser.ts) makes for Millwright's
 * rounds, with the same binary and switches: IndexedDB starts empty and lives in files.
 */
async function openPeerPage(url: string): Promise<PeerPage> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'millwright-bench-peer-'));
  let context: BrowserContext | null = null;
  const errors: string[] = [];
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1600, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(url);
    await page.waitForFunction(() => 'rxdbPeer' in window);
    const opened = context;
    return {
      page,
      call: (method, ...args) =>
        page.evaluate(
          ([name, values]) => {
            const peer = (window as unknown as { rxdbPeer: Record<string, (...a: unknown[]) => unknown> }).rxdbPeer;
            return peer[name]!(...values);
          },
          [method, args as unknown[]] as const,
        ) as never,
      async close() {
        await opened.close();
        await rm(profile, { recursive: true, force: true });
        if (errors.length > 0) console.warn(`page errors in the RxDB peer:\n  ${errors.join('\n  ')}`);
      },
    };
  } catch (error) {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** `isoSeconds`, as the plant stamps a change: the second `ms` falls in. */
const secondOf = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

async function incrementalRounds(peer: PeerPage, options: PeerOptions): Promise<PeerIncrementalRound[]> {
  const results: PeerIncrementalRound[] = [];
  for (let round = 0; round <= options.incrementalRounds; round += 1) {
    await nextSecond();
    const since = secondOf(Date.now());
    const keys = await options.control.advanceWorkOrders(options.changes);
    const result = await peer.call('incrementalSync', keys, since);
    if (result.applied !== options.changes) throw new Error(`RxDB: expected ${options.changes} changes, applied ${result.applied} (received ${result.received})`);
    await sleep(300);
    // The first round warms up (its checkpoint's instant comes from the initial data): not counted, as for Millwright.
    if (round === 0) continue;
    results.push(result);
    options.log(`RxDB incremental round ${round}: ${options.changes} changes ${result.ms.toFixed(1)} ms (${result.requests} request, ${result.documents} documents)`);
  }
  return results;
}

/** RxDB's initial syncs (each in a fresh profile) and, in the last one's page, its incremental syncs. */
export async function measureRxdbPeer(options: PeerOptions): Promise<PeerFigures> {
  const script = await bundlePeerPage();
  const server = await startPeerServer(options.plantUrl, script);
  const initial: PeerInitialRound[] = [];
  const incremental: PeerIncrementalRound[] = [];
  try {
    for (let index = 0; index < options.rounds; index += 1) {
      const peer = await openPeerPage(server.url);
      try {
        const result = await peer.call('initialSync', { token: options.plantToken, batchSize: options.batchSize, expected: options.workOrders });
        initial.push(result);
        options.log(
          `RxDB initial sync round ${index + 1}: ${result.ms.toFixed(0)} ms (${result.count} work orders; ${result.requests} requests, pull handler ${result.handlerMs.toFixed(0)} ms)`,
        );
        if (index === options.rounds - 1) {
          await sleep(1000);
          incremental.push(...(await incrementalRounds(peer, options)));
        }
        await peer.call('close');
      } finally {
        await peer.close();
      }
    }
  } finally {
    await server.close();
  }
  const { version } = JSON.parse(await readFile(path.join(root, 'node_modules', 'rxdb', 'package.json'), 'utf8')) as { version: string };
  return {
    initial,
    incremental,
    config: { rxdb: version, storage: 'dexie (rxdb/plugins/storage-dexie)', batchSize: options.batchSize, multiInstance: false, eventReduce: true, devMode: false, schemaValidation: false },
  };
}
