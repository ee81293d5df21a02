import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type ReactNode } from 'react';
import { unsettledStates, type FieldValue, type OutboxOperation } from '../../../shared/domain/outbox-operation';
import type { PmPlan } from '../../../shared/domain/pm-plan';
import type { WorkOrder } from '../../../shared/domain/work-order';
import { editableWorkOrderFields } from '../../../shared/write-capabilities';
import { completedAtOf, isOverdue, openTest } from '../../../shared/domain/work-order-state';
import { estimatedHours } from '../../../shared/schedule/work-order-booking';
import { appDb } from '../../db/app-db';
import { attachmentSummary } from '../../ui/attachment-summary';
import { TableHead } from '../../ui/table-head';
import { formatCount, formatDateTime, formatHours } from '../../ui/format';
import { useAppStore } from '../../stores/app-store';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { useConnectionReference, type ConnectionReference } from '../../ui/use-connection-reference';
import { fieldLabel, isInstantField } from '../../ui/work-order-fields';
import { markNotes, WorkOrderForm, worstMark } from './work-order-form';
import { PendingMark } from '../../ui/outbox-icons';
import type { OutboxMark } from '../../ui/use-outbox';
import { AddNote } from './add-note';
import { DrawerSection } from './drawer-section';
import { outboxStateLabels } from './outbox-state-labels';
import { WorkOrderFiles } from './work-order-files';
import { WorkOrderParts } from './work-order-parts';
import { saveStanding, type SavedHere } from './save-standing';

interface WorkOrderDrawerProps {
  connectionId: string;
  workOrderKey: string;
  onClose: () => void;
}

/** Everything the drawer shows about one work order, live from the cache. */
function useWorkOrderDetails(connectionId: string, key: string) {
  return useLiveQuery(async () => {
    const [workOrder, operations, materials, documents] = await Promise.all([
      appDb.workOrders.get([connectionId, key]),
      appDb.outbox.where('[connectionId+entity+key]').equals([connectionId, 'workOrders', key]).toArray(),
      appDb.workOrderMaterials.where('[connectionId+workOrderKey]').equals([connectionId, key]).toArray(),
      appDb.documents.where('entityKeys').equals(key).filter((document) => document.connectionId === connectionId).toArray(),
    ]);
    // Its parts lines' and attachments' edits too (a part added, a use recorded, a file attached): the drawer follows them like its own.
    const partOperations = await appDb.outbox
      .where('[connectionId+entity+key]')
      .anyOf([
        ...materials.map((material) => [connectionId, 'workOrderMaterials', material.key]),
        ...documents.map((document) => [connectionId, 'documents', document.key]),
      ])
      .toArray();
    const [pmPlan, location] = await Promise.all([
      workOrder?.pmKey ? appDb.pmPlans.get([connectionId, workOrder.pmKey]) : undefined,
      workOrder?.locationKey ? appDb.locations.get([connectionId, workOrder.locationKey]) : undefined,
    ]);
    return {
      workOrder: workOrder ?? null,
      operations: [...operations, ...partOperations].sort((a, b) => b.seq! - a.seq!),
      materials: materials.sort((a, b) => a.name.localeCompare(b.name)),
      // Newest first, as a supervisor looks for the photo just taken.
      documents: documents.sort((a, b) => (b.createdAt ?? b.updatedAt).localeCompare(a.createdAt ?? a.updatedAt)),
      uploads: new Map(partOperations.filter((operation) => operation.action === 'attachDocument').map((operation) => [operation.key, operation])),
      pmPlan: pmPlan ?? null,
      locationName: location?.name ?? null,
    };
  }, [connectionId, key]);
}

/**
 * A work order's detail drawer: every field, tasks, parts, its PM plan, the edits made here and
 * whether they conflict; assign, reschedule, change severity or status and add a note, each
 * queued through the outbox. A modal <dialog>: focus stays inside, Escape closes it.
 */
