import { useState, type FormEvent, type ReactNode } from 'react';
import { isCreateAction, isLocalKey, type FieldValue, type OutboxOperation, type SentAs } from '../../../shared/domain/outbox-operation';
import { missingFields, readOnlyWriteCapabilities, requiredToCreate } from '../../../shared/write-capabilities';
import { countOf, formatCount, formatDateTime } from '../../ui/format';
import { useAppStore } from '../../stores/app-store';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { FormFailure } from '../../ui/form-failure';
import { useConnectionReference } from '../../ui/use-connection-reference';
import { assigneeSending } from '../../ui/assignee-sent-as';
import { useSubmit } from '../../ui/use-submit';
import { WorkOrderFieldInput } from '../../ui/work-order-field-input';
import { fieldLabel, fromFormValue, toFormValue } from '../../ui/work-order-fields';
import { ClockIcon, CloudUploadIcon, ConflictIcon, RefusedIcon } from '../../ui/outbox-icons';
import { actionLabel, describeChanges, describeValue, useOutboxView, type OutboxEntry } from './outbox-entries';
import { useOutboxActions, type OutboxActions } from './use-outbox-actions';

/** Items listed per section; a long offline spell can queue thousands. */
const listLimit = 300;

/** Pending changes: edits made here that the plant's system does not have yet — conflicts to decide, refusals to fix, and the queue. */
export function OutboxPage() {
  const view = useOutboxView();
  const connections = useAppStore((state) => state.connections);
  const actions = useOutboxActions();
  const [discarding, setDiscarding] = useState<OutboxEntry | null>(null);

  if (!view) return <p className="page-message">Loading pending changes…</p>;
  const plantName = (connectionId: string) => connections.find((c) => c.id === connectionId)?.name ?? 'Removed plant';
  const showPlant = connections.length > 1;
  const conflicts = view.entries.filter((entry) => entry.operation.state === 'conflict');
  const rejected = view.entries.filter((entry) => entry.operation.state === 'rejected');
  const waiting = view.entries.filter((entry) => entry.operation.state === 'pending' || entry.operation.state === 'sending');
  const sendable = [...new Set(waiting.map((entry) => entry.operation.connectionId))].filter(
    (id) => connections.find((c) => c.id === id)?.state === 'active',
  );
  const common = { names: view.names, plantName: showPlant ? plantName : null, actions, onDiscard: setDiscarding };

  return (
    <div className="page outbox-page">
      <div className="page-head">
        <h1>Pending changes</h1>
        <button type="button" className="button" disabled={sendable.length === 0} onClick={() => actions.push(sendable)}>
          Send now
        </button>
      </div>
      <p className="muted outbox-intro">
        Changes made in Millwright show on the board at once and wait here until the plant&apos;s system has them.
        {view.entries.length === 0
          ? ' Nothing is waiting.'
          : view.entries.length === 1
            ? ' 1 change is not in its plant’s system yet.'
            : ` ${countOf(view.entries.length, 'change')} are not in their plants’ systems yet.`}
      </p>

      <OutboxSection title="Conflicts" count={conflicts.length} icon={<ConflictIcon />} empty="No conflicts: nothing you changed was also changed in the plant’s own system.">
        {conflicts.slice(0, listLimit).map((entry) => (
          <ConflictItem key={entry.operation.id} entry={entry} {...common} />
        ))}
      </OutboxSection>

      <OutboxSection title="Refused by the plant’s system" count={rejected.length} icon={<RefusedIcon />} empty="Nothing refused: every change sent so far was accepted.">
        {rejected.slice(0, listLimit).map((entry) => (
          <RefusedItem key={entry.operation.id} entry={entry} {...common} />
        ))}
      </OutboxSection>

      <OutboxSection title="Waiting to send" count={waiting.length} icon={<CloudUploadIcon />} empty="All caught up: every change has reached its plant.">
        {waiting.slice(0, listLimit).map((entry) => (
          <WaitingItem key={entry.operation.id} entry={entry} {...common} />
        ))}
      </OutboxSection>

      {discarding && (
        <ConfirmDialog
          title="Discard this change?"
          message={discardMessage(discarding)}
          confirmLabel="Discard"
          onConfirm={() => actions.discard(discarding.operation)}
          onClose={() => setDiscarding(null)}
        />
      )}
    </div>
  );
}

function discardMessage({ operation, code, title }: OutboxEntry): string {
  const what = [code, title].filter(Boolean).join(' · ') || 'The record';
  if (isCreateAction(operation.action)) {
    return `${what} was never sent: it will be removed, with any other change made to it.`;
  }
  return `${what} goes back to how it was before this change. It was never applied in the plant's system.`;
}

