import { useState } from 'react';
import { relayTargetSchema } from '../../../shared/connection-requests';
import type { ConnectionView } from '../../../shared/connection-view';
import { hostnameOf, isLoopbackHost } from '../../../shared/loopback-host';
import { useIpcClient } from '../../ipc/ipc-client-context';
import { formError } from '../../ui/form-errors';
import { TextField } from '../../ui/text-field';

/** Where a connection's webhooks come from, as the settings form edits it. The token is write-only: empty keeps the saved one. */
export interface WebhookSource {
  mode: 'computer' | 'relay';
  url: string;
  token: string;
}

export function initialWebhookSource(connection: ConnectionView): WebhookSource {
  const relay = connection.webhook?.relay;
  return { mode: relay ? 'relay' : 'computer', url: relay?.url ?? '', token: '' };
}

/**
 * What to send for the source: the relay to set, null to receive here again, undefined to keep it
 * as it is; or a message saying what is missing.
 */
export function webhookRelayChange(connection: ConnectionView, source: WebhookSource): { change: { url: string; token: string } | null | undefined } | { problem: string } {
  const saved = connection.webhook?.relay ?? null;
  if (source.mode === 'computer') return { change: saved ? null : undefined };
  const url = source.url.trim().replace(/\/+$/, '');
  if (saved && url === saved.url && !source.token.trim()) return { change: undefined };
  if (!source.token.trim()) return { problem: saved ? 'Paste the desktop token again for the new relay address.' : "Paste the desktop token the relay's admin gave you." };
  const parsed = relayTargetSchema.safeParse({ url, token: source.token });
  if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'Check the relay address and token.' };
  return { change: parsed.data };
}

/** The choice between this computer's receiver and a relay, with the relay's address and token, and a test of them. */
export function WebhookSourceFields({ connection, value, onChange }: { connection: ConnectionView; value: WebhookSource; onChange: (next: WebhookSource) => void }) {
  const client = useIpcClient();
  const [test, setTest] = useState<{ ok: boolean; message: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const set = (change: Partial<WebhookSource>) => {
    setTest(null);
    onChange({ ...value, ...change });
  };
  const runTest = async () => {
    const parsed = relayTargetSchema.safeParse({ url: value.url, token: value.token });
    if (!parsed.success) return setTest({ ok: false, message: parsed.error.issues[0]?.message ?? 'Check the relay address and token.' });
    setTesting(true);
    try {
      const ping = await client.invoke('connections.testRelay', parsed.data);
      const waiting = ping.pending === 0 ? 'nothing waits for it yet' : `${ping.pending.toLocaleString()} deliver${ping.pending === 1 ? 'y waits' : 'ies wait'} for it`;
      setTest({ ok: true, message: `The relay accepts this desktop (“${ping.desktop}”) for its connection “${ping.connection}”; ${waiting}.` });
    } catch (error) {
      setTest({ ok: false, message: formError(error) });
    } finally {
      setTesting(false);
    }
  };
  const id = connection.id;
  const endpoint = connection.webhook?.endpoint ?? '';
  const receiverOrigin = URL.canParse(endpoint) ? new URL(endpoint).origin : endpoint;
  const receiverOnLoopback = isLoopbackHost(hostnameOf(endpoint));
  return (
    <fieldset className="method-choice webhook-source">
      <legend>Webhooks</legend>
      <label className={value.mode === 'computer' ? 'method selected' : 'method'}>
        <input type="radio" name={`webhook-source-${id}`} checked={value.mode === 'computer'} onChange={() => set({ mode: 'computer' })} />
        <span className="method-label">This computer receives webhooks</span>
        <span className="method-hint">
          {receiverOnLoopback
            ? `Its receiver listens only on this computer (${receiverOrigin}), so Makini cannot reach it. `
            : `Makini must be able to reach ${receiverOrigin} from the internet: rarely so behind a plant's firewall. `}
          A fixed port, the network it listens on and HTTPS are set by whoever installs Millwright, for when it starts.
        </span>
      </label>
      <label className={value.mode === 'relay' ? 'method selected' : 'method'}>
        <input type="radio" name={`webhook-source-${id}`} checked={value.mode === 'relay'} onChange={() => set({ mode: 'relay' })} />
        <span className="method-label">Through a relay</span>
        <span className="method-hint">A relay your company runs receives them; this computer connects out to it and collects them, even after days away.</span>
      </label>
      {value.mode === 'relay' && (
        <div className="relay-fields">
          <TextField label="Relay address" value={value.url} placeholder="https://relay.example.com" inputMode="url" autoComplete="off" onChange={(e) => set({ url: e.target.value })} />
          <TextField
            label="Desktop token"
            type="password"
            autoComplete="off"
            value={value.token}
            placeholder={connection.webhook?.relay ? 'Set (leave empty to keep it)' : 'mwr_… from the relay’s admin'}
            onChange={(e) => set({ token: e.target.value })}
          />
          <button type="button" className="button" disabled={testing || !value.url.trim() || !value.token.trim()} onClick={() => void runTest()}>
            {testing ? 'Testing…' : 'Test relay'}
          </button>
          {test && (
            <p className={test.ok ? 'info-box' : 'error-box'} role="status">
              {test.message}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
