import { useState } from 'react';
import type { ConnectionView, WebhookStatus } from '../../../shared/connection-view';
import { describeUpdatePath } from '../../../shared/update-path';
import { formatCount, formatDate, formatTime } from '../../ui/format';
import './webhook-status.css';

/** How a connection's changes arrive (live, through its relay, or by polling), its webhook address, and what it has received and processed. */
export function WebhookStatusPanel({ connection, webhook }: { connection: ConnectionView; webhook: WebhookStatus }) {
  const [copied, setCopied] = useState(false);
  const path = describeUpdatePath(connection, formatTime);
  // Through a relay, Makini sends to the relay's address for the connection; otherwise to this computer.
  const endpoint = webhook.relay ? webhook.relay.endpoint : webhook.endpoint;
  const copy = () => {
    if (!endpoint) return;
    void navigator.clipboard?.writeText(endpoint).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  const counters: [string, number][] = [
    ['received', webhook.received],
    ['processed', webhook.processed],
    ['duplicates', webhook.duplicate],
    ['refused (signature)', webhook.rejected],
    ['refused (other)', webhook.badRequests],
    ['waiting', webhook.pending],
    ['failed attempts', webhook.failures],
  ];
  return (
    <section className={`webhook-status${webhook.alerting ? ' webhook-alerting' : ''}`} aria-label={`Webhooks of ${connection.name}`}>
      <h3>Updates and webhooks</h3>
      {path && (
        <p className={`update-path update-path-${path.tone}`} data-tone={path.tone} role={path.tone === 'trouble' ? 'status' : undefined}>
          <strong>{path.headline}.</strong> {path.detail}
        </p>
      )}
      {endpoint && (
        <div className="webhook-endpoint">
          <span className="muted">{webhook.relay ? 'Makini sends to the relay at' : 'Address for Makini'}</span>
          <code>{endpoint}</code>
          <button type="button" className="button subtle" onClick={copy}>
            {copied ? 'Copied' : 'Copy URL'}
          </button>
        </div>
      )}
      <ul className="webhook-counters" aria-label="Webhook counters since Millwright started">
        {counters.map(([label, value]) => (
          <li key={label}>
            <strong>{formatCount(value)}</strong> {label}
          </li>
        ))}
      </ul>
      <p className="muted">
        {webhook.lastDeliveryAt ? `Last delivery ${formatDate(webhook.lastDeliveryAt)} ${formatTime(webhook.lastDeliveryAt)}.` : 'No delivery yet.'}
      </p>
      {webhook.lastError && (
        <p className={webhook.alerting ? 'error-box' : 'warning-box'} role={webhook.alerting ? 'alert' : undefined}>
          Processing {webhook.alerting ? 'keeps failing' : 'failed and is being retried'}: <strong>{webhook.lastError.code}</strong> {webhook.lastError.message}
          {webhook.lastError.requestId && <> (request id {webhook.lastError.requestId})</>}
        </p>
      )}
    </section>
  );
}
