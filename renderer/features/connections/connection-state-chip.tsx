import type { ConnectionState } from '../../../shared/connection-view';

export const connectionStateLabels: Record<ConnectionState, string> = {
  connecting: 'Connecting',
  active: 'Connected',
  syncing: 'Syncing',
  needs_reauth: 'Needs reauthorization',
  error: 'Error',
  disconnected: 'Disconnected',
};

export function ConnectionStateChip({ state, title }: { state: ConnectionState; title?: string | undefined }) {
  return (
    <span className={`state-pill state-${state}`} title={title}>
      {connectionStateLabels[state]}
    </span>
  );
}
