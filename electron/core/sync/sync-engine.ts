import { syncEntities, type SyncEntity } from '../../../shared/domain/sync-entity';
import { toAppErrorShape } from '../../../shared/errors';
import type { LocalStore } from '../../../shared/local-store';
import type { EntitySyncSummary, SyncProgress, SyncRunSummary } from '../../../shared/sync-progress';
import type { Connector } from '../connectors/connector';
import { pullIncrementally } from './incremental-pull';

export interface SyncEngineOptions {
  connectionId: string;
  connector: Connector;
  perPage?: number;
  entities?: readonly SyncEntity[];
  onProgress?: (progress: SyncProgress) => void;
  now?: () => Date;
}

export const defaultPerPage = 250;

/**
 * Pulls a connection's entities into a LocalStore, reference data first. One run at a time per
 * connection: a run asked for while one is going joins it.
 */
export class SyncEngine {
  private inFlight: Promise<SyncRunSummary> | null = null;

  constructor(private readonly options: SyncEngineOptions) {}

  get running(): boolean {
    return this.inFlight !== null;
  }

  run(store: LocalStore): Promise<SyncRunSummary> {
    this.inFlight ??= this.runOnce(store).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async runOnce(store: LocalStore): Promise<SyncRunSummary> {
    const { connectionId, connector } = this.options;
    const now = this.options.now ?? (() => new Date());
    const emit = this.options.onProgress ?? (() => undefined);
    const startedAt = now().toISOString();
    const entities: EntitySyncSummary[] = [];
    for (const entity of this.options.entities ?? syncEntities) {
      let last = { fetched: 0, total: null as number | null };
      emit({ connectionId, entity, phase: 'running', ...last, error: null });
      try {
        const summary = await pullIncrementally({
          connector,
          store,
          connectionId,
          entity,
          perPage: this.options.perPage ?? defaultPerPage,
          onPage: (progress) => {
            last = progress;
            emit({ connectionId, entity, phase: 'running', ...progress, error: null });
          },
        });
        entities.push(summary);
        emit({ connectionId, entity, phase: 'done', ...last, error: null });
      } catch (error) {
        emit({ connectionId, entity, phase: 'failed', ...last, error: toAppErrorShape(error) });
        throw error;
      }
    }
    return { connectionId, startedAt, finishedAt: now().toISOString(), entities };
  }
}
