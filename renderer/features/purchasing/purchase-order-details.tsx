import { useState } from 'react';
import { isLocalKey } from '../../../shared/domain/outbox-operation';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';
import { unverifiedNote } from '../../../shared/write-capabilities';
import type { ConnectionView } from '../../../shared/connection-view';
import { FormFailure } from '../../ui/form-failure';
import { formatAmount, formatCount, formatDate } from '../../ui/format';
import { TableHead } from '../../ui/table-head';
import type { OutboxMark } from '../../ui/use-outbox';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { useSubmit } from '../../ui/use-submit';
import type { ShownPurchaseOrder } from './use-purchase-orders';

interface PurchaseOrderDetailsProps {
  shown: ShownPurchaseOrder;
  /** The plant's purchase-order statuses, in its order. */
  statuses: WorkOrderStatus[];
  partNames: ReadonlyMap<string, string>;
  connection: ConnectionView | undefined;
  onClose: () => void;
}

const pendingText: Record<OutboxMark, string> = {
  pending: 'A change waits to upload.',
  sending: 'A change is uploading now.',
  conflict: 'A change made here conflicts with one made in the plant’s own system: decide on Pending changes.',
  rejected: 'A change made here was refused by the plant’s system: see Pending changes.',
};

/** One purchase order: its lines and what is received, and its status moved on (approve, order, receive). */
export function PurchaseOrderDetails({ shown, statuses, partNames, connection, onClose }: PurchaseOrderDetailsProps) {
  const { order, lines } = shown;
  const queueEdit = useQueueEdit();
  const { busy, failure, submit } = useSubmit();
  const [next, setNext] = useState('');
  const local = isLocalKey(order.key);
  let refusal: string | null = null;
  if (!connection || connection.state === 'disconnected') refusal = 'This plant is disconnected: its data is kept read-only.';
  else if (!connection.writes.actions.includes('setPurchaseOrderStatus')) refusal = `${connection.writes.label} does not take purchase-order status changes from Millwright.`;
  else if (local) refusal = 'Its status can be changed once the plant has the order.';
  const others = statuses.filter((status) => status.key !== order.statusKey && status.isActive !== false);

  const change = () =>
    submit(async () => {
      const status = statuses.find((candidate) => candidate.key === next);
      if (!status) throw new Error('Choose the status the order moves to.');
      await queueEdit({ connectionId: order.connectionId, action: 'setPurchaseOrderStatus', key: order.key, changes: { statusKey: status.key } });
      setNext('');
    });

  return (
    <aside className="po-details" aria-label={`Purchase order ${order.orderNo ?? order.title}`}>
      <div className="po-details-head">
        <h2>{local ? 'New purchase order' : (order.orderNo ?? 'Purchase order')}</h2>
        <button type="button" className="icon-button" aria-label="Close details" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="po-details-title">{order.title}</p>
      <dl className="po-facts">
        <dt>Status</dt>
        <dd>{shown.status?.name ?? 'No status'}</dd>
        <dt>Vendor</dt>
        <dd>{shown.vendorName ?? '—'}</dd>
        <dt>Site</dt>
        <dd>{shown.siteName ?? '—'}</dd>
        <dt>Ordered</dt>
        <dd>{formatDate(order.orderDate)}</dd>
        <dt>Due</dt>
        <dd>{formatDate(order.dueAt)}</dd>
        <dt>Total</dt>
        <dd>{order.totalNetValue === null ? '—' : formatAmount(order.totalNetValue)}</dd>
      </dl>
      {shown.mark && <p className="po-pending">{pendingText[shown.mark]}</p>}
      <h3>Lines</h3>
      {lines.length === 0 ? (
        <p className="muted">{local ? 'Its lines are listed once the plant has the order (next sync after it is sent).' : 'No lines are cached for this order.'}</p>
      ) : (
        <table className="table compact-table" aria-label="Lines">
          <TableHead columns={['Part', { label: 'Ordered', className: 'num' }, { label: 'Received', className: 'num' }, { label: 'Price', className: 'num' }]} />
          <tbody>
            {lines.map((line) => (
              <tr key={line.key}>
                <td>{(line.materialKey && partNames.get(`${line.connectionId}\u0000${line.materialKey}`)) ?? line.name}</td>
                <td className="num">{line.quantity === null ? '—' : formatCount(line.quantity)}</td>
                <td className="num">{line.receivedQuantity === null ? '—' : formatCount(line.receivedQuantity)}</td>
                <td className="num">{line.price === null ? '—' : formatAmount(line.price)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Move it on</h3>
      {refusal ? (
        <p className="muted">{refusal}</p>
      ) : (
        <form
          className="po-status-form"
          onSubmit={(event) => {
            event.preventDefault();
            void change();
          }}
        >
          <label>
            New status{' '}
            <select value={next} disabled={busy} onChange={(event) => setNext(event.target.value)}>
              <option value="">Choose…</option>
              {others.map((status) => (
                <option key={status.key} value={status.key}>
                  {status.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button primary small" disabled={busy || !next}>
            Change status
          </button>
          <FormFailure message={failure} />
          <p className="muted po-status-note">{[`Sent to ${connection!.name} when it can be reached.`, unverifiedNote(connection!.writes, 'setPurchaseOrderStatus')].filter(Boolean).join(' ')}</p>
        </form>
      )}
    </aside>
  );
}
