import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConnectionManager } from '../../electron/core/connections/connection-manager';
import { ConnectionSettingsStore } from '../../electron/core/connections/connection-settings-store';
import { DemoPlantHost } from '../../electron/core/connections/demo-plant-host';
import { MemoryKeyValueStore } from '../../electron/core/connections/key-value-store';
import { KeyFileCipher } from '../../electron/core/connections/secret-cipher';
import { SecretStore } from '../../electron/core/connections/secret-store';
import { FileLogger } from '../../electron/core/logging/logger';
import { startConnectionWebhooks, type ConnectionWebhooksOptions } from '../../electron/core/webhooks/connection-webhooks';
import type { WebhookService } from '../../electron/core/webhooks/webhook-service';
import { DexieLocalStore } from '../../renderer/db/dexie-local-store';
import { DexieOutbox } from '../../renderer/db/dexie-outbox';
import type { MillwrightDb } from '../../renderer/db/millwright-db';
import type { AppNotification } from '../../shared/connection-view';
import { createTestDb } from './test-db';

/** What outlives a restart of a desktop's main process: its settings, the key sealing its secrets, its journal folder and its cache. */
export interface DesktopProfile {
  keyValues: MemoryKeyValueStore;
  cipher: KeyFileCipher;
  journalDir: string;
  db: MillwrightDb;
  /** Removes the journal folder and closes the cache. */
  dispose(): void;
}

export function desktopProfile(): DesktopProfile {
  const journalDir = mkdtempSync(path.join(tmpdir(), 'millwright-desktop-'));
  const db = createTestDb();
  return {
    keyValues: new MemoryKeyValueStore(),
    cipher: new KeyFileCipher(null),
    journalDir,
    db,
    dispose() {
      db.close();
      rmSync(journalDir, { recursive: true, force: true });
    },
  };
}

/** One desktop's main process as the app wires it (connections, sync, webhooks with relay links) over a real Dexie cache. */
export interface DesktopEngine {
  manager: ConnectionManager;
  webhooks: WebhookService;
  profile: DesktopProfile;
  notifications: AppNotification[];
  close(): Promise<void>;
}

export async function startDesktopEngine(profile: DesktopProfile, webhookOptions: Partial<ConnectionWebhooksOptions> = {}, options: { schedule?: boolean } = {}): Promise<DesktopEngine> {
  const logger = new FileLogger(null, () => undefined);
  const notifications: AppNotification[] = [];
  const store = new DexieLocalStore(profile.db);
  const outbox = new DexieOutbox(profile.db);
  const manager = new ConnectionManager({
    settings: new ConnectionSettingsStore(profile.keyValues, logger),
    secrets: new SecretStore(profile.keyValues, profile.cipher, logger),
    demoPlants: new DemoPlantHost({ stateDir: null, changesPerMinute: 0 }),
    events: { changed: () => undefined, removed: () => undefined, notify: (n) => notifications.push(n), progress: () => undefined },
    logger,
    openExternal: async () => false,
    store: () => store,
    outbox: () => outbox,
    schedule: options.schedule ?? false,
  });
  const webhooks = await startConnectionWebhooks(
    manager,
    { dir: profile.journalDir, logger, retryBaseDelayMs: 20, maxRetryDelayMs: 100, alertAfterFailures: 3, ...webhookOptions },
    (n) => notifications.push(n),
  );
  await manager.start();
  let closed = false;
  return {
    manager,
    webhooks,
    profile,
    notifications,
    async close() {
      if (closed) return;
      closed = true;
      await webhooks.close();
      await manager.dispose();
    },
  };
}

/** Waits until `condition` holds, checking every 20 ms; throws with `what` after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
