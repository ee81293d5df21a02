import { countOf, formatCount } from '../../ui/format';
import { useAppStore } from '../../stores/app-store';
import { CloudUploadIcon } from '../../ui/outbox-icons';
import { useOutboxSummary } from '../../ui/use-outbox';

/** The header's upload cloud: how many changes wait to be sent, red when some need a decision; opens Pending changes. */
export function OutboxBadge() {
  const summary = useOutboxSummary();
  const setView = useAppStore((state) => state.setView);
  const attention = summary.conflicts + summary.rejected;
  const label =
    summary.total === 0
      ? 'No changes waiting to be sent'
      : `${countOf(summary.total, 'change')} waiting to be sent${attention > 0 ? `, ${formatCount(attention)} need${attention === 1 ? 's' : ''} your decision` : ''}`;
  const tone = attention > 0 ? 'attention' : summary.total > 0 ? 'waiting' : 'idle';
  return (
    <button type="button" className={`outbox-badge outbox-badge-${tone}`} aria-label={label} title={`${label}. Opens Pending changes.`} onClick={() => setView('outbox')}>
      <CloudUploadIcon size={18} />
      {summary.total > 0 && (
        <span className="outbox-badge-count" aria-hidden>
          {summary.total > 999 ? '999+' : summary.total}
        </span>
      )}
    </button>
  );
}
