import { useState } from 'react';
import type { ConnectionView, WebhookStatus } from '../../../shared/connection-view';
import { formatCount, formatDate, formatTime } from '../../ui/format';
import './webhook-status.css';

const intervalText = (minutes: number) => (minutes < 60 ? `${minutes} minutes` : minutes === 60 ? 'hour' : minutes === 1440 ? 'day' : `${minutes / 60} hours`);

/** A connection's webhook endpoint and what it has received and processed, with the polling that backs it up. */
export function WebhookStatusPanel({ connection, webhook }: { connection: ConnectionView; webhook: WebhookStatus }) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(webhook.endpoint).then(
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
      <h3>Webhooks</h3>
      <div className="webhook-endpoint">
        <code>{webhook.endpoint}</code>
        <button type="button" className="button subtle" onClick={copy}>
          {copied ? 'Copied' : 'Copy URL'}
        </button>
      </div>
      {!webhook.secretSet && (
        <p className="info-box">
          No webhook secret yet: deliveries are refused. Add this URL on Makini&apos;s Webhooks page and paste its secret in Settings.
        </p>
      )}
      <ul className="webhook-counters" aria-label="Webhook counters since Millwright started">
        {counters.map(([label, value]) => (
          <li key={label}>
            <strong>{formatCount(value)}</strong> {label}
          </li>
        ))}
      </ul>
      <p className="muted">
        {webhook.lastDeliveryAt ? `Last delivery ${formatDate(webhook.lastDeliveryAt)} ${formatTime(webhook.lastDeliveryAt)}. ` : 'No delivery yet. '}
        {connection.nextSyncAt
          ? `Scheduled syncs every ${intervalText(connection.syncIntervalMinutes)} catch anything webhooks miss.`
          : 'No sync is scheduled now; Sync now catches anything webhooks miss.'}
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
