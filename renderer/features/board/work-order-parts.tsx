import { useId, useMemo, useState, type FormEvent } from 'react';
import { isLocalKey } from '../../../shared/domain/outbox-operation';
import type { WorkOrder } from '../../../shared/domain/work-order';
import type { WorkOrderMaterial } from '../../../shared/domain/work-order-material';
import { readOnlyWriteCapabilities, unverifiedNote } from '../../../shared/write-capabilities';
import { useAppStore } from '../../stores/app-store';
import { formatCount } from '../../ui/format';
import { FormFailure } from '../../ui/form-failure';
import { TableHead } from '../../ui/table-head';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { useStockLevels, type ShownStockLevel } from '../../ui/use-stock-levels';
import { useSubmit } from '../../ui/use-submit';

interface WorkOrderPartsProps {
  workOrder: WorkOrder;
  materials: readonly WorkOrderMaterial[];
  /** A part added or its use recorded: the operation queued, followed by the drawer until the plant has it. */
  onQueued: (operationId: string) => void;
}

/** A whole number of at least zero typed in a quantity field (parts are issued whole), or null when it is not one. */
function quantityOf(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * The parts planned for and used on a work order: record how many of a planned part were used,
 * or add a part taken from a storeroom, each queued through the outbox (Makini's POST and PUT on
 * the work order's materials). The plant takes what is used out of stock; the Stores page shows
 * it after the next sync.
 */
export function WorkOrderParts({ workOrder, materials, onQueued }: WorkOrderPartsProps) {
  const connection = useAppStore((state) => state.connections.find((c) => c.id === workOrder.connectionId));
  const levels = useStockLevels();
  const capabilities = connection?.writes ?? readOnlyWriteCapabilities('Unknown system');
  const usable = !!connection && connection.state !== 'disconnected';
  const canRecord = usable && capabilities.actions.includes('recordPartUse');
  const canAdd = usable && capabilities.actions.includes('addWorkOrderPart');
  const own = useMemo(() => (levels ?? []).filter((level) => level.connectionId === workOrder.connectionId), [levels, workOrder.connectionId]);
  const onHandOf = (materialKey: string | null) => {
    const known = own.filter((level) => level.material.key === materialKey && level.onHand !== null);
    return known.length === 0 ? null : known.reduce((sum, level) => sum + level.onHand!, 0);
  };

  return (
    <>
      {materials.length === 0 ? (
        <p className="muted">No parts planned or used.</p>
      ) : (
        <table className="table compact-table parts-table">
          <TableHead columns={['Part', 'Part no.', { label: 'Needed', className: 'num' }, { label: 'Used', className: 'num' }, ...(canRecord ? ['Record use'] : [])]} />
          <tbody>
            {materials.map((material) => (
              <tr key={material.key}>
                <td>{material.name}</td>
                <td>{material.partNumber ?? '—'}</td>
                <td className="num">{material.requiredQuantity === null ? '—' : formatCount(material.requiredQuantity)}</td>
                <td className="num">{material.usedQuantity === null ? '—' : formatCount(material.usedQuantity)}</td>
                {canRecord && (
                  <td>
                    {/* Keyed by the quantity used, so a new figure from the plant (or from here) starts the field afresh. */}
                    <RecordUse key={material.usedQuantity ?? 0} material={material} onHand={onHandOf(material.materialKey)} onQueued={onQueued} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRecord && unverifiedNote(capabilities, 'recordPartUse') && <p className="muted">{unverifiedNote(capabilities, 'recordPartUse')}</p>}
      {!usable ? (
        <p className="muted">Read-only: this plant is disconnected.</p>
      ) : !canAdd ? (
        <p className="muted">{capabilities.label} does not take parts added from Millwright.</p>
      ) : isLocalKey(workOrder.key) ? (
        <p className="muted">Parts can be added once {connection.name} has this work order.</p>
      ) : (
        <AddPart workOrder={workOrder} levels={own} loading={levels === undefined} planned={materials} note={unverifiedNote(capabilities, 'addWorkOrderPart')} onQueued={onQueued} />
      )}
    </>
  );
}

function RecordUse({ material, onHand, onQueued }: { material: WorkOrderMaterial; onHand: number | null; onQueued: (operationId: string) => void }) {
  const queueEdit = useQueueEdit();
  const [text, setText] = useState(String(material.usedQuantity ?? 0));
  const { busy, failure, setFailure, submit } = useSubmit();
  const used = material.usedQuantity ?? 0;
  const value = quantityOf(text);

  const record = async (event: FormEvent) => {
    event.preventDefault();
    if (value === null) return setFailure('Enter how many were used in all: a whole number, 0 or more.');
    if (value === used) return setFailure(null);
    if (onHand !== null && value - used > onHand) return setFailure(`Only ${formatCount(onHand)} on hand: the plant would refuse ${formatCount(value - used)} more.`);
    await submit(async () => {
      const operation = await queueEdit({ connectionId: material.connectionId, action: 'recordPartUse', key: material.key, changes: { usedQuantity: value } });
      onQueued(operation.id);
    });
  };

  return (
    <form className="record-use" onSubmit={(event) => void record(event)} noValidate>
      <input
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        aria-label={`Used in all of ${material.name}`}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setFailure(null);
        }}
      />
      <button type="submit" className="button small" disabled={busy || value === used}>
        Record
      </button>
      <FormFailure message={failure} />
    </form>
  );
}

interface AddPartProps {
  workOrder: WorkOrder;
  levels: readonly ShownStockLevel[];
  loading: boolean;
  planned: readonly WorkOrderMaterial[];
  note: string | null;
  onQueued: (operationId: string) => void;
}

const storeroomOf = (level: ShownStockLevel) => level.storeroomKey ?? level.locationKey;
const levelId = (level: ShownStockLevel) => `${level.material.key}\u0000${level.storeroomKey ?? ''}\u0000${level.locationKey ?? ''}`;

/** A part taken from a storeroom for this work: found by name, code or part number, with what each storeroom has on hand. */
function AddPart({ workOrder, levels, loading, planned, note, onQueued }: AddPartProps) {
  const queueEdit = useQueueEdit();
  const id = useId();
  const [search, setSearch] = useState('');
  const [chosenId, setChosenId] = useState('');
  const [text, setText] = useState('1');
  const { busy, failure, setFailure, submit } = useSubmit();
  const needle = search.trim().toLowerCase();
  const matches = useMemo(
    () =>
      levels
        .filter((level) => !needle || [level.material.name, level.material.code ?? '', level.material.partNumber ?? ''].some((text) => text.toLowerCase().includes(needle)))
        .sort((a, b) => a.material.name.localeCompare(b.material.name) || (b.onHand ?? 0) - (a.onHand ?? 0))
        .slice(0, 50),
    [levels, needle],
  );
  // Only a part the list shows can be added: one searched away is no longer the choice.
  const chosen = matches.find((level) => levelId(level) === chosenId) ?? null;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const quantity = quantityOf(text);
    if (!chosen) return setFailure('Choose the part taken, from the list.');
    if (quantity === null || quantity === 0) return setFailure('Enter how many were used: a whole number above 0.');
    if (planned.some((line) => line.materialKey === chosen.material.key)) return setFailure(`${chosen.material.name} is already on this work order: record its use on its line above.`);
    if (chosen.onHand !== null && quantity > chosen.onHand) return setFailure(`Only ${formatCount(chosen.onHand)} on hand at ${chosen.where}: the plant would refuse ${formatCount(quantity)}.`);
    await submit(async () => {
      const operation = await queueEdit({
        connectionId: workOrder.connectionId,
        action: 'addWorkOrderPart',
        changes: {
          workOrderKey: workOrder.key,
          materialKey: chosen.material.key,
          // Where the stock names no storeroom, its location is one (as Maximo's storerooms are locations).
          ...(storeroomOf(chosen) ? { storeroomKey: storeroomOf(chosen) } : {}),
          requiredQuantity: quantity,
          usedQuantity: quantity,
        },
        display: { name: chosen.material.name, partNumber: chosen.material.partNumber },
      });
      setSearch('');
      setChosenId('');
      setText('1');
      onQueued(operation.id);
    });
  };

  return (
    <form className="add-part" onSubmit={(event) => void add(event)} noValidate aria-label="Add a part used">
      <h4 className="detail-subhead">Add a part used</h4>
      <label htmlFor={`${id}-search`}>Find a part</label>
      <input id={`${id}-search`} type="search" placeholder="Name, code or part number" value={search} onChange={(event) => setSearch(event.target.value)} />
      <select
        aria-label="Part and where it is taken from"
        size={Math.min(6, Math.max(2, matches.length))}
        value={chosenId}
        onChange={(event) => {
          setChosenId(event.target.value);
          setFailure(null);
        }}
      >
        {matches.map((level) => (
          <option key={levelId(level)} value={levelId(level)}>
            {level.material.name}
            {level.material.partNumber ? ` · ${level.material.partNumber}` : ''} — {level.onHand === null ? 'stock not known' : `${formatCount(level.onHand)} on hand`} at {level.where}
          </option>
        ))}
      </select>
      {loading ? (
        <p className="muted">Reading the parts on this computer…</p>
      ) : levels.length === 0 ? (
        <p className="muted">No stocked parts of this plant on this computer yet: they arrive with its sync.</p>
      ) : (
        matches.length === 0 && <p className="muted">No part matches “{search.trim()}”.</p>
      )}
      <div className="add-part-row">
        <label>
          Used
          <input type="number" min={0} step={1} inputMode="numeric" value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <button type="submit" className="button" disabled={busy}>
          Add part
        </button>
      </div>
      <p className="muted">{note ?? 'The plant takes what is used out of that storeroom’s stock; the Stores page shows it after the next sync.'}</p>
      <FormFailure message={failure} />
    </form>
  );
}
