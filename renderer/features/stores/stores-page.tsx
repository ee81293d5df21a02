import { useState } from 'react';
import type { StockState } from '../../../shared/stores/stock-levels';
import { selectShownConnectionIds, useAppStore } from '../../stores/app-store';
import { countOf, formatCount } from '../../ui/format';
import { NewPurchaseOrderDialog, type PurchaseOrderDraft } from '../../ui/new-purchase-order-dialog';
import { PendingMark } from '../../ui/outbox-icons';
import { PlantFilter } from '../../ui/plant-filter';
import { TableHead } from '../../ui/table-head';
import { useStockLevels, type ShownStockLevel } from '../../ui/use-stock-levels';
import { AdjustStockDialog } from './adjust-stock-dialog';
import './stores.css';

type Show = 'short' | 'all';
/** How many rows the page lists at once; the rest are counted. */
const listLimit = 200;

const stateText: Record<StockState, string> = { out: 'Out of stock', low: 'Low', unknown: 'Not known', ok: 'In stock' };

const levelId = (level: ShownStockLevel) => [level.connectionId, level.material.key, level.locationKey ?? '', level.storeroomKey ?? ''].join('/');
const matches = (level: ShownStockLevel, words: string[]) => {
  const text = [level.material.name, level.material.code, level.material.partNumber, level.material.manufacturerName, level.where, ...level.bins.map((bin) => bin.position)].filter(Boolean).join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
};

/** Stores: every part's stock per storeroom, short first; a count is set here with its reason. */
export function StoresPage() {
  const levels = useStockLevels();
  const connections = useAppStore((state) => state.connections);
  const shown = useAppStore((state) => selectShownConnectionIds(state).join('\u0000'));
  const [show, setShow] = useState<Show>('short');
  const [search, setSearch] = useState('');
  const [adjusting, setAdjusting] = useState<ShownStockLevel | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reordering, setReordering] = useState<PurchaseOrderDraft | null>(null);

  if (!levels) return <p className="page-message">Loading stores…</p>;
  const shownSet = new Set(shown.split('\u0000'));
  const visible = levels.filter((level) => shownSet.has(level.connectionId));
  const short = visible.filter((level) => level.state === 'out' || level.state === 'low');
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const listed = (show === 'short' ? short : visible).filter((level) => matches(level, words));
  const plantName = (connectionId: string) => connections.find((c) => c.id === connectionId)?.name ?? 'Removed plant';
  const adjustingInventory = adjusting?.inventory ? { ...adjusting, inventory: adjusting.inventory } : null;
  const firstSyncs = connections.filter((c) => shownSet.has(c.id) && c.state === 'syncing' && c.lastSyncAt === null);

  return (
    <div className="page stores-page">
      <div className="page-head stores-head">
        <h1>Stores</h1>
        <PlantFilter />
      </div>
      <p className="muted stores-intro">
        Parts on hand at each plant&apos;s stores, from the last sync. Parts out of stock or at their reorder point come first. Set a count here after a
        stock-take or a loss; it goes to the plant with the next upload.
      </p>
      {firstSyncs.length > 0 && (
        <p className="info-box stores-notice" role="status">
          The first sync of {firstSyncs.map((c) => c.name).join(' and ')} is still reading parts and stock: the list is not complete yet.
        </p>
      )}
      {notice && (
        <p className="info-box stores-notice" role="status">
          {notice}
        </p>
      )}
      <div className="stores-toolbar">
        <div className="segmented" role="group" aria-label="Show parts">
          <button type="button" className={show === 'short' ? 'segment active' : 'segment'} aria-pressed={show === 'short'} onClick={() => setShow('short')}>
            Out or low <span className="muted">({formatCount(short.length)})</span>
          </button>
          <button type="button" className={show === 'all' ? 'segment active' : 'segment'} aria-pressed={show === 'all'} onClick={() => setShow('all')}>
            All stocked parts <span className="muted">({formatCount(visible.length)})</span>
          </button>
        </div>
        <input type="search" className="stores-search" placeholder="Find a part, number or bin" aria-label="Find a part, number or bin" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      {visible.length === 0 ? (
        <p className="page-message">No stock is cached yet. Parts and their stock levels appear here after the next sync.</p>
      ) : listed.length === 0 ? (
        <p className="page-message">
          {words.length > 0 ? `No ${show === 'short' ? 'short ' : ''}part matches “${search}”.` : 'Nothing is out of stock or at its reorder point.'}
        </p>
      ) : (
        <table className="table stores-table" aria-label={show === 'short' ? 'Parts out of stock or low' : 'All stocked parts'}>
          <TableHead
            columns={[
              'Part',
              'Where',
              'Bins',
              { label: 'On hand', className: 'num' },
              { label: 'Reorder at', className: 'num', title: 'The bins’ reorder points added up: at or under it, the part is low' },
              'Stock',
              { label: 'Actions', className: 'stores-actions-head' },
            ]}
          />
          <tbody>
            {listed.slice(0, listLimit).map((level) => (
              <StockRow
                key={levelId(level)}
                level={level}
                plantName={connections.length > 1 ? plantName(level.connectionId) : null}
                connection={connections.find((c) => c.id === level.connectionId)}
                onAdjust={() => setAdjusting(level)}
                onReorder={() => setReordering(reorderDraft(level))}
              />
            ))}
          </tbody>
        </table>
      )}
      {listed.length > listLimit && <p className="muted">{countOf(listed.length - listLimit, 'more part')} not listed; search or choose a plant to narrow the list.</p>}

      {reordering && (
        <NewPurchaseOrderDialog
          draft={reordering}
          onClose={() => setReordering(null)}
          onCreated={(title) => {
            setNotice(`Purchase order “${title}” created: it is on the Purchasing page now and goes to ${plantName(reordering.connectionId)} when it can be reached.`);
            setReordering(null);
          }}
        />
      )}
      {adjusting && adjustingInventory && (
        <AdjustStockDialog
          level={adjustingInventory}
          plantName={plantName(adjusting.connectionId)}
          capabilities={connections.find((c) => c.id === adjusting.connectionId)!.writes}
          onClose={() => setAdjusting(null)}
          onAdjusted={(quantity) => {
            setAdjusting(null);
            setNotice(`${adjusting.material.name} at ${adjusting.where} set to ${formatCount(quantity)} on hand: it goes to ${plantName(adjusting.connectionId)} when it can be reached.`);
          }}
        />
      )}
    </div>
  );
}