export function WorkOrderDrawer({ connectionId, workOrderKey, onClose }: WorkOrderDrawerProps) {
  const ref = useModalDialog();
  const titleId = useId();
  const details = useWorkOrderDetails(connectionId, workOrderKey);
  const reference = useConnectionReference(connectionId);
  /** The last save here: what it was and the operations it queued, followed until the plant has them. */
  const [saved, setSaved] = useState<SavedHere | null>(null);
  const plantName = useAppStore((state) => state.connections.find((c) => c.id === connectionId)?.name ?? 'the plant');

  const workOrder = details?.workOrder ?? null;
  const unsettled = details?.operations.filter((operation) => unsettledStates.includes(operation.state)) ?? [];
  const savedMessage = saved && details ? saveStanding(saved, details.operations, plantName) : null;

  return (
    <dialog
      ref={ref}
      className="drawer"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={onClose}
      onClick={(event) => event.target === event.currentTarget && onClose() /* the backdrop */}
    >
      <div className="drawer-head">
        <div className="drawer-heading">
          <h2 id={titleId}>{workOrder ? `Work order ${workOrder.code}` : 'Work order'}</h2>
          {workOrder && <DrawerBadges workOrder={workOrder} reference={reference} />}
        </div>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="drawer-body">
        {details === undefined || reference === undefined ? (
          <p className="muted">Loading…</p>
        ) : !workOrder ? (
          <p>This work order is no longer on this computer: it may have been deleted in the plant’s system, or given a new number there when it was created.</p>
        ) : (
          <>
            <DrawerSummary workOrder={workOrder} reference={reference} locationName={details.locationName} mark={worstMark(unsettled.map((operation) => operation.state))} unsettled={unsettled.length} onClose={onClose} />
            <ConflictState operations={unsettled} reference={reference} onClose={onClose} />
            {/* A conflict or refusal is said once, by the summary's mark above, with the way to decide it. */}
            {savedMessage && savedMessage.tone !== 'warning' && (
              <p className={`drawer-saved drawer-saved-${savedMessage.tone}`} role="status" data-save-state={savedMessage.state}>
                {savedMessage.text}
              </p>
            )}
            <DrawerSection title="Plan, assign and record">
              <WorkOrderForm
                workOrder={workOrder}
                reference={reference}
                onClose={onClose}
                fields={editableWorkOrderFields.filter((field) => field !== 'notes')}
                onSaved={(operationIds) => setSaved({ what: 'changes', operationIds, seen: new Map() })}
              />
            </DrawerSection>
            <AddNote workOrder={workOrder} onAdded={(operationId) => setSaved({ what: 'note', operationIds: [operationId], seen: new Map() })} />
            <DrawerSection title="Details">
              <Details workOrder={workOrder} reference={reference} locationName={details.locationName} />
            </DrawerSection>
            <DrawerSection title={`Tasks (${formatCount(workOrder.tasks.length)})`}>
              {workOrder.tasks.length === 0 ? (
                <p className="muted">No tasks.</p>
              ) : (
                <ol className="task-list">
                  {workOrder.tasks.map((task, index) => (
                    <li key={task.key ?? index}>
                      <span>{task.title}</span>
                      {task.description && <span className="muted"> — {task.description}</span>}
                    </li>
                  ))}
                </ol>
              )}
            </DrawerSection>
            <DrawerSection title={`Parts (${formatCount(details.materials.length)})`}>
              <WorkOrderParts workOrder={workOrder} materials={details.materials} onQueued={(operationId) => setSaved({ what: 'parts', operationIds: [operationId], seen: new Map() })} />
            </DrawerSection>
            <DrawerSection title={`Photos and files (${formatCount(details.documents.length)})`}>
              <WorkOrderFiles workOrder={workOrder} documents={details.documents} uploads={details.uploads} onQueued={(operationIds) => setSaved({ what: 'files', operationIds, seen: new Map() })} />
            </DrawerSection>
            <DrawerSection title="Preventive maintenance">
              <PmSummary workOrder={workOrder} pmPlan={details.pmPlan} />
            </DrawerSection>
            <DrawerSection title="Edit history on this computer">
              <EditHistory operations={details.operations} reference={reference} />
            </DrawerSection>
          </>
        )}
      </div>
    </dialog>
  );
}

