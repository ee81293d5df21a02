import { createHash } from 'node:crypto';
import { WebSocket as NodeWebSocket } from 'ws';
import { DexieOutbox } from '../../../renderer/db/dexie-outbox';
import type { MillwrightDb } from '../../../renderer/db/millwright-db';
import { IpcClient } from '../../../renderer/ipc/ipc-client';
import { startSession } from '../../../renderer/ipc/main-connection';
import { connectWebSocketTransport } from '../../../renderer/ipc/ws-transport';
import { defaultOAuthClient } from '../../../electron/demo-plant/oauth-routes';
import type { ConnectionView } from '../../../shared/connection-view';
import { spawnCli, type SpawnedCli } from '../spawn-cli';
import { createTestDb } from '../test-db';

/**
 * Web mode in its own process, as a user runs it (embedded demo plant, webhook receiver), with a
 * stand-in for its page in the test process: the real renderer session code and Dexie cache (on
 * fake-indexeddb) over the real WebSocket. Attack tests aim at its listeners and then check the
 * process is still there, still serves, and that the page's cache and outbox did not change.
 */
export interface WebModeTarget {
  cli: SpawnedCli;
  /** `http://127.0.0.1:<port>` of the web host. */
  origin: string;
  port: number;
  /** The per-launch token that admits a page to the IPC WebSocket. */
  token: string;
  /** The demo plant's connection, as the page was told of it once its first sync was done. */
  connection: ConnectionView;
  plantPort: number;
  webhookPort: number;
  client: IpcClient;
  db: MillwrightDb;
  /** A new access token to the embedded demo plant, through its Makini Link client-credentials grant. */
  plantToken(): Promise<string>;
  /** Everything the page has cached and queued (every Dexie table but those named), as one hash. */
  fingerprint(exceptTables?: string[]): Promise<string>;
  /** The demo connection's cached records of one table as `key@updatedAt`, sorted. */
  cachedVersions(table: 'workOrders' | 'purchaseOrders'): Promise<string[]>;
  /** The same, as the demo plant lists them (`route` under /api/eam/), read with `token`. */
  plantVersions(route: 'work-orders' | 'purchase-orders', token: string): Promise<string[]>;
  /** Throws unless the web-mode process is still running; says how it ended and what it printed. */
  assertAlive(): void;
  stop(): Promise<void>;
}

const portOf = (url: string) => Number(new URL(url).port);

export async function startWebModeTarget(workOrders = 300): Promise<WebModeTarget> {
  const cli = spawnCli('electron/web-main.ts', [
    '--port', '0', '--ephemeral', '--no-schedule', '--changes-per-minute', '0', '--work-orders', String(workOrders), '--webhook-port', '0',
  ]);
  let output = '';
  cli.child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  cli.child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const appUrl = (await cli.waitFor(/Millwright \(web mode\) on (\S+)/, 120_000))[1]!;
    const origin = new URL(appUrl).origin;
    const token = new URL(appUrl).hash.replace('#token=', '');
    const db = createTestDb();
    const openAsPage = (url: string) => new NodeWebSocket(url, { origin }) as unknown as WebSocket;
    const client = new IpcClient(
      await connectWebSocketTransport(`${origin.replace('http', 'ws')}/ipc?token=${encodeURIComponent(token)}`, () => undefined, openAsPage),
    );
    const synced = new Promise<ConnectionView>((resolve) => client.on('connection.changed', (view) => view.lastSyncAt !== null && view.state === 'active' && resolve(view)));
    await startSession(client, db, new DexieOutbox(db));
    const connection = await synced;
    const webhookUrl = connection.webhook?.endpoint;
    if (!webhookUrl) throw new Error('web mode runs no webhook receiver');
    return {
      cli,
      origin,
      port: portOf(origin),
      token,
      connection,
      plantPort: portOf(connection.baseUrl),
      webhookPort: portOf(webhookUrl),
      client,
      db,
      async plantToken() {
        const response = await fetch(`${connection.baseUrl}/link/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'client_credentials', client_id: defaultOAuthClient.clientId, client_secret: defaultOAuthClient.clientSecret }),
        });
        if (!response.ok) throw new Error(`the demo plant issued no token: HTTP ${response.status}`);
        return ((await response.json()) as { access_token: string }).access_token;
      },
      async fingerprint(exceptTables = []) {
        const hash = createHash('sha256');
        for (const table of db.tables) {
          if (!exceptTables.includes(table.name)) hash.update(`${table.name}\n${JSON.stringify(await table.toArray())}\n`);
        }
        return hash.digest('hex');
      },
      async cachedVersions(table) {
        const records = await db.table<{ key: string; updatedAt: string }>(table).where('connectionId').equals(connection.id).toArray();
        return records.map((record) => `${record.key}@${record.updatedAt}`).sort();
      },
      async plantVersions(route, token) {
        const versions: string[] = [];
        for (let page = 1; ; page += 1) {
          const response = await fetch(`${connection.baseUrl}/api/eam/${route}?per_page=1000&page=${page}`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await response.json()) as { data: { key: string; updatedAt: string; deletedAt?: string | null }[]; meta: { last_page: number } };
          versions.push(...body.data.filter((record) => !record.deletedAt).map((record) => `${record.key}@${record.updatedAt}`));
          if (page >= body.meta.last_page) return versions.sort();
        }
      },
      assertAlive() {
        const { exitCode, signalCode } = cli.child;
        if (exitCode !== null || signalCode !== null) throw new Error(`web mode exited (code ${exitCode}, signal ${signalCode}); it printed:\n${output.slice(-4000)}`);
      },
      async stop() {
        db.close();
        await cli.stop();
      },
    };
  } catch (error) {
    await cli.stop();
    throw new Error(`${(error as Error).message}\nweb mode printed:\n${output.slice(-4000)}`);
  }
}
