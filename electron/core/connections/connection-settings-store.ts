import type { Logger } from '../logging/logger';
import { readConnectionRecord, type ConnectionRecord } from './connection-record';
import type { KeyValueStore } from './key-value-store';

const key = 'connections';

/**
 * The persisted list of connections; entries that no longer read as a connection are skipped, not
 * fatal. Entries saved before connector kinds read as Makini connections (see readConnectionRecord).
 */
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
      const record = readConnectionRecord(entry);
      if (record) records.push(record);
      else this.logger.warn('skipped an unreadable saved connection');
    }
    return records;
  }

  write(records: readonly ConnectionRecord[]): void {
    this.store.set(key, records);
  }
}
