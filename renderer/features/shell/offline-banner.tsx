import { describeOutage } from '../../../shared/connection-status';
import { countOf } from '../../ui/format';
import { useAppStore } from '../../stores/app-store';
import { CloudOffIcon } from '../../ui/outbox-icons';
import { useOutboxSummary } from '../../ui/use-outbox';
import '../../ui/connection-status.css';

/**
 * Says when Millwright works offline, in the words of the connections' status (main's one model):
 * this computer has no network, or a plant cannot be reached. Edits keep being queued; this says
 * how many wait.
 */
export function OfflineBanner() {
  const connections = useAppStore((state) => state.connections);
  const summary = useOutboxSummary();
  const outage = describeOutage(connections);
  if (!outage) return null;
  const waiting = outage.connectionIds.reduce((sum, id) => sum + (summary.byConnection.get(id) ?? 0), 0);
  return (
    <div className="banner banner-offline" role="status" aria-label="Offline" data-status-kind={outage.kind}>
      <CloudOffIcon size={16} />
      <span>
        <strong>{outage.kind === 'computer_offline' ? 'Offline' : 'Plant unreachable'}</strong> — <span className="status-sentence">{outage.sentence}</span>
        {waiting > 0 && ` ${countOf(waiting, 'change')} waiting to be sent.`}
      </span>
    </div>
  );
}
