import type { AppNotification, ConnectionView } from '../../../shared/connection-view';
import type { LocalStore } from '../../../shared/local-store';
import type { OutboxStore } from '../../../shared/outbox-store';
import type { SyncProgress } from '../../../shared/sync-progress';
import type { Logger } from '../logging/logger';
import type { ConnectionSettingsStore } from './connection-settings-store';
import type { DemoPlantHost } from './demo-plant-host';
import type { ActivityHistory } from './renderer-history-store';
import type { SecretStore } from './secret-store';

/** What the ConnectionManager tells the renderer. */
export interface ConnectionEvents {
  changed(view: ConnectionView): void;
  removed(connectionId: string): void;
  notify(notification: AppNotification): void;
  progress(progress: SyncProgress): void;
}

export interface ConnectionManagerOptions {
  settings: ConnectionSettingsStore;
  secrets: SecretStore;
  demoPlants: DemoPlantHost;
  events: ConnectionEvents;
  logger: Logger;
  /** Opens the system browser; resolves false where main cannot (web mode: the renderer opens the page). */
  openExternal: (url: string) => Promise<boolean>;
  /** The attached renderer's cache, if a window has it open. */
  store: () => LocalStore | null;
  /** The attached renderer's outbox of offline edits. */
  outbox: () => OutboxStore | null;
  /** The attached renderer's Sync history, where failed probes, pushes and webhook fetches are recorded. */
  history?: () => ActivityHistory | null;
  now?: () => number;
  /** Background syncs and health checks; tests that drive each step by hand turn them off. */
  schedule?: boolean;
  healthCheckIntervalMs?: number;
  /** How often an unreachable upstream is tried again (then a catch-up sync runs at once). */
  reachabilityIntervalMs?: number;
  /** How often it is tried while edits wait to be sent (see Reachability). */
  fastProbeIntervalMs?: number;
  perPage?: number;
  oauthTimeoutMs?: number;
  fetch?: typeof fetch;
}
