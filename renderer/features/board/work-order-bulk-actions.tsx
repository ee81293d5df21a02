import { useId, useMemo, useState } from 'react';
import { recordId } from '../../../shared/board/work-order-filter';
import type { ConnectionView } from '../../../shared/connection-view';
import type { Labor } from '../../../shared/domain/labor';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import type { WorkOrderStatus } from '../../../shared/domain/work-order-status';
import { rescheduleEdit } from '../../../shared/schedule/reschedule-edit';
import { useAppStore } from '../../stores/app-store';
import { assignEdit, type PlannedEdit } from '../../ui/assign-edit';
import { countOf, formatCount } from '../../ui/format';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { columnId } from './board-columns';
import { decideMove } from './board-moves';

interface BulkActionsProps {
  /** The selected work orders the table shows. */
  workOrders: readonly WorkOrderSummary[];
  statuses: readonly WorkOrderStatus[];
  labors: readonly Labor[];
  /** Plant names beside technicians when several plants are shown. */
  plants: ReadonlyMap<string, string> | null;
  onClear: () => void;
}

const unassigned = '';

/**
 * What the selected rows can have done to them at once: moved by whole days, assigned, or set to
 * a status. Each row becomes its own queued edit (sent once, as any other); rows an edit cannot
 * apply to stay as they are, and the toast says which and why.
 */
export function WorkOrderBulkActions({ workOrders, statuses, labors, plants, onClear }: BulkActionsProps) {
  const connections = useAppStore((state) => state.connections);
  const pushToast = useAppStore((state) => state.pushToast);
  const queueEdit = useQueueEdit();
  const [days, setDays] = useState('7');
  const [assignee, setAssignee] = useState(unassigned);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = { days: useId(), assignee: useId(), status: useId() };
  const plantIds = useMemo(() => new Set(workOrders.map((w) => w.connectionId)), [workOrders]);
  const technicians = useMemo(() => labors.filter((l) => l.isActive && plantIds.has(l.connectionId)).sort((a, b) => a.name.localeCompare(b.name)), [labors, plantIds]);
  const statusNames = useMemo(() => [...new Set(statuses.filter((s) => plantIds.has(s.connectionId) && s.isActive).map((s) => s.name))], [statuses, plantIds]);
  const connectionOf = (workOrder: WorkOrderSummary): ConnectionView | undefined => connections.find((c) => c.id === workOrder.connectionId);
  const shift = Number(days);
  const shiftValid = Number.isInteger(shift) && shift !== 0 && Math.abs(shift) <= 365;

  const run = async (what: string, plan: (workOrder: WorkOrderSummary) => PlannedEdit) => {
    setBusy(true);
    const refused: string[] = [];
    let queued = 0;
    try {
      for (const workOrder of workOrders) {
        const planned = plan(workOrder);
        if (!planned.ok) {
          refused.push(`${workOrder.code}: ${planned.reason}`);
          continue;
        }
        try {
          await queueEdit(planned.edit);
          queued += 1;
        } catch (failure) {
          refused.push(`${workOrder.code}: ${failure instanceof Error ? failure.message : String(failure)}`);
        }
      }
    } finally {
      setBusy(false);
    }
    const left = refused.length === 0 ? '' : ` ${countOf(refused.length, 'work order')} stayed as ${refused.length === 1 ? 'it was' : 'they were'}: ${refused.slice(0, 3).join(' ')}${refused.length > 3 ? ` …and ${formatCount(refused.length - 3)} more.` : ''}`;
    pushToast({
      level: refused.length === 0 ? 'info' : 'warning',
      title: queued > 0 ? `${what}: ${countOf(queued, 'change')} queued` : `${what}: nothing changed`,
      body: `${queued > 0 ? 'Each is sent to its plant now, or as soon as it can be reached.' : ''}${left}`.trim(),
      connectionId: plantIds.size === 1 ? [...plantIds][0]! : null,
    });
    if (refused.length === 0) onClear();
  };

  const reschedule = () =>
    run(`Moved ${shift > 0 ? 'later' : 'earlier'} by ${countOf(Math.abs(shift), 'day')}`, (workOrder) => {
      const edit = rescheduleEdit(workOrder, shift, connectionOf(workOrder));
      return edit.ok ? { ok: true, edit: { connectionId: workOrder.connectionId, action: 'updateWorkOrder', key: workOrder.key, changes: edit.changes } } : { ok: false, reason: edit.reason };
    });

  const assign = () => {
    const labor = technicians.find((l) => recordId(l.connectionId, l.key) === assignee) ?? null;
    return run(labor ? `Assigned to ${labor.name}` : 'Unassigned', (workOrder) =>
      assignEdit(workOrder, labor, connectionOf(workOrder), labors.filter((l) => l.connectionId === workOrder.connectionId)),
    );
  };

  const setAllStatus = () =>
    run(`Set to ${status}`, (workOrder) => {
      const decision = decideMove(workOrder, { id: columnId(status), name: status }, statuses, connectionOf(workOrder));
      if (decision.ok === 'same') return { ok: false, reason: 'already so.' };
      if (!decision.ok) return { ok: false, reason: decision.reason };
      return {
        ok: true,
        edit: { connectionId: workOrder.connectionId, action: 'setWorkOrderStatus', key: workOrder.key, changes: { statusKey: decision.status.key }, display: { status: decision.status.name } },
      };
    });

  return (
    <div className="bulk-actions" role="toolbar" aria-label="Selected work orders">
      <strong className="bulk-count">{countOf(workOrders.length, 'work order')} selected</strong>
      <span className="bulk-group">
        <label htmlFor={ids.days}>Move by</label>
        <input id={ids.days} className="bulk-days" type="number" step={1} min={-365} max={365} value={days} onChange={(event) => setDays(event.target.value)} aria-describedby={`${ids.days}-unit`} />
        <span id={`${ids.days}-unit`}>days</span>
        <button type="button" className="button" disabled={busy || !shiftValid} onClick={() => void reschedule()} title={shiftValid ? undefined : 'A whole number of days, not 0, up to 365 either way'}>
          Move
        </button>
      </span>
      <span className="bulk-group">
        <label htmlFor={ids.assignee}>Assign to</label>
        <select id={ids.assignee} value={assignee} onChange={(event) => setAssignee(event.target.value)}>
          <option value={unassigned}>Nobody (unassign)</option>
          {technicians.map((l) => (
            <option key={recordId(l.connectionId, l.key)} value={recordId(l.connectionId, l.key)}>
              {l.name}
              {plants ? ` · ${plants.get(l.connectionId) ?? ''}` : ''}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={busy} onClick={() => void assign()}>
          Assign
        </button>
      </span>
      <span className="bulk-group">
        <label htmlFor={ids.status}>Status</label>
        <select id={ids.status} value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="" disabled>
            Choose…
          </option>
          {statusNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={busy || status === ''} onClick={() => void setAllStatus()}>
          Set
        </button>
      </span>
      <button type="button" className="button toolbar-end" onClick={onClear} disabled={busy}>
        Clear selection
      </button>
    </div>
  );
}
