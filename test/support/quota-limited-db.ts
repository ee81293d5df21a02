import type { DBCoreMutateRequest } from 'dexie';
import type { MillwrightDb } from '../../renderer/db/millwright-db';

export interface QuotaLimit {
  /** Bytes (JSON) the database may still be given; Infinity lifts the limit. */
  setRoom(bytes: number): void;
  /** Writes refused so far. */
  readonly refusals: number;
}

/**
 * A small storage quota for a fake-indexeddb cache, which has none of its own: once the records
 * put since the limit was set pass `room` bytes (as JSON), a write fails as Chromium's does, with
 * a DOMException named QuotaExceededError, which aborts its transaction. Set before the database
 * opens (Dexie opens on its first query).
 */
export function limitQuota(db: MillwrightDb, room: number): QuotaLimit {
  let left = room;
  let refusals = 0;
  const size = (request: DBCoreMutateRequest) => (request.type === 'add' || request.type === 'put' ? JSON.stringify(request.values).length : 0);
  db.use({
    stack: 'dbcore',
    name: 'test-quota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            const bytes = size(request);
            if (bytes > left) {
              refusals += 1;
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            left -= bytes;
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return {
    setRoom: (bytes) => void (left = bytes),
    get refusals() {
      return refusals;
    },
  };
}
