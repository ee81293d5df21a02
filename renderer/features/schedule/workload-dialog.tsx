import { useMemo, useState } from 'react';
import type { ConnectionView } from '../../../shared/connection-view';
import type { Labor } from '../../../shared/domain/labor';
import type { WorkOrderSummary } from '../../../shared/domain/work-order-summary';
import { recordId } from '../../../shared/schedule/asset-hierarchy';
import { assignEdit } from '../../ui/assign-edit';
import { DialogActions } from '../../ui/dialog-actions';
import { countOf } from '../../ui/format';
import { ModalDialog } from '../../ui/modal-dialog';
import { formatDayMonth, formatFullDate, formatHours } from './schedule-format';
import type { LoadEntry } from './schedule-model';
import type { LoadCell } from './workload-rows';

interface WorkloadDialogProps {
  cell: LoadCell;
  entries: ReadonlyMap<string, LoadEntry>;
  labors: readonly Labor[];
  connections: readonly ConnectionView[];
  /** Whether the schedule shows a bar for this id (work with an asset in the window). */
  hasBar: (id: string) => boolean;
  onShow: (id: string) => void;
  onAssign: (workOrder: WorkOrderSummary, labor: Labor | null) => Promise<void>;
  onClose: () => void;
}

const nobody = '';

/** What books a team's or a technician's day (or week), and who each work order goes to. */
export function WorkloadDialog({ cell, entries, labors, connections, hasBar, onShow, onAssign, onClose }: WorkloadDialogProps) {
  const days = Math.round((cell.end.getTime() - cell.start.getTime()) / 86_400_000);
  const when = days <= 1 ? formatFullDate(cell.start) : `week of ${formatDayMonth(cell.start)}`;
  const shown = cell.entries.flatMap((id) => entries.get(id) ?? []);
  const technicians = useMemo(() => labors.filter((labor) => labor.connectionId === cell.connectionId && labor.isActive).sort((a, b) => a.name.localeCompare(b.name)), [labors, cell.connectionId]);
  const connection = connections.find((c) => c.id === cell.connectionId);
  const summary =
    cell.capacity === 0
      ? `${formatHours(cell.hours)} booked on ${days <= 1 ? 'a day off' : 'a week off'}.`
      : `${formatHours(cell.hours)} booked of ${formatHours(cell.capacity)}${cell.hours > cell.capacity ? `: over by ${formatHours(cell.hours - cell.capacity)}` : ''}.`;
  return (
    <ModalDialog title={`${cell.who}, ${when}`} onClose={onClose}>
      <p className={cell.hours > cell.capacity ? 'workload-summary is-over' : 'workload-summary'}>{summary}</p>
      {shown.length === 0 ? (
        <p className="muted">Nothing booked.</p>
      ) : (
        <ul className="workload-entries" aria-label="Booked work">
          {shown.map((entry) =>
            entry.kind === 'pm' ? (
              <li key={entry.id} className="workload-entry">
                <span className="workload-what">
                  <strong>Projected PM</strong> {entry.pm.title}
                  <span className="muted"> · {formatHours(entry.pm.hours ?? 0)} · no work order yet, so no one to assign</span>
                </span>
              </li>
            ) : (
              <WorkOrderEntry
                key={entry.id}
                entry={entry}
                technicians={technicians}
                labors={labors}
                connection={connection}
                canShow={hasBar(entry.id)}
                onShow={() => onShow(entry.id)}
                onAssign={onAssign}
              />
            ),
          )}
        </ul>
      )}
      <DialogActions onCancel={onClose} cancelLabel="Close" note={shown.length > 0 ? `${countOf(shown.length, 'booking')}. Reassigning queues the change for the plant, as on the board.` : undefined} />
    </ModalDialog>
  );
}

interface WorkOrderEntryProps {
  entry: Extract<LoadEntry, { kind: 'work-order' }>;
  technicians: readonly Labor[];
  labors: readonly Labor[];
  connection: ConnectionView | undefined;
  canShow: boolean;
  onShow: () => void;
  onAssign: (workOrder: WorkOrderSummary, labor: Labor | null) => Promise<void>;
}

function WorkOrderEntry({ entry, technicians, labors, connection, canShow, onShow, onAssign }: WorkOrderEntryProps) {
  const { workOrder } = entry;
  const [choice, setChoice] = useState(workOrder.laborAssignedKey ?? nobody);
  const [busy, setBusy] = useState(false);
  const assignee = workOrder.laborAssignedKey === null ? null : labors.find((l) => recordId(l.connectionId, l.key) === recordId(workOrder.connectionId, workOrder.laborAssignedKey!));
  const chosen = technicians.find((labor) => labor.key === choice) ?? null;
  const plan = assignEdit(workOrder, chosen, connection, labors.filter((l) => l.connectionId === workOrder.connectionId));
  return (
    <li className="workload-entry" data-work-order-key={workOrder.key}>
      <span className="workload-what">
        <strong>{workOrder.code}</strong> {workOrder.title}
        <span className="muted">
          {' · '}
          {formatHours(entry.hours)} · {assignee ? assignee.name : workOrder.laborAssignedKey === null ? 'unassigned' : 'assigned to a technician not synced yet'}
        </span>
      </span>
      <span className="workload-assign">
        <select aria-label={`Assign ${workOrder.code} to`} value={choice} onChange={(event) => setChoice(event.target.value)} disabled={busy}>
          <option value={nobody}>Nobody</option>
          {technicians.map((labor) => (
            <option key={labor.key} value={labor.key}>
              {labor.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button small"
          disabled={busy || !plan.ok}
          title={plan.ok ? undefined : plan.reason === 'already so.' ? 'Choose someone else first' : `Cannot reassign: ${plan.reason}`}
          onClick={() => {
            setBusy(true);
            void onAssign(workOrder, chosen).finally(() => setBusy(false));
          }}
        >
          Assign
        </button>
        {canShow && (
          <button type="button" className="button small" onClick={onShow}>
            Show
          </button>
        )}
      </span>
    </li>
  );
}