interface DrawerSummaryProps {
  workOrder: WorkOrder;
  reference: ConnectionReference;
  locationName: string | null;
  mark: OutboxMark | null;
  unsettled: number;
  onClose: () => void;
}

/** Title, where the work is, and how its unsent edits stand (with the way to Pending changes when they need a decision). */
function DrawerSummary({ workOrder, reference, locationName, mark, unsettled, onClose }: DrawerSummaryProps) {
  const connection = useAppStore((state) => state.connections.find((c) => c.id === workOrder.connectionId));
  const setView = useAppStore((state) => state.setView);
  const where = [connection?.name, nameOf(reference, 'siteKey', workOrder.siteKey), locationName, workOrder.assetKey ? nameOf(reference, 'assetKey', workOrder.assetKey) : null]
    .filter((part) => part && part !== 'none')
    .join(' · ');
  return (
    <div className="drawer-summary">
      <p className="drawer-title">{workOrder.title || 'Untitled work order'}</p>
      <p className="muted">{where}</p>
      {workOrder.serviceRequestKey && <RequestOrigin connectionId={workOrder.connectionId} requestKey={workOrder.serviceRequestKey} />}
      {mark && (
        <p className={`wo-outbox-note mark-${mark}`}>
          <PendingMark mark={mark} />
          <span>
            {unsettled === 1 ? 'A change to this work order is ' : `${unsettled} changes to this work order are `}
            {markNotes[mark]}.
          </span>
          {(mark === 'conflict' || mark === 'rejected') && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onClose();
                setView('outbox');
              }}
            >
              Go there
            </button>
          )}
        </p>
      )}
      {(!connection || connection.state === 'disconnected') && (
        <p className="info-box" role="note">
          {connection ? `${connection.name} is disconnected: its cached work orders are read-only.` : 'This plant is no longer connected: read-only.'}
        </p>
      )}
      {connection && connection.state !== 'disconnected' && connection.writes.actions.length === 0 && (
        <p className="info-box" role="note">
          {connection.name} is read-only here ({connection.writes.label.toLowerCase()}): change its work orders in the system it comes from; they arrive here with its next export.
        </p>
      )}
    </div>
  );
}

/** The service request the work order answers: what was reported, by whom and when. */
function RequestOrigin({ connectionId, requestKey }: { connectionId: string; requestKey: string }) {
  const origin = useLiveQuery(async () => {
    const request = await appDb.serviceRequests.get([connectionId, requestKey]);
    const reporter = request?.userRequestedKey ? await appDb.users.get([connectionId, request.userRequestedKey]) : undefined;
    return { request: request ?? null, reporter: reporter?.name ?? null };
  }, [connectionId, requestKey]);
  if (!origin) return null;
  const { request, reporter } = origin;
  if (!request) return <p className="drawer-origin">Made from a service request not in the cache yet; it comes with the next sync.</p>;
  return (
    <p className="drawer-origin">
      From service request “{request.title}”{reporter ? `, reported by ${reporter}` : ''}
      {request.createdAt ? ` (${formatDateTime(request.createdAt)})` : ''}.
    </p>
  );
}

function DrawerBadges({ workOrder, reference }: { workOrder: WorkOrder; reference: ConnectionReference | undefined }) {
  const status = reference?.statuses.find((s) => s.key === workOrder.statusKey)?.name ?? workOrder.status ?? 'Unknown status';
  const [now] = useState(() => Date.now());
  const overdue = isOverdue(workOrder, openTest(reference?.statuses ?? [])(workOrder), now);
  return (
    <span className="drawer-badges">
      <span className="status-pill">{status}</span>
      {workOrder.severity && <span className={`severity severity-${workOrder.severity.toLowerCase().replace(/[^a-z]/g, '')}`}>{workOrder.severity}</span>}
      {overdue && <span className="overdue-pill">Overdue</span>}
    </span>
  );
}

