// A demo plant in its own process and web mode over it, as the board's e2e test, the screenshot
// script and the board bench start them. Not a test file itself (no .test.ts).
import type { Page } from 'playwright-core';
import { demoPlantControl } from '../support/demo-plant-control';
import { spawnCli, type SpawnedCli } from '../support/spawn-cli';
import { spawnWebMode } from '../support/spawn-web-mode';

export interface BoardHost {
  plantUrl: string;
  plantToken: string;
  appUrl: string;
  control: ReturnType<typeof demoPlantControl>;
  /** GET on the plant's API with its token; answers `data`. */
  api<T>(path: string): Promise<T>;
  /** Every record of a plant list, read a page of 1,000 at a time. */
  all<T>(route: string): Promise<T[]>;
  /** PUT on the plant's API, as someone working in the plant's own system would. */
  put(path: string, body: unknown): Promise<void>;
  /** The plant's write log (control API `GET /__control/writes`): every write it applied. */
  writes(): Promise<{ applied: { method: string; path: string; key: string | null; idempotencyKey: string | null; at: string }[]; replayed: number }>;
  /**
   * Quits web mode and starts it again on the same port (so the page's origin, its cache and
   * local settings stay) and, with `home`, the same settings and secrets; answers its new address.
   */
  restartApp(): Promise<string>;
  stop(): Promise<void>;
}

export interface BoardHostOptions {
  seed: number;
  workOrders: number;
  extraWebArgs?: string[];
  /** Done to the plant before web mode starts (and so before its first sync): faults, deletions. */
  beforeWebMode?: (control: ReturnType<typeof demoPlantControl>) => Promise<unknown>;
  /** Web mode's home (MILLWRIGHT_HOME), kept across restartApp(); without it, an ephemeral one. */
  home?: string;
}

export async function startBoardHost({ seed, workOrders, extraWebArgs = [], beforeWebMode, home }: BoardHostOptions): Promise<BoardHost> {
  let processes: SpawnedCli[] = [];
  try {
    const plant = spawnCli('electron/demo-plant-main.ts', ['--port', '0', '--seed', String(seed), '--work-orders', String(workOrders), '--ephemeral', '--changes-per-minute', '0']);
    processes.push(plant);
    const plantUrl = (await plant.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 120_000))[1]!;
    const plantToken = (await plant.waitFor(/access token: (\S+)/))[1]!;
    await beforeWebMode?.(demoPlantControl(plantUrl, plantToken));
    const startWebMode = async (port: number) => {
      const web = spawnWebMode(plantToken, ['--port', String(port), ...(home ? [] : ['--ephemeral']), '--no-schedule', '--base-url', plantUrl, '--history-days', 'all', ...extraWebArgs], home ? { MILLWRIGHT_HOME: home } : {});
      processes.push(web);
      return { web, appUrl: (await web.waitFor(/Millwright \(web mode\) on (\S+)/, 120_000))[1]! };
    };
    let { web, appUrl } = await startWebMode(0);
    const headers = { authorization: `Bearer ${plantToken}`, accept: 'application/json', 'content-type': 'application/json' };
    const api = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${plantUrl}/api/eam/${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
      return ((await response.json()) as { data: T }).data;
    };
    return {
      plantUrl,
      plantToken,
      get appUrl() {
        return appUrl;
      },
      control: demoPlantControl(plantUrl, plantToken),
      api,
      async all<T>(route: string) {
        const records: T[] = [];
        for (let n = 1; ; n += 1) {
          const batch = await api<T[]>(`${route}${route.includes('?') ? '&' : '?'}per_page=1000&page=${n}`);
          records.push(...batch);
          if (batch.length < 1000) return records;
        }
      },
      async put(path: string, body: unknown) {
        const response = await fetch(`${plantUrl}/api/eam/${path}`, { method: 'PUT', headers, body: JSON.stringify(body) });
        if (!response.ok) throw new Error(`PUT ${path}: HTTP ${response.status} ${await response.text()}`);
      },
      async writes() {
        const response = await fetch(`${plantUrl}/__control/writes`, { headers });
        if (!response.ok) throw new Error(`GET writes: HTTP ${response.status}`);
        return (await response.json()) as Awaited<ReturnType<BoardHost['writes']>>;
      },
      async restartApp() {
        await web.stop();
        processes = processes.filter((cli) => cli !== web);
        ({ web, appUrl } = await startWebMode(Number(new URL(appUrl).port)));
        return appUrl;
      },
      async stop() {
        for (const cli of processes.reverse()) await cli.stop();
      },
    };
  } catch (error) {
    for (const cli of processes.reverse()) await cli.stop();
    throw error;
  }
}

/** A board column by its status name. */
export const column = (page: Page, name: string) => page.locator(`.board section[role="region"][aria-label^="${name} ("]`);
export const columnCount = async (page: Page, name: string) => Number(/\((\d+)\)$/.exec((await column(page, name).getAttribute('aria-label')) ?? '')?.[1] ?? -1);
