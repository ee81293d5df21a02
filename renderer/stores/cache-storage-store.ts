import { create } from 'zustand';

export interface CacheStorage {
  /** Bytes this origin stores (the cache and everything else of the app's), as the browser counts them; null until read or where unknown. */
  usage: number | null;
  /** Bytes this computer lets the app store; null until read or where unknown. */
  quota: number | null;
  /** The browser keeps the cache until the app or the user removes it (not cleared when the disk runs low); null until asked. */
  persisted: boolean | null;
  /** Asks for persistent storage once (a granted request stays granted), then reads the figures. */
  requestPersistence(): Promise<void>;
  /** Reads usage and quota again. */
  refresh(): Promise<void>;
}

const storage = (): StorageManager | undefined => globalThis.navigator?.storage;

/** How much room the local cache takes and has on this computer: one place, read by every part that shows it. */
export const useCacheStorage = create<CacheStorage>()((set, get) => ({
  usage: null,
  quota: null,
  persisted: null,
  async requestPersistence() {
    const manager = storage();
    if (manager?.persist) {
      // Chromium grants it without asking the user (Electron through its permission handler) or refuses it quietly.
      const persisted = await manager.persist().catch(() => false);
      set({ persisted });
    }
    await get().refresh();
  },
  async refresh() {
    const estimate = await storage()
      ?.estimate()
      .catch(() => null);
    if (estimate) set({ usage: estimate.usage ?? null, quota: estimate.quota ?? null });
  },
}));
