import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { OutboxLineItem } from '../../shared/domain/outbox-operation';
import { requiredToCreate, unverifiedNote } from '../../shared/write-capabilities';
import { appDb } from '../db/app-db';
import { useAppStore } from '../stores/app-store';
import { DialogActions } from './dialog-actions';
import { Field } from './field';
import { FormFailure } from './form-failure';
import { formatAmount, formatCount } from './format';
import { ModalDialog } from './modal-dialog';
import { TextField } from './text-field';
import { useQueueEdit } from './use-queue-edit';
import { useSubmit } from './use-submit';
import './new-purchase-order-dialog.css';

/** A line as the form holds it: what was typed, checked on Create. */
interface DraftLine {
  materialKey: string;
  quantity: string;
  price: string;
}

export interface PurchaseOrderDraft {
  connectionId: string;
  title?: string;
  siteKey?: string | null;
  lines?: { materialKey: string; quantity: number }[];
}

interface NewPurchaseOrderDialogProps {
  /** What the order starts with (a reorder names its plant, part, quantity and site). */
  draft: PurchaseOrderDraft;
  onClose: () => void;
  onCreated: (title: string) => void;
}

/** How many parts the picker offers for what is typed. */
const pickerLimit = 8;
/** The most lines one order takes here (the demo plant's limit too). */
const maxLines = 100;

type Errors = Partial<Record<'title' | 'vendorKey' | 'siteKey' | 'lines' | 'dueAt', string>> & { lineErrors?: Record<number, string> };

/** The plant's vendors, sites and parts (with stock on hand), for the form's choices. */
function useOrderChoices(connectionId: string) {
  return useLiveQuery(async () => {
    const [vendors, sites, materials, inventories, lines] = await Promise.all([
      appDb.vendors.where('connectionId').equals(connectionId).toArray(),
      appDb.sites.where('connectionId').equals(connectionId).toArray(),
      appDb.materials.where('connectionId').equals(connectionId).toArray(),
      appDb.inventories.where('connectionId').equals(connectionId).toArray(),
      appDb.purchaseOrderLineItems.where('connectionId').equals(connectionId).toArray(),
    ]);
    const quantityOf = new Map(inventories.map((inventory) => [inventory.key, inventory.quantity ?? 0]));
    const onHand = new Map(materials.map((material) => [material.key, material.inventoryKeys.reduce((sum, key) => sum + (quantityOf.get(key) ?? 0), 0)]));
    // The price paid last, as a default: lines are read newest first.
    const lastPrice = new Map<string, number>();
    for (const line of lines.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))) {
      if (line.materialKey && line.price !== null && !lastPrice.has(line.materialKey)) lastPrice.set(line.materialKey, line.price);
    }
    return {
      vendors: vendors.sort((a, b) => a.name.localeCompare(b.name)),
      sites: sites.sort((a, b) => a.name.localeCompare(b.name)),
      materials: materials.sort((a, b) => a.name.localeCompare(b.name)),
      onHand,
      lastPrice,
    };
  }, [connectionId]);
}

/**
 * A new purchase order: vendor, site, title, due date and lines of parts, made offline like every
 * change (an outbox `createPurchaseOrder`, shown at once, sent once when the plant can be reached).
 */
