// Replay of 1,000 queued offline edits (300 work orders; status changes, notes, severities) where
// it happens in the product: queued in the page's real IndexedDB, pushed by the web host's pusher
// (reconcile, Idempotency-Key, answers stored back in the page). Beside it, in the same run: the
// same 1,000 writes as plain sequential PUTs sent straight to the demo plant (its own process).
import type { DexieOutbox } from '../../renderer/db/dexie-outbox';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';
import { openBenchPage } from './bench-browser';

export interface OutboxBenchFigures {
  edits: number;
  records: number;
  replayMs: number;
  sequentialPutsMs: number;
  ratio: number;
  /** Time to queue the edits in the page (optimistic write + outbox operation, one transaction each). */
  enqueueMs: number;
}

type Enqueue = Parameters<DexieOutbox['enqueue']>[0];
interface Listed<T> {
  data: T[];
}

export async function measureOutboxReplay(probeScript: string, edits = 1000, records = 300): Promise<OutboxBenchFigures> {
  const processes: SpawnedCli[] = [];
  try {
    const plantCli = spawnCli('electron/demo-plant-main.ts', ['--port', '0', '--seed', '3', '--work-orders', '2000', '--ephemeral', '--changes-per-minute', '0']);
    processes.push(plantCli);
    const plantUrl = (await plantCli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 120_000))[1]!;
    const token = (await plantCli.waitFor(/access token: (\S+)/))[1]!;
    const webCli = spawnWebMode(token, ['--port', '0', '--ephemeral', '--no-schedule', '--base-url', plantUrl, '--history-days', 'all']);
    processes.push(webCli);
    const appUrl = (await webCli.waitFor(/Millwright \(web mode\) on (\S+)/, 120_000))[1]!;
    const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
      const response = await fetch(plantUrl + path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
      const text = await response.text();
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    };

    const bench = await openBenchPage(appUrl, probeScript);
    try {
      // On the Connections page, as the sync figures are: the board's own cost is measured on its own.
      await bench.page.getByRole('button', { name: 'Connections' }).click();
      const connectionId = ((await bench.probe('invoke', 'connections.list')) as { id: string }[])[0]!.id;
      const deadline = Date.now() + 120_000;
      while ((await bench.probe('workOrderCount', connectionId)) < 2000) {
        if (Date.now() > deadline) throw new Error('the startup sync did not bring the 2,000 work orders');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const workOrders = (await api<Listed<{ key: string }>>(`/api/eam/work-orders?per_page=${records}`)).data;
      const statuses = (await api<Listed<{ key: string; name: string }>>('/api/eam/statuses/work-orders?per_page=100')).data;
      const planned = Array.from({ length: edits }, (_, i) => {
        const key = workOrders[(i * 7) % workOrders.length]!.key;
        if (i % 3 === 0) {
          const status = statuses[i % statuses.length]!;
          const enqueue: Enqueue = { connectionId, action: 'setWorkOrderStatus', key, changes: { statusKey: status.key }, display: { status: status.name } };
          return { path: `/api/eam/work-orders/${key}/status`, body: { statusKey: status.key }, enqueue };
        }
        const changes: Record<string, string> = i % 3 === 1 ? { notes: `Edit ${i}` } : { severity: ['Low', 'Medium', 'High', 'Critical'][i % 4]! };
        const enqueue: Enqueue = { connectionId, action: 'updateWorkOrder', key, changes };
        return { path: `/api/eam/work-orders/${key}`, body: changes, enqueue };
      });

      // The baseline: the same writes, one after another, straight to the plant.
      const putsStarted = performance.now();
      for (const edit of planned) {
        await api(edit.path, { method: 'PUT', headers: { 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(edit.body) });
      }
      const sequentialPutsMs = performance.now() - putsStarted;
      // The cache catches up with those writes, so the edits are made against the plant's current versions.
      await bench.probe('invoke', 'sync.run', { connectionId, mode: 'incremental', entities: ['workOrders'] });

      const enqueueMs = await bench.probe('enqueueEdits', planned.map((edit) => edit.enqueue));
      const { ms: replayMs, summary } = await bench.probe('timeOutboxPush', connectionId);
      if (summary.done !== edits) throw new Error(`the replay finished ${summary.done} of ${edits} edits: ${JSON.stringify(summary)}`);
      return { edits, records, replayMs, sequentialPutsMs, ratio: replayMs / sequentialPutsMs, enqueueMs };
    } finally {
      await bench.close();
    }
  } finally {
    for (const cli of processes.reverse()) await cli.stop();
  }
}
