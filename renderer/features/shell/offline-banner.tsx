import { useEffect } from 'react';
import type { ConnectionView } from '../../../shared/connection-view';
import { formatCount } from '../../format';
import { useAppStore } from '../../stores/app-store';
import { CloudOffIcon } from '../outbox/outbox-icons';
import { useOutboxActions, useOutboxSummary } from '../outbox/use-outbox';
import { useBrowserOnline } from './use-browser-online';

/** "A", "A and B", "A, B and C" */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const edits = (count: number) => (count === 1 ? '1 edit' : `${formatCount(count)} edits`);

/** Plants whose upstream cannot be reached right now. */
export const unreachable = (connections: readonly ConnectionView[]) =>
  connections.filter((c) => c.state !== 'disconnected' && c.lastError?.code === 'NETWORK');

/**
 * Says when Millwright works offline: the machine has no network, or a plant's system cannot be
 * reached. Edits keep being queued; this says how many wait and when they will go.
 */
export function OfflineBanner() {
  const online = useBrowserOnline();
  const connections = useAppStore((state) => state.connections);
  const summary = useOutboxSummary();
  const { push } = useOutboxActions();
  const outOfReach = unreachable(connections);

  // Back online: send what waited without waiting for the next sync.
  useEffect(() => {
    const onOnline = () => push(useAppStore.getState().connections.filter((c) => c.state === 'active').map((c) => c.id));
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [push]);

  if (online && outOfReach.length === 0) return null;
  const waiting = online ? outOfReach.reduce((sum, c) => sum + (summary.byConnection.get(c.id) ?? 0), 0) : summary.total;
  const plants = listNames(outOfReach.map((c) => c.name));
  const when = online ? `when ${plants} ${outOfReach.length > 1 ? 'are' : 'is'} back` : 'when the network is back';
  return (
    <div className="banner banner-offline" role="status">
      <CloudOffIcon size={16} />
      <span>
        <strong>Offline</strong> —{' '}
        {waiting > 0
          ? `${edits(waiting)} waiting; ${waiting === 1 ? 'it' : 'they'} will be sent ${when}.`
          : `${online ? `${plants} cannot be reached` : 'no network'}. Changes you make are kept and sent ${when}.`}
      </span>
    </div>
  );
}