function OutboxSection({ title, count, icon, empty, children }: { title: string; count: number; icon: ReactNode; empty: string; children: ReactNode }) {
  return (
    <section className="outbox-section" aria-label={title}>
      <h2>
        <span className="outbox-section-icon">{icon}</span>
        {title} <span className="muted">({formatCount(count)})</span>
      </h2>
      {count === 0 ? (
        <p className="outbox-empty">{empty}</p>
      ) : (
        <ul className="outbox-list">
          {children}
          {count > listLimit && <li className="muted">…and {formatCount(count - listLimit)} more.</li>}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  entry: OutboxEntry;
  names: ReadonlyMap<string, string>;
  /** Shown when several plants are connected. */
  plantName: ((connectionId: string) => string) | null;
  actions: OutboxActions;
  onDiscard: (entry: OutboxEntry) => void;
}

function itemLabel({ operation, code, title }: OutboxEntry): string {
  const record = code ? (isLocalKey(operation.key) ? `new work order ${title ?? ''}`.trim() : code) : 'a removed record';
  return `${actionLabel(operation)} of ${record}`;
}

function ItemHead({ entry, plantName, children }: { entry: OutboxEntry; plantName: ItemProps['plantName']; children?: ReactNode }) {
  const { operation, code, title } = entry;
  return (
    <div className="outbox-item-head">
      <div>
        <span className="outbox-code">{code ?? '—'}</span> <span className="outbox-title">{title ?? 'No longer on this computer'}</span>
        {plantName && <span className="outbox-plant"> · {plantName(operation.connectionId)}</span>}
      </div>
      <div className="outbox-meta muted">
        {actionLabel(operation)} · made {formatDateTime(operation.createdAt)}
        {children}
      </div>
    </div>
  );
}

function ConflictItem({ entry, names, plantName, actions }: ItemProps) {
  const { operation } = entry;
  const [editing, setEditing] = useState(false);
  const { busy, failure, submit: run } = useSubmit();
  const mine = Object.fromEntries(operation.conflicts.map((conflict) => [conflict.field, conflict.mine]));
  return (
    <li className="outbox-item outbox-conflict" aria-label={`Conflict: ${itemLabel(entry)}`}>
      <ItemHead entry={entry} plantName={plantName} />
      <p className="outbox-explain">Changed here and in the plant&apos;s system since you made this change. Which value should stay?</p>
      <table className="table conflict-table">
        <thead>
          <tr>
            <th scope="col" className="col-field">Field</th>
            <th scope="col" className="col-base">Before</th>
            <th scope="col">Yours</th>
            <th scope="col">Theirs</th>
          </tr>
        </thead>
        <tbody>
          {operation.conflicts.map((conflict) => (
            <tr key={conflict.field}>
              <th scope="row">{fieldLabel(conflict.field)}</th>
              <td className="value-base">{describeValue(names, operation, conflict.field, conflict.base)}</td>
              <td className="value-mine">
                <strong>{describeValue(names, operation, conflict.field, conflict.mine)}</strong>
                <span className="value-time">{formatDateTime(operation.createdAt)}</span>
              </td>
              <td className="value-theirs">
                <strong>{describeValue(names, operation, conflict.field, conflict.theirs)}</strong>
                <span className="value-time">{formatDateTime(conflict.theirsUpdatedAt)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormFailure message={failure} />
      {editing ? (
        <OperationFieldsEditor
          operation={operation}
          fields={operation.conflicts.map((conflict) => conflict.field)}
          initial={mine}
          submitLabel="Save and send"
          onCancel={() => setEditing(false)}
          onSubmit={(edit, display, sendAs) => run(() => actions.resolve(operation, { edit, display, ...(sendAs ? { sendAs } : {}) }))}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button primary" disabled={busy} onClick={() => void run(() => actions.resolve(operation, { keep: 'mine' }))}>
            Keep mine
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => actions.resolve(operation, { keep: 'theirs' }))}>
            Take theirs
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setEditing(true)}>
            Edit…
          </button>
        </div>
      )}
    </li>
  );
}

function RefusedItem({ entry, names, plantName, actions, onDiscard }: ItemProps) {
  const { operation } = entry;
  const [fixing, setFixing] = useState(false);
  const { failure, submit } = useSubmit();
  const error = operation.error;
  return (
    <li className="outbox-item outbox-refused" aria-label={`Refused: ${itemLabel(entry)}`}>
      <ItemHead entry={entry} plantName={plantName}>
        {' '}
        · {countOf(operation.attempts, 'attempt')}
      </ItemHead>
      <p className="outbox-changes">{describeChanges(names, operation)}</p>
      <div className="refusal">
        <p className="refusal-message">
          <strong>The plant&apos;s system said:</strong> {error?.message ?? 'no reason given.'}
          {error?.status ? <span className="muted"> (HTTP {error.status})</span> : null}
        </p>
        {error?.details && error.details.length > 0 && (
          <ul className="refusal-details">
            {error.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
        {error?.requestId && (
          <p className="muted request-id">
            Request id <code>{error.requestId}</code> (quote it to the plant&apos;s administrator)
          </p>
        )}
      </div>
      <FormFailure message={failure} />
      {fixing ? (
        <OperationFieldsEditor
          operation={operation}
          fields={Object.keys(operation.changes)}
          initial={operation.changes}
          submitLabel="Retry"
          onCancel={() => setFixing(false)}
          onSubmit={(changes, display, sendAs) => submit(() => actions.retry(operation, changes, display, sendAs))}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button primary" onClick={() => setFixing(true)}>
            Fix &amp; retry
          </button>
          <button type="button" className="button danger" onClick={() => onDiscard(entry)}>
            Discard
          </button>
        </div>
      )}
    </li>
  );
}

function WaitingItem({ entry, names, plantName, onDiscard }: ItemProps) {
  const { operation } = entry;
  const sending = operation.state === 'sending';
  return (
    <li className={`outbox-item outbox-waiting${sending ? ' is-sending' : ''}`} aria-label={`Waiting: ${itemLabel(entry)}`}>
      <div className="outbox-waiting-row">
        <span className={`pending-mark pending-mark-${operation.state}`} aria-hidden>
          {sending ? <CloudUploadIcon /> : <ClockIcon />}
        </span>
        <div className="outbox-waiting-body">
          <ItemHead entry={entry} plantName={plantName}>
            {' · '}
            {sending ? 'sending now' : 'waiting'}
            {operation.attempts > 0 ? ` · ${countOf(operation.attempts, 'attempt')}` : ''}
          </ItemHead>
          <p className="outbox-changes">{describeChanges(names, operation)}</p>
          {operation.error && (
            <p className="outbox-last-error">
              Last attempt: {operation.error.message}
              {operation.error.requestId ? ` (request id ${operation.error.requestId})` : ''}
            </p>
          )}
        </div>
        {!sending && (
          <button type="button" className="button subtle" onClick={() => onDiscard(entry)}>
            Discard
          </button>
        )}
      </div>
    </li>
  );
}

interface EditorProps {
  operation: OutboxOperation;
  fields: string[];
  initial: Record<string, FieldValue>;
  submitLabel: string;
  onSubmit: (values: Record<string, FieldValue>, display: Record<string, FieldValue>, sendAs?: Record<string, SentAs>) => Promise<void>;
  onCancel: () => void;
}

/** New values for an operation's fields, with the controls the work-order dialog uses. */
function OperationFieldsEditor({ operation, fields, initial, submitLabel, onSubmit, onCancel }: EditorProps) {
  const reference = useConnectionReference(operation.connectionId);
  const writes = useAppStore((state) => state.connections.find((c) => c.id === operation.connectionId)?.writes);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((field) => [field, toFormValue(field, initial[field])])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const capabilities = writes ?? readOnlyWriteCapabilities('Unknown system');
  const required = new Set(requiredToCreate(capabilities, operation.action));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const converted: Record<string, FieldValue> = {};
    for (const field of fields) {
      const value = fromFormValue(field, values[field] ?? '');
      converted[field] = typeof initial[field] === 'number' && value !== null && value !== '' ? Number(value) : value;
    }
    const missing = missingFields([...required].filter((field) => fields.includes(field)), converted);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((field) => [field, `${fieldLabel(field)} is required by ${capabilities.label}.`])));
      return;
    }
    const assignee = 'laborAssignedKey' in converted ? assigneeSending(capabilities, reference?.labors ?? [], converted.laborAssignedKey ?? null) : null;
    if (assignee && !assignee.ok) {
      setErrors({ laborAssignedKey: assignee.refusal });
      return;
    }
    const display: Record<string, FieldValue> = {};
    if ('statusKey' in converted) display.status = reference?.statuses.find((status) => status.key === converted.statusKey)?.name ?? null;
    setBusy(true);
    await onSubmit(converted, display, assignee?.ok ? assignee.sendAs : undefined);
    setBusy(false);
  };

  return (
    <form className="outbox-editor" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form-grid">
        {fields.map((field) => (
          <WorkOrderFieldInput
            key={field}
            field={field}
            value={values[field] ?? ''}
            onChange={(value) => {
              setValues((current) => ({ ...current, [field]: value }));
              setErrors((current) => ({ ...current, [field]: '' }));
            }}
            reference={reference}
            required={required.has(field)}
            error={errors[field] || undefined}
            siteKey={field === 'assetKey' && values.siteKey ? values.siteKey : undefined}
            disabled={busy}
          />
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
