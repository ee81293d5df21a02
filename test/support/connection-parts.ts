import { ConnectionActivation } from '../../electron/core/connections/connection-activation';
import { ConnectionManager } from '../../electron/core/connections/connection-manager';
import type { ConnectionManagerOptions } from '../../electron/core/connections/connection-manager-options';
import { DemoPlantHost } from '../../electron/core/connections/demo-plant-host';
import { FileLogger } from '../../electron/core/logging/logger';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import { ConnectionCredentials } from '../../electron/core/connections/connection-credentials';
import { ConnectionRuntimes } from '../../electron/core/connections/connection-runtimes';
import { ConnectionSettingsStore } from '../../electron/core/connections/connection-settings-store';
import { ConnectionViews } from '../../electron/core/connections/connection-views';
import { MemoryKeyValueStore } from '../../electron/core/connections/key-value-store';
import { KeyFileCipher } from '../../electron/core/connections/secret-cipher';
import { SecretStore } from '../../electron/core/connections/secret-store';
import type { WebhookEndpoints } from '../../electron/core/webhooks/webhook-endpoints';
import type { ConnectionView } from '../../shared/connection-view';
import { AppError } from '../../shared/errors';
import { recordingLogger } from './connection-runtime-fixtures';

/**
 * The parts every way of connecting stands on, real and wired as the ConnectionManager wires them
 * (settings and encrypted secrets in memory, views recorded), without schedules, probes or a cache.
 */
export function connectionParts(options: { now?: () => number; webhooks?: WebhookEndpoints } = {}) {
  const now = options.now ?? Date.now;
  const keyValues = new MemoryKeyValueStore();
  const logger = recordingLogger();
  const secrets = new SecretStore(keyValues, new KeyFileCipher(null), logger);
  const settings = new ConnectionSettingsStore(keyValues, logger);
  const emitted: ConnectionView[] = [];
  /** Connections whose first sync was asked for. */
  const syncsAsked: string[] = [];
  const runtimes = new ConnectionRuntimes(settings, {
    fetch: (input, init) => globalThis.fetch(input, init),
    answered: () => undefined,
    outbox: () => {
      throw new AppError('IPC_NO_RENDERER', 'No window has the local cache open.');
    },
    onProgress: () => undefined,
  });
  const views = new ConnectionViews({
    now,
    events: { changed: (view) => void emitted.push(view), notify: () => undefined },
    secretProtection: () => secrets.protection,
    webhooks: () => options.webhooks ?? null,
    computerOnline: () => null,
  });
  const credentials = new ConnectionCredentials({ now, logger, secrets });
  const activation = new ConnectionActivation({
    now,
    logger,
    save: () => runtimes.save(),
    emit: (runtime) => views.emit(runtime),
    runtimes,
    secrets,
    syncSoon: (runtime) => void syncsAsked.push(runtime.record.id),
  });
  return { keyValues, logger, secrets, settings, runtimes, views, credentials, activation, emitted, syncsAsked };
}

/**
 * A ConnectionManager over settings and secrets kept in `keyValues` (so a second one over the same
 * store is the app after a restart) and `db` as the window's cache, with events ignored and no
 * browser to open; `options` adds or overrides the rest (schedules, probe paces).
 */
export function managerOver(keyValues: MemoryKeyValueStore, db: MillwrightDb, options: Partial<ConnectionManagerOptions> = {}): ConnectionManager {
  const logger = options.logger ?? new FileLogger(null, () => undefined);
  const store = new DexieLocalStore(db);
  return new ConnectionManager({
    settings: new ConnectionSettingsStore(keyValues, logger),
    secrets: new SecretStore(keyValues, new KeyFileCipher(null), logger),
    demoPlants: new DemoPlantHost({ stateDir: null, changesPerMinute: 0 }),
    events: { changed: () => undefined, removed: () => undefined, notify: () => undefined, progress: () => undefined },
    logger,
    openExternal: async () => false,
    store: () => store,
    outbox: () => new DexieOutbox(db),
    ...options,
  });
}
