import { useEffect } from 'react';
import { formatFileSize } from '../../ui/format';
import { listNames } from '../../../shared/connection-status';
import { useAppStore } from '../../stores/app-store';
import { useCacheStorage } from '../../stores/cache-storage-store';
import './cache-storage.css';

/** How often the figures are read again while the Connections page is open (a sync may be filling the cache). */
const refreshMs = 5000;

/** The local cache's size against what this computer allows, and whether the system may clear it. */
export function CacheStoragePanel() {
  const { usage, quota, persisted, refresh } = useCacheStorage();
  const connections = useAppStore((state) => state.connections);
  const full = connections.filter((connection) => connection.status.kind === 'storage_full').map((connection) => connection.name);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => clearInterval(timer);
  }, [refresh, connections]);

  if (usage === null || quota === null) return null;
  const share = quota > 0 ? usage / quota : 1;
  return (
    <section className={full.length > 0 ? 'cache-storage cache-storage-full' : 'cache-storage'} aria-labelledby="cache-storage-heading">
      <h2 id="cache-storage-heading">Storage on this computer</h2>
      <p>
        The local cache takes <strong>{formatFileSize(usage)}</strong> of the {formatFileSize(quota)} this computer allows Millwright
        {share >= 0.01 ? ` (${Math.min(100, Math.round(share * 100))}%)` : ''}.
      </p>
      <meter min={0} max={quota} value={usage} low={quota * 0.8} high={quota * 0.95} optimum={0} aria-label="Local cache used" />
      {full.length > 0 && (
        <p className="cache-storage-refused">
          This computer refused to store more for {listNames(full)}, so {full.length === 1 ? 'its' : 'their'} syncing stopped. The disk itself may be full even
          while the cache is under this limit.
        </p>
      )}
      {persisted === true && <p className="cache-storage-note">Kept until you delete it: the system does not clear it when the disk runs low.</p>}
      {persisted === false && (
        <p className="cache-storage-note">
          Not protected: if the disk runs low, the system may clear the cache. Synced data would be read again from the plants, but changes not yet sent would be lost.
        </p>
      )}
    </section>
  );
}