/**
 * An order that brings the part back over its reorder point: the bins' reorder quantity, or what is
 * missing to the reorder point plus one when no bin names one, for the site of its stores.
 */
function reorderDraft(level: ShownStockLevel): PurchaseOrderDraft {
  const missing = Math.max(1, (level.reorderPoint ?? 0) - (level.onHand ?? 0) + 1);
  return {
    connectionId: level.connectionId,
    title: `Reorder: ${level.material.name}`,
    siteKey: level.siteKey,
    lines: [{ materialKey: level.material.key, quantity: level.reorderQuantity !== null && level.reorderQuantity > 0 ? level.reorderQuantity : missing }],
  };
}

interface StockRowProps {
  level: ShownStockLevel;
  plantName: string | null;
  connection: { state: string; writes: { actions: readonly string[]; label: string } } | undefined;
  onAdjust: () => void;
  onReorder: () => void;
}

function StockRow({ level, plantName, connection, onAdjust, onReorder }: StockRowProps) {
  const { material } = level;
  const number = [material.code, material.partNumber].filter(Boolean).join(' · ');
  let refusal: string | null = null;
  if (!level.inventory) refusal = 'The plant’s records link no inventory to this part here, so its count cannot be set from Millwright.';
  else if (!connection || connection.state === 'disconnected') refusal = 'This plant is disconnected: its data is kept read-only.';
  else if (!connection.writes.actions.includes('adjustInventory')) refusal = `${connection.writes.label} does not take stock changes from Millwright.`;
  const canOrder = connection !== undefined && connection.state !== 'disconnected' && connection.writes.actions.includes('createPurchaseOrder');
  const shortBy = level.state === 'low' && level.onHand !== null && level.reorderPoint !== null ? level.reorderPoint - level.onHand : null;

  return (
    <tr className={`stock-row stock-${level.state}`} aria-label={`${material.name} at ${level.where}`}>
      <td>
        <span className="stock-part">{material.name}</span>
        {number && <span className="muted stock-number"> {number}</span>}
        {plantName && <span className="muted stock-plant"> · {plantName}</span>}
      </td>
      <td>{level.where}</td>
      <td className="stock-bins">
        {level.bins.length === 0
          ? <span className="muted">No bins listed</span>
          : level.bins.map((bin) => `${bin.position ?? 'Unnamed bin'}${level.bins.length > 1 && bin.quantity !== null ? ` (${formatCount(bin.quantity)})` : ''}`).join(', ')}
      </td>
      <td className="num">
        {level.mark && <PendingMark mark={level.mark} />}
        {level.onHand === null ? <span className="muted">—</span> : formatCount(level.onHand)}
      </td>
      <td className="num">{level.reorderPoint === null ? <span className="muted">—</span> : formatCount(level.reorderPoint)}</td>
      <td>
        <span className={`stock-state stock-state-${level.state}`}>{stateText[level.state]}</span>
        {shortBy !== null && shortBy > 0 && <span className="muted"> · {formatCount(shortBy)} under</span>}
      </td>
      <td className="stores-actions">
        {(level.state === 'out' || level.state === 'low') && (
          <button type="button" className="button small" disabled={!canOrder} title={canOrder ? undefined : 'This plant does not take new purchase orders from Millwright.'} onClick={onReorder} aria-label={`Reorder ${material.name} for ${level.where}`}>
            Reorder…
          </button>
        )}
        <button type="button" className="button small" disabled={refusal !== null} title={refusal ?? undefined} onClick={onAdjust} aria-label={`Adjust stock of ${material.name} at ${level.where}`}>
          Adjust…
        </button>
      </td>
    </tr>
  );
}
