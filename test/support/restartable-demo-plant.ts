import { spawnCli, type SpawnedCli } from './spawn-cli';

export interface RestartableDemoPlantOptions {
  /** Where the plant keeps its state, so a restart on the same port is the same plant. */
  stateFile: string;
  seed: number;
  workOrders: number;
}

/**
 * The demo plant as its own process (`electron/demo-plant-main.ts`), no upstream changes of its
 * own, its state in a file: stopped and started again on its port, it is the same plant, as a
 * plant that went off the network and came back. Its API is read and written with its token.
 */
export class RestartableDemoPlant {
  private cli: SpawnedCli | null = null;
  url = '';
  token = '';

  constructor(private readonly options: RestartableDemoPlantOptions) {}

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** Starts it on `port` (any free one by default) and waits for its address and token. */
  async start(port = 0): Promise<void> {
    const { stateFile, seed, workOrders } = this.options;
    this.cli = spawnCli('electron/demo-plant-main.ts', [
      '--port', String(port), '--seed', String(seed), '--work-orders', String(workOrders), '--changes-per-minute', '0', '--state-file', stateFile,
    ]);
    this.url = (await this.cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
    this.token = (await this.cli.waitFor(/access token: (\S+)/))[1]!;
  }

  async stop(): Promise<void> {
    await this.cli?.stop();
    this.cli = null;
  }

  /** A request to its API or control routes, answered as JSON; anything but 2xx throws with the body. */
  async request<T>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${await response.text()}`);
    return response.json() as Promise<T>;
  }

  get<T>(route: string): Promise<T> {
    return this.request<T>('GET', route);
  }

  /** Every record of a list, page after page. */
  async all<T>(route: string): Promise<T[]> {
    const records: T[] = [];
    for (let page = 1; ; page++) {
      const body = await this.get<{ data: T[]; meta: { last_page: number } }>(`${route}?per_page=1000&page=${page}`);
      records.push(...body.data);
      if (page >= body.meta.last_page) return records;
    }
  }
}
