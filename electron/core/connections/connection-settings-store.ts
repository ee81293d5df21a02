import type { Logger } from '../logging/logger';
import { connectionRecordSchema, type ConnectionRecord } from './connection-record';
import type { KeyValueStore } from './key-value-store';

const key = 'connections';

/** The persisted list of connections; entries that no longer read as a connection are skipped, not fatal. */
export class ConnectionSettingsStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly logger: Logger,
  ) {}

  read(): ConnectionRecord[] {
    const raw = this.store.get(key);
    if (!Array.isArray(raw)) return [];
    const records: ConnectionRecord[] = [];
    for (const entry of raw) {
      const parsed = connectionRecordSchema.safeParse(entry);
      if (parsed.success) records.push(parsed.data);
      else this.logger.warn('skipped an unreadable saved connection');
    }
    return records;
  }

  write(records: readonly ConnectionRecord[]): void {
    this.store.set(key, records);
  }
}
