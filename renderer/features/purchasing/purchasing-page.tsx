import { useState } from 'react';
import { isLocalKey } from '../../../shared/domain/outbox-operation';
import { selectShownConnectionIds, useAppStore } from '../../stores/app-store';
import { countOf, formatAmount, formatCount, formatDate } from '../../ui/format';
import { NewPurchaseOrderDialog } from '../../ui/new-purchase-order-dialog';
import { PendingMark } from '../../ui/outbox-icons';
import { PlantFilter } from '../../ui/plant-filter';
import { TableHead } from '../../ui/table-head';
import { PurchaseOrderDetails } from './purchase-order-details';
import { usePurchaseOrders, type ShownPurchaseOrder } from './use-purchase-orders';
import './purchasing.css';

/** How many orders the page lists at once; the rest are counted. */
const listLimit = 200;
const orderId = (shown: ShownPurchaseOrder) => `${shown.order.connectionId}/${shown.order.key}`;
const statusName = (shown: ShownPurchaseOrder) => shown.status?.name ?? (shown.order.statusKey ? 'Unknown status' : 'No status');

/** Purchasing: every purchase order by status, newest first, with its lines; new orders and status changes are made here, offline too. */
export function PurchasingPage() {
  const view = usePurchaseOrders();
  const connections = useAppStore((state) => state.connections);
  const shownIds = useAppStore((state) => selectShownConnectionIds(state).join('\u0000'));
  const plantFilter = useAppStore((state) => state.plantFilter);
  const [tab, setTab] = useState<string>('all');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!view) return <p className="page-message">Loading purchase orders…</p>;
  const shownSet = new Set(shownIds.split('\u0000'));
  const visible = view.orders.filter((shown) => shownSet.has(shown.order.connectionId));
  // Tabs by status name, in the plants' own order; two plants' "Approved" are one tab.
  const names = [...new Set(view.statuses.filter((status) => shownSet.has(status.connectionId)).map((status) => status.name))];
  for (const shown of visible) if (!names.includes(statusName(shown))) names.push(statusName(shown));
  const counts = new Map<string, number>();
  for (const shown of visible) counts.set(statusName(shown), (counts.get(statusName(shown)) ?? 0) + 1);
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const listed = visible.filter(
    (shown) =>
      (tab === 'all' || statusName(shown) === tab) &&
      words.every((word) => [shown.order.orderNo, shown.order.title, shown.vendorName, shown.siteName, ...shown.lines.map((line) => line.name)].filter(Boolean).join(' ').toLowerCase().includes(word)),
  );
  const current = visible.find((shown) => orderId(shown) === selected) ?? null;
  const creatable = connections.filter((c) => c.state !== 'disconnected' && c.writes.actions.includes('createPurchaseOrder') && shownSet.has(c.id));
  const plantName = (connectionId: string) => connections.find((c) => c.id === connectionId)?.name ?? 'Removed plant';
  const startCreating = () => setCreating(plantFilter !== 'all' ? plantFilter : (creatable[0]?.id ?? null));

  return (
    <div className="page purchasing-page">
      <div className="page-head purchasing-head">
        <h1>Purchasing</h1>
        <PlantFilter />
        <button type="button" className="button" disabled={creatable.length === 0} title={creatable.length === 0 ? 'No plant shown takes new purchase orders from Millwright.' : undefined} onClick={startCreating}>
          New purchase order…
        </button>
      </div>
      {notice && (
        <p className="info-box purchasing-notice" role="status">
          {notice}
        </p>
      )}
      <div className="purchasing-toolbar">
        <div className="segmented" role="group" aria-label="Show orders">
          <button type="button" className={tab === 'all' ? 'segment active' : 'segment'} aria-pressed={tab === 'all'} onClick={() => setTab('all')}>
            All <span className="muted">({formatCount(visible.length)})</span>
          </button>
          {names.map((name) => (
            <button key={name} type="button" className={tab === name ? 'segment active' : 'segment'} aria-pressed={tab === name} onClick={() => setTab(name)}>
              {name} <span className="muted">({formatCount(counts.get(name) ?? 0)})</span>
            </button>
          ))}
        </div>
        <input type="search" className="purchasing-search" placeholder="Find an order, vendor or part" aria-label="Find an order, vendor or part" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      <div className="purchasing-body">
        {visible.length === 0 ? (
          <p className="page-message">No purchase orders are cached yet. They appear here after the next sync.</p>
        ) : listed.length === 0 ? (
          <p className="page-message">No order {tab === 'all' ? '' : `with status ${tab} `}matches{words.length > 0 ? ` “${search}”` : ''}.</p>
        ) : (
          <table className="table purchasing-table" aria-label="Purchase orders">
            <TableHead columns={['Order', 'Title', 'Vendor', 'Site', 'Ordered', 'Due', { label: 'Total', className: 'num' }, 'Status']} />
            <tbody>
              {listed.slice(0, listLimit).map((shown) => {
                const { order } = shown;
                const id = orderId(shown);
                return (
                  <tr key={id} className={id === selected ? 'po-row selected' : 'po-row'} aria-selected={id === selected} aria-label={`${order.orderNo ?? 'New order'} ${order.title}`}>
                    <td>
                      <button type="button" className="link-button po-open" onClick={() => setSelected(id === selected ? null : id)} aria-expanded={id === selected}>
                        {isLocalKey(order.key) ? 'New' : (order.orderNo ?? 'No number')}
                      </button>
                      {shown.mark && <PendingMark mark={shown.mark} />}
                    </td>
                    <td>
                      {order.title || <span className="muted">Untitled</span>}
                      {connections.length > 1 && <span className="muted po-plant"> · {plantName(order.connectionId)}</span>}
                    </td>
                    <td>{shown.vendorName ?? <span className="muted">—</span>}</td>
                    <td>{shown.siteName ?? <span className="muted">—</span>}</td>
                    <td>{formatDate(order.orderDate)}</td>
                    <td>{formatDate(order.dueAt)}</td>
                    <td className="num">{order.totalNetValue === null ? <span className="muted">—</span> : formatAmount(order.totalNetValue)}</td>
                    <td>{statusName(shown)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {current && (
          <PurchaseOrderDetails
            shown={current}
            statuses={view.statuses.filter((status) => status.connectionId === current.order.connectionId)}
            partNames={view.partNames}
            connection={connections.find((c) => c.id === current.order.connectionId)}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
      {listed.length > listLimit && <p className="muted">{countOf(listed.length - listLimit, 'more order')} not listed; search or choose a status to narrow the list.</p>}
      {creating && (
        <NewPurchaseOrderDialog
          draft={{ connectionId: creating }}
          onClose={() => setCreating(null)}
          onCreated={(title) => {
            setNotice(`Purchase order “${title}” created: it is listed here now and goes to ${plantName(creating)} when it can be reached.`);
            setCreating(null);
            setTab('all');
          }}
        />
      )}
    </div>
  );
}
