import { useState, type FormEvent } from 'react';
import { syncIntervalMinutesOptions, type ConnectionView } from '../../../shared/connection-view';
import { useIpcClient } from '../../ipc/ipc-client-context';
import { DialogActions } from '../../ui/dialog-actions';
import { FormFailure } from '../../ui/form-failure';
import { HistoryWindowField } from './history-window-field';
import { TextField } from '../../ui/text-field';
import { useSubmit } from '../../ui/use-submit';
import { initialWebhookSource, webhookRelayChange, WebhookSourceFields } from './webhook-source-fields';

const intervalLabels: Record<(typeof syncIntervalMinutesOptions)[number], string> = {
  15: 'Every 15 minutes',
  30: 'Every 30 minutes',
  60: 'Every hour',
  240: 'Every 4 hours',
  1440: 'Daily',
};

/** A connection's name, sync schedule and (for Makini connections) where its webhooks come from. */
export function ConnectionSettingsForm({ connection, onDone }: { connection: ConnectionView; onDone: () => void }) {
  const client = useIpcClient();
  const [name, setName] = useState(connection.name);
  const [interval, setInterval] = useState(connection.syncIntervalMinutes);
  const [historyDays, setHistoryDays] = useState(connection.historyDays);
  // Write-only: the secret is never sent back to the page, so the field starts empty ("keep").
  const [webhookSecret, setWebhookSecret] = useState('');
  const [webhookSource, setWebhookSource] = useState(() => initialWebhookSource(connection));
  const { busy, failure, setFailure, submit } = useSubmit();
  const takesWebhookSecret = connection.kind === 'makini' && connection.webhook !== null;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setFailure('Give the connection a name.');
    if (webhookSecret && webhookSecret.trim().length < 8) return setFailure('A webhook secret has at least 8 characters.');
    const relay = takesWebhookSecret ? webhookRelayChange(connection, webhookSource) : { change: undefined };
    if ('problem' in relay) return setFailure(relay.problem);
    await submit(async () => {
      await client.invoke('connections.updateSettings', {
        connectionId: connection.id,
        name: name.trim(),
        syncIntervalMinutes: interval,
        historyDays,
        ...(webhookSecret.trim() && webhookSource.mode === 'computer' ? { webhookSecret: webhookSecret.trim() } : {}),
        ...(relay.change !== undefined ? { webhookRelay: relay.change } : {}),
      });
      onDone();
    });
  };
  return (
    <form className="settings-form" onSubmit={save} aria-label={`Settings of ${connection.name}`}>
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} />
      <div className="field">
        <label htmlFor={`interval-${connection.id}`}>Sync</label>
        <select id={`interval-${connection.id}`} value={interval} onChange={(e) => setInterval(Number(e.target.value) as typeof interval)}>
          {syncIntervalMinutesOptions.map((minutes) => (
            <option key={minutes} value={minutes}>
              {intervalLabels[minutes]}
            </option>
          ))}
        </select>
      </div>
      <HistoryWindowField
        id={`history-${connection.id}`}
        value={historyDays}
        onChange={setHistoryDays}
        hint="A change applies to the next full re-sync; other syncs read only what changed since the last one."
      />
      {takesWebhookSecret && <WebhookSourceFields connection={connection} value={webhookSource} onChange={setWebhookSource} />}
      {takesWebhookSecret && webhookSource.mode === 'computer' && (
        <TextField
          label="Webhook secret"
          type="password"
          autoComplete="off"
          value={webhookSecret}
          placeholder={connection.webhook?.secretSet ? 'Set (leave empty to keep it)' : 'From Makini’s Webhooks page'}
          hint="Deliveries signed with any other secret are refused."
          onChange={(e) => setWebhookSecret(e.target.value)}
        />
      )}
      <FormFailure message={failure} />
      <DialogActions onCancel={onDone}>
        <button type="submit" className="button primary" disabled={busy}>
          Save
        </button>
      </DialogActions>
    </form>
  );
}