function nameOf(reference: ConnectionReference, field: string, value: FieldValue | undefined, display?: Record<string, FieldValue>): string {
  if (value === null || value === undefined || value === '') return 'none';
  const key = String(value);
  switch (field) {
    case 'statusKey':
      return reference.statuses.find((s) => s.key === key)?.name ?? (display?.status ? String(display.status) : key);
    case 'laborAssignedKey':
      return reference.labors.find((l) => l.key === key)?.name ?? key;
    case 'teamKey':
      return reference.teams.find((t) => t.key === key)?.name ?? key;
    case 'siteKey':
      return reference.sites.find((s) => s.key === key)?.name ?? key;
    case 'assetKey':
      return reference.assets.find((a) => a.key === key)?.name ?? key;
    case 'notes':
      return key.length > 80 ? `“…${key.slice(-77)}”` : `“${key}”`;
    default:
      return isInstantField(field) ? formatDateTime(key) : key;
  }
}

/** A duration as the system wrote it, in hours when it reads as hours ("1.5" → "1.5 h"). */
function hoursText(text: string | null, none: string): string {
  if (text === null) return none;
  const hours = estimatedHours(text);
  return hours === null ? text : formatHours(hours);
}

function Details({ workOrder, reference, locationName }: { workOrder: WorkOrder; reference: ConnectionReference; locationName: string | null }) {
  const connection = useAppStore((state) => state.connections.find((c) => c.id === workOrder.connectionId));
  const rows: [string, ReactNode][] = [
    ['Plant', connection?.name ?? '—'],
    ['Site', nameOf(reference, 'siteKey', workOrder.siteKey)],
    ['Location', locationName ?? (workOrder.locationKey ? workOrder.locationKey : 'none')],
    ['Asset', nameOf(reference, 'assetKey', workOrder.assetKey)],
    ['Team', nameOf(reference, 'teamKey', workOrder.teamKey)],
    ['Assignee', workOrder.laborAssignedKey ? nameOf(reference, 'laborAssignedKey', workOrder.laborAssignedKey) : 'Unassigned'],
    ['Severity', workOrder.severity ?? 'none'],
    ['Scheduled', formatDateTime(workOrder.scheduledAt)],
    ['Due', formatDateTime(workOrder.dueAt)],
    ['Estimated time', hoursText(workOrder.estimatedTime, 'No estimate')],
    ['Actual time', hoursText(workOrder.actualTime, 'Not recorded')],
    ['Completed', completedAtOf(workOrder, openTest(reference.statuses)(workOrder)) === null ? 'Not completed' : formatDateTime(workOrder.completedAt)],
    ['Created', formatDateTime(workOrder.createdAt)],
    ['Last changed', formatDateTime(workOrder.updatedAt)],
  ];
  return (
    <>
      <dl className="detail-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {workOrder.completionRemarks && (
        <>
          <h4 className="detail-subhead">Completion remarks</h4>
          <p className="notes">{workOrder.completionRemarks}</p>
        </>
      )}
      <h4 className="detail-subhead">Notes</h4>
      {workOrder.notes ? <p className="notes">{workOrder.notes}</p> : <p className="muted">No notes.</p>}
    </>
  );
}

