import { syncEntities, syncEntityLabels } from '../../shared/domain/sync-entity';
import { formatCount } from './format';
import { useAppStore } from '../stores/app-store';

/** The entity a connection is syncing now, as a progress bar (fetched of upstream's total). */
export function SyncProgressBar({ connectionId, connectionName }: { connectionId: string; /** Shown before the entity where several connections share the space. */ connectionName?: string }) {
  const running = useAppStore((state) => syncEntities.map((entity) => state.progress[connectionId]?.[entity]).find((p) => p?.phase === 'running'));
  if (!running) return null;
  const what = `${connectionName ? `${connectionName} — ` : ''}${syncEntityLabels[running.entity]}`;
  const label = `${what}: ${formatCount(running.fetched)}${running.total !== null ? ` of ${formatCount(running.total)}` : ''}`;
  return (
    <div className="sync-progress" role="progressbar" aria-label={`Syncing ${what}`} aria-valuemin={0}
      aria-valuemax={running.total ?? undefined} aria-valuenow={running.fetched} aria-valuetext={label}>
      <span>{label}</span>
      <progress value={running.fetched} max={running.total ?? undefined} />
    </div>
  );
}
