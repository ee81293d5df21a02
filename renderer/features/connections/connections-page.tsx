import { useState } from 'react';
import type { ConnectionView } from '../../../shared/connection-view';
import { formatDate, formatMoment } from '../../ui/format';
import { useIpcClient } from '../../ipc/ipc-client-context';
import { useAppStore } from '../../stores/app-store';
import { AddConnectionDialog } from './add-connection-dialog';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { ConnectionSettingsForm } from './connection-settings-form';
import { ConnectionStatusChip, ProblemReference, StatusTime } from '../../ui/connection-status-chip';
import { ReauthorizeDialog } from './reauthorize-dialog';
import { SyncActions } from './sync-actions';
import { SyncProgressBar } from '../../ui/sync-progress-bar';
import { WebhookStatusPanel } from './webhook-status';
import { CacheStoragePanel } from './cache-storage-panel';

type Pending = { kind: 'reauthorize' | 'disconnect' | 'delete'; connection: ConnectionView } | { kind: 'add' } | null;

const authLabels = { demo: 'Demo plant (built in)', token: 'Connection token', oauth: 'Makini Link sign-in', file: 'Export file (read only)' } as const;

/** Every connection: its state, system, syncs and token, and what can be done with it. */
export function ConnectionsPage() {
  const client = useIpcClient();
  const connections = useAppStore((state) => state.connections);
  const [pending, setPending] = useState<Pending>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const basicProtection = connections.some((c) => c.secretProtection === 'basic' && c.state !== 'disconnected');

  return (
    <div className="page connections-page">
      <div className="connections-main">
      <div className="page-head">
        <h1>Connections</h1>
        <button type="button" className="button primary" onClick={() => setPending({ kind: 'add' })}>
          Add connection
        </button>
      </div>
      {basicProtection && (
        <p className="warning-box" role="note">
          Tokens are encrypted, but not with the operating system's keychain (none is available here), so anyone who can read your
          files could recover them.
        </p>
      )}
      {connections.length === 0 && <p className="page-message">No connections yet. Add one to start syncing.</p>}
      <ul className="connection-list">
        {connections.map((connection) => {
          const disconnected = connection.state === 'disconnected';
          return (
            <li key={connection.id} className="connection-card" aria-label={`Connection ${connection.name}`} data-status-kind={connection.status.kind} data-attention={connection.status.attention}>
              <div className="connection-card-head">
                <h2>{connection.name}</h2>
                <ConnectionStatusChip status={connection.status} />
                <StatusTime status={connection.status} />
              </div>
              <p className="status-sentence" role={connection.status.attention ? 'alert' : undefined}>
                {connection.status.sentence} {connection.status.problem && <ProblemReference problem={connection.status.problem} />}
              </p>
              <dl>
                <dt>System</dt>
                <dd>{connection.writes.label}{connection.companyName ? ` · ${connection.companyName}` : ''}</dd>
                <dt>Connected with</dt>
                <dd>{authLabels[connection.authMethod]}{connection.deployment === 'on_prem' && connection.authMethod !== 'file' ? ' · on-premises' : ''}</dd>
                <dt>{connection.authMethod === 'file' ? 'File' : 'API'}</dt>
                <dd>{connection.baseUrl}</dd>
                <dt>Next sync</dt>
                <dd>{connection.nextSyncAt
                    ? formatMoment(connection.nextSyncAt)
                    : connection.status.kind === 'plant_unreachable' || connection.status.kind === 'computer_offline'
                      ? 'Paused until the plant answers'
                      : '—'}</dd>
                {connection.authMethod !== 'file' && (
                  <>
                    <dt>Token</dt>
                    <dd>
                      {connection.tokenPreview ?? 'none'}
                      {connection.tokenExpiresAt ? ` · expires ${formatDate(connection.tokenExpiresAt)}` : ''}
                    </dd>
                  </>
                )}
              </dl>
              <SyncProgressBar connectionId={connection.id} />
              {connection.webhook && <WebhookStatusPanel connection={connection} webhook={connection.webhook} />}
              {connection.lastError && !disconnected && connection.lastError !== connection.status.problem && connection.lastError.message !== connection.status.problem?.message && (
                <p className="error-box">
                  Last problem: {connection.lastError.message} <ProblemReference problem={connection.lastError} />
                </p>
              )}
              {editing === connection.id ? (
                <ConnectionSettingsForm connection={connection} onDone={() => setEditing(null)} />
              ) : (
                <div className="actions" role="group" aria-label={`Actions for ${connection.name}`}>
                  {!disconnected && <SyncActions connection={connection} />}
                  {!disconnected && connection.authMethod !== 'file' && (
                    <button type="button" className={connection.state === 'needs_reauth' ? 'button primary' : 'button'} onClick={() => setPending({ kind: 'reauthorize', connection })}>
                      Reauthorize
                    </button>
                  )}
                  <button type="button" className="button" onClick={() => setEditing(connection.id)}>
                    Settings
                  </button>
                  {!disconnected && (
                    <button type="button" className="button" onClick={() => setPending({ kind: 'disconnect', connection })}>
                      Disconnect
                    </button>
                  )}
                  {disconnected && (
                    <button type="button" className="button danger" onClick={() => setPending({ kind: 'delete', connection })}>
                      Delete data
                    </button>
                  )}
                  {connection.kind === 'demo' && !disconnected && (
                    <button
                      type="button"
                      className="button subtle"
                      title="Demo: the plant's system credentials change, as when someone changes a password in the CMMS"
                      onClick={() =>
                        void client
                          .invoke('demoPlant.setCredentialsChanged', { connectionId: connection.id, changed: true })
                          .then(() => client.invoke('sync.run', { connectionId: connection.id }))
                          .catch(() => undefined /* the failed sync shows on the connection */)
                      }
                    >
                      Simulate credential change
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      </div>
      <CacheStoragePanel />
      {pending?.kind === 'add' && <AddConnectionDialog onClose={() => setPending(null)} onAdded={() => setPending(null)} />}
      {pending?.kind === 'reauthorize' && <ReauthorizeDialog connection={pending.connection} onClose={() => setPending(null)} />}
      {pending?.kind === 'disconnect' && (
        <ConfirmDialog
          title={`Disconnect ${pending.connection.name}?`}
          message="Its token is revoked and syncing stops. Cached work orders stay visible, read-only, until you delete them."
          confirmLabel="Disconnect"
          onConfirm={() => client.invoke('connections.disconnect', { connectionId: pending.connection.id })}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete the data of ${pending.connection.name}?`}
          message="Every cached record of this connection is removed from this computer. This cannot be undone."
          confirmLabel="Delete data"
          onConfirm={() => client.invoke('connections.deleteData', { connectionId: pending.connection.id })}
          onClose={() => setPending(null)}
        />
      )}
    </div>
  );
}