export function NewPurchaseOrderDialog({ draft, onClose, onCreated }: NewPurchaseOrderDialogProps) {
  const connection = useAppStore((state) => state.connections.find((c) => c.id === draft.connectionId));
  const choices = useOrderChoices(draft.connectionId);
  const queueEdit = useQueueEdit();
  const { busy, failure, submit: send } = useSubmit();
  const [title, setTitle] = useState(draft.title ?? '');
  const [vendorKey, setVendorKey] = useState('');
  const [siteKey, setSiteKey] = useState(draft.siteKey ?? '');
  const [dueAt, setDueAt] = useState('');
  const [lines, setLines] = useState<DraftLine[]>(draft.lines?.map((line) => ({ materialKey: line.materialKey, quantity: String(line.quantity), price: '' })) ?? []);
  const [search, setSearch] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  if (!connection) return null;
  const capabilities = connection.writes;
  const required = requiredToCreate(capabilities, 'createPurchaseOrder');
  const materialOf = new Map(choices?.materials.map((material) => [material.key, material]) ?? []);
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const picked = new Set(lines.map((line) => line.materialKey));
  const offered =
    words.length === 0 || !choices
      ? []
      : choices.materials
          .filter((material) => !picked.has(material.key) && words.every((word) => [material.name, material.code, material.partNumber].filter(Boolean).join(' ').toLowerCase().includes(word)))
          .slice(0, pickerLimit);
  const priceOf = (line: DraftLine) => (line.price.trim() === '' ? (choices?.lastPrice.get(line.materialKey) ?? null) : Number(line.price));
  const total = lines.reduce((sum, line) => sum + (Number(line.quantity) || 0) * (priceOf(line) ?? 0), 0);

  const addLine = (materialKey: string) => {
    setLines((current) => [...current, { materialKey, quantity: '1', price: '' }]);
    setSearch('');
    setErrors(({ lines: _dropped, ...rest }) => rest);
  };
  const changeLine = (index: number, change: Partial<DraftLine>) => setLines((current) => current.map((line, at) => (at === index ? { ...line, ...change } : line)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!title.trim()) found.title = 'Give the order a title the buyer will recognise.';
    if (!vendorKey && (required.includes('vendorKey') || lines.length > 0)) found.vendorKey = 'Choose the vendor the parts are bought from.';
    if (!siteKey && required.includes('siteKey')) found.siteKey = `${capabilities.label} needs the site the parts go to.`;
    if (dueAt && Number.isNaN(Date.parse(dueAt))) found.dueAt = 'Enter the date as the calendar offers it.';
    if (lines.length === 0) found.lines = 'Add at least one part: search by name, code or part number.';
    if (lines.length > maxLines) found.lines = `One order takes at most ${maxLines} lines.`;
    const lineErrors: Record<number, string> = {};
    lines.forEach((line, index) => {
      const quantity = Number(line.quantity);
      if (line.quantity.trim() === '' || !Number.isFinite(quantity) || quantity <= 0) lineErrors[index] = 'Enter a quantity above 0.';
      else if (line.price.trim() !== '' && (!Number.isFinite(Number(line.price)) || Number(line.price) < 0)) lineErrors[index] = 'Enter a price of 0 or more, or leave it empty.';
    });
    if (Object.keys(lineErrors).length > 0) found.lineErrors = lineErrors;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // A price left empty is the last one paid (as the form says), else the plant's own.
    const lineItems: OutboxLineItem[] = lines.map((line) => ({ materialKey: line.materialKey, quantity: Number(line.quantity), price: priceOf(line) }));
    const changes: Record<string, string | number | null> = { title: title.trim(), vendorKey: vendorKey || null, siteKey: siteKey || null };
    if (dueAt) changes.dueAt = new Date(`${dueAt}T12:00:00`).toISOString();
    const pricedTotal = lines.every((line) => priceOf(line) !== null) ? Math.round(total * 100) / 100 : null;
    await send(async () => {
      await queueEdit({ connectionId: draft.connectionId, action: 'createPurchaseOrder', changes, display: { totalNetValue: pricedTotal }, lineItems });
      onCreated(title.trim());
    });
  };

  return (
    <ModalDialog title="New purchase order" onClose={onClose}>
      <form className="po-form" onSubmit={(event) => void submit(event)} noValidate>
        {!choices ? (
          <p className="muted">Reading vendors and parts…</p>
        ) : (
          <>
            <TextField label="Title" value={title} disabled={busy} error={errors.title} autoFocus={!draft.title} onChange={(event) => {
                setTitle(event.target.value);
                setErrors(({ title: _fixed, ...rest }) => rest);
              }} />
            <div className="po-form-row">
              <Field label="Vendor" error={errors.vendorKey}>
                {(control) => (
                  <select {...control} value={vendorKey} disabled={busy} autoFocus={Boolean(draft.title)} onChange={(event) => {
                      setVendorKey(event.target.value);
                      setErrors(({ vendorKey: _fixed, ...rest }) => rest);
                    }}>
                    <option value="">Choose a vendor…</option>
                    {choices.vendors.map((vendor) => (
                      <option key={vendor.key} value={vendor.key}>
                        {vendor.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={required.includes('siteKey') ? 'Site' : 'Site (optional)'} error={errors.siteKey}>
                {(control) => (
                  <select {...control} value={siteKey} disabled={busy} onChange={(event) => {
                      setSiteKey(event.target.value);
                      setErrors(({ siteKey: _fixed, ...rest }) => rest);
                    }}>
                    <option value="">{required.includes('siteKey') ? 'Choose a site…' : 'No site'}</option>
                    {choices.sites.map((site) => (
                      <option key={site.key} value={site.key}>
                        {site.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <TextField label="Due (optional)" type="date" value={dueAt} disabled={busy} error={errors.dueAt} onChange={(event) => setDueAt(event.target.value)} />
            </div>
            <fieldset className="po-lines" aria-describedby={errors.lines ? 'po-lines-error' : undefined}>
              <legend>Parts</legend>
              {lines.length > 0 && (
                <table className="table compact-table">
                  <thead>
                    <tr>
                      <th scope="col">Part</th>
                      <th scope="col" className="num">On hand</th>
                      <th scope="col" className="num">Quantity</th>
                      <th scope="col" className="num">Unit price</th>
                      <th scope="col"><span className="visually-hidden">Remove</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((line, index) => {
                      const material = materialOf.get(line.materialKey);
                      const name = material?.name ?? 'A part no longer in the cache';
                      const lastPrice = choices.lastPrice.get(line.materialKey);
                      const lineError = errors.lineErrors?.[index];
                      return (
                        <tr key={line.materialKey} aria-label={name}>
                          <td>
                            {name}
                            {material?.code && <span className="muted"> {material.code}</span>}
                            {lineError && (
                              <span className="field-error po-line-error" id={`po-line-${index}-error`}>
                                {lineError}
                              </span>
                            )}
                          </td>
                          <td className="num">{formatCount(choices.onHand.get(line.materialKey) ?? 0)}</td>
                          <td className="num">
                            <input className="po-number" type="number" min={0} step="any" aria-label={`Quantity of ${name}`} aria-invalid={lineError ? true : undefined} aria-describedby={lineError ? `po-line-${index}-error` : undefined} value={line.quantity} disabled={busy} onChange={(event) => changeLine(index, { quantity: event.target.value })} />
                          </td>
                          <td className="num">
                            <input className="po-number" type="number" min={0} step="any" aria-label={`Unit price of ${name}`} placeholder={lastPrice === undefined ? 'plant’s price' : formatAmount(lastPrice)} title={lastPrice === undefined ? 'Left empty, the plant prices the line' : 'Left empty: the last price paid for it'} value={line.price} disabled={busy} onChange={(event) => changeLine(index, { price: event.target.value })} />
                          </td>
                          <td>
                            <button type="button" className="icon-button" aria-label={`Remove ${name}`} disabled={busy} onClick={() => setLines((current) => current.filter((_, at) => at !== index))}>
                              ×
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              <input type="search" className="po-part-search" placeholder="Add a part: name, code or part number" aria-label="Add a part" value={search} disabled={busy} onChange={(event) => setSearch(event.target.value)} />
              {offered.length > 0 && (
                <ul className="po-part-choices" aria-label="Matching parts">
                  {offered.map((material) => (
                    <li key={material.key}>
                      <button type="button" className="po-part-choice" onClick={() => addLine(material.key)}>
                        <span>{material.name}</span>
                        <span className="muted">
                          {[material.code, material.partNumber].filter(Boolean).join(' · ')} · {formatCount(choices.onHand.get(material.key) ?? 0)} on hand
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {words.length > 0 && offered.length === 0 && <p className="muted">No other part matches “{search}”.</p>}
              {errors.lines && (
                <p id="po-lines-error" className="field-error" role="alert">
                  {errors.lines}
                </p>
              )}
            </fieldset>
            {lines.length > 0 && <p className="po-total">Total {lines.every((line) => priceOf(line) !== null) ? formatAmount(total) : `${formatAmount(total)} plus lines the plant prices`}</p>}
          </>
        )}
        <FormFailure message={failure} />
        <DialogActions onCancel={onClose} note={[`Sent to ${connection.name} when it can be reached.`, unverifiedNote(capabilities, 'createPurchaseOrder')].filter(Boolean).join(' ')}>
          <button type="submit" className="button primary" disabled={busy || !choices}>
            Create order
          </button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