function ConflictState({ operations, reference, onClose }: { operations: OutboxOperation[]; reference: ConnectionReference; onClose: () => void }) {
  const setView = useAppStore((state) => state.setView);
  const conflicts = operations.filter((operation) => operation.state === 'conflict');
  if (conflicts.length === 0) return null;
  return (
    <section className="drawer-section drawer-conflict" aria-label="Conflict">
      <h3>Conflict with the plant&apos;s system</h3>
      <p>Someone changed the same fields in the plant&apos;s own system after this edit was made here. Decide on the Pending changes page which value stands.</p>
      <table className="table compact-table">
        <TableHead columns={['Field', 'Yours', 'Theirs']} />
        <tbody>
          {conflicts.flatMap((operation) =>
            operation.conflicts.map((conflict) => (
              <tr key={`${operation.id}:${conflict.field}`}>
                <td>{fieldLabel(conflict.field)}</td>
                <td>{nameOf(reference, conflict.field, conflict.mine)}</td>
                <td>{nameOf(reference, conflict.field, conflict.theirs)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <button
        type="button"
        className="button"
        onClick={() => {
          onClose();
          setView('outbox');
        }}
      >
        Decide in Pending changes
      </button>
    </section>
  );
}

const actionLabels: Record<OutboxOperation['action'], string> = {
  setWorkOrderStatus: 'Status',
  updateWorkOrder: 'Edit',
  createWorkOrder: 'Created',
  createPurchaseOrder: 'Purchase order',
  setPurchaseOrderStatus: 'Purchase order status',
  adjustInventory: 'Stock',
  createServiceRequest: 'Service request',
  approveServiceRequest: 'Created from a request',
  mergeServiceRequest: 'Request merged in',
  addWorkOrderPart: 'Part added',
  recordPartUse: 'Part used',
  attachDocument: 'File attached',
};

function EditHistory({ operations, reference }: { operations: OutboxOperation[]; reference: ConnectionReference }) {
  if (operations.length === 0) return <p className="muted">No edits made on this computer.</p>;
  return (
    <ol className="edit-history">
      {operations.map((operation) => (
        <li key={operation.id} className={`edit-${operation.state}`}>
          <div className="edit-head">
            <strong>{actionLabels[operation.action]}</strong>
            <span className={`edit-state edit-state-${operation.state}`}>{outboxStateLabels[operation.state]}</span>
            <time className="muted" dateTime={operation.createdAt}>
              {formatDateTime(operation.createdAt)}
            </time>
          </div>
          <p className="edit-changes">
            {operation.action === 'attachDocument'
              ? attachmentSummary(operation)
              : Object.entries(operation.changes)
                  .map(([field, value]) => `${fieldLabel(field)} → ${nameOf(reference, field, value, operation.display)}`)
                  .join('; ')}
          </p>
          {operation.error && operation.state !== 'done' && <p className="edit-error">{operation.error.message}</p>}
        </li>
      ))}
    </ol>
  );
}

function describeTrigger(trigger: PmPlan['triggers'][number]): string {
  const every = trigger.interval && trigger.recurring ? `every ${trigger.interval} ${trigger.recurring}` : null;
  if (trigger.type === 'meter') return `Meter-based: ${trigger.condition ?? every ?? 'on a meter reading'}`;
  return `Time-based: ${every ?? trigger.condition ?? 'on a schedule'}`;
}

function PmSummary({ workOrder, pmPlan }: { workOrder: WorkOrder; pmPlan: PmPlan | null }) {
  if (!workOrder.pmKey) return <p className="muted">Not from a PM plan (corrective work).</p>;
  if (!pmPlan) return <p className="muted">From a PM plan that has not been synced to this computer.</p>;
  const hours = pmPlan.estimatedTime === null ? NaN : Number(pmPlan.estimatedTime);
  return (
    <dl className="detail-list">
      <div>
        <dt>Plan</dt>
        <dd>{pmPlan.title}</dd>
      </div>
      <div>
        <dt>Triggers</dt>
        <dd>{pmPlan.triggers.length === 0 ? 'none' : pmPlan.triggers.map(describeTrigger).join('; ')}</dd>
      </div>
      <div>
        <dt>Next due</dt>
        <dd>{formatDateTime(pmPlan.dueAt)}</dd>
      </div>
      <div>
        <dt>Estimated</dt>
        <dd>{Number.isFinite(hours) ? formatHours(hours) : (pmPlan.estimatedTime ?? '—')}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>{pmPlan.status ?? '—'}</dd>
      </div>
    </dl>
  );
}
