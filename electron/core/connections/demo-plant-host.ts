import path from 'node:path';
import { startDemoPlant, type RunningDemoPlant } from '../../demo-plant/demo-plant-server';
import type { WebhookOptions } from '../../demo-plant/webhook-dispatcher';

export interface DemoPlantHostOptions {
  /** Folder for each plant's state file; null keeps plants in memory only. */
  stateDir: string | null;
  changesPerMinute: number;
  /** Webhook timings of the plants (tests shorten them); their targets are subscribed by the connection. */
  webhooks?: Omit<WebhookOptions, 'targets'>;
}

/** Runs the demo plants of demo connections inside main, one per connection, each on its own loopback port. */
export class DemoPlantHost {
  private readonly plants = new Map<string, Promise<RunningDemoPlant>>();

  constructor(private readonly options: DemoPlantHostOptions) {}

  start(connectionId: string, plant: { seed: number; workOrders: number }): Promise<RunningDemoPlant> {
    let running = this.plants.get(connectionId);
    if (!running) {
      running = startDemoPlant({
        seed: plant.seed,
        sizes: { workOrders: plant.workOrders },
        changesPerMinute: this.options.changesPerMinute,
        stateFile: this.options.stateDir === null ? null : path.join(this.options.stateDir, `${connectionId}.json`),
        // The app reaches its plants with tokens they issue (kept encrypted with the connection's
        // secrets); their admin token is needed for nothing after a restart, so it is never written.
        saveToken: false,
        ...(this.options.webhooks ? { webhooks: this.options.webhooks } : {}),
      });
      running.catch(() => this.plants.delete(connectionId));
      this.plants.set(connectionId, running);
    }
    return running;
  }

  get(connectionId: string): Promise<RunningDemoPlant> | null {
    return this.plants.get(connectionId) ?? null;
  }

  async stop(connectionId: string): Promise<void> {
    const running = this.plants.get(connectionId);
    this.plants.delete(connectionId);
    await (await running?.catch(() => null))?.close();
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.plants.keys()].map((id) => this.stop(id)));
  }
}
