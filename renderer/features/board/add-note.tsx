import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { WorkOrder } from '../../../shared/domain/work-order';
import { appendNote } from '../../../shared/work-order-notes';
import { readOnlyWriteCapabilities } from '../../../shared/write-capabilities';
import { appDb } from '../../db/app-db';
import { useIpcClient } from '../../ipc/ipc-client-context';
import { useAppStore } from '../../stores/app-store';
import { FormFailure } from '../../ui/form-failure';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { useSubmit } from '../../ui/use-submit';
import { spreadsheetDateTime } from './board-csv';
import { DrawerSection } from './drawer-section';

/**
 * Appends a note to the work order's notes, naming when and who (shared/work-order-notes). Who the
 * supervisor is in the plant is chosen once, here, from the plant's users and kept with the
 * connection: Makini's API does not say whose token it is.
 */
export function AddNote({ workOrder, onAdded }: { workOrder: WorkOrder; onAdded: (operationId: string) => void }) {
  const connection = useAppStore((state) => state.connections.find((c) => c.id === workOrder.connectionId));
  const client = useIpcClient();
  const queueEdit = useQueueEdit();
  const id = useId();
  const [text, setText] = useState('');
  const [choosing, setChoosing] = useState(false);
  const { busy, failure, submit: send } = useSubmit();
  const users = useLiveQuery(
    async () => (await appDb.users.where('connectionId').equals(workOrder.connectionId).toArray()).sort((a, b) => a.name.localeCompare(b.name)),
    [workOrder.connectionId],
  );
  const capabilities = connection?.writes ?? readOnlyWriteCapabilities('Unknown system');
  const allowed =
    !!connection && connection.state !== 'disconnected' && capabilities.actions.includes('updateWorkOrder') && capabilities.updateWorkOrderFields.includes('notes');
  const author = connection?.authorUserKey ? (users?.find((user) => user.key === connection.authorUserKey) ?? null) : null;

  const chooseAuthor = (authorUserKey: string | null) =>
    send(async () => {
      await client.invoke('connections.updateSettings', { connectionId: workOrder.connectionId, authorUserKey });
      setChoosing(false);
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const note = text.trim();
    if (!note) return;
    await send(async () => {
      const operation = await queueEdit({
        connectionId: workOrder.connectionId,
        action: 'updateWorkOrder',
        key: workOrder.key,
        changes: { notes: appendNote(workOrder.notes, { text: note, at: spreadsheetDateTime(new Date().toISOString())!, author: author?.name ?? null }) },
      });
      setText('');
      onAdded(operation.id);
    });
  };

  if (!allowed) {
    return (
      <DrawerSection title="Add a note">
        <p className="muted">{connection && connection.state !== 'disconnected' ? `${capabilities.label} does not accept notes from Millwright.` : 'Read-only: this plant is disconnected.'}</p>
      </DrawerSection>
    );
  }
  return (
    <DrawerSection title="Add a note">
      {author && !choosing ? (
        <p className="note-author muted">
          Written as <strong>{author.name}</strong>{' '}
          <button type="button" className="link-button" onClick={() => setChoosing(true)}>
            Not you?
          </button>
        </p>
      ) : (
        <label className="note-author">
          {author ? 'Who are you in this plant?' : 'Who are you in this plant? Your name goes with each note.'}{' '}
          <select value={author?.key ?? ''} disabled={busy || !users} onChange={(event) => void chooseAuthor(event.target.value || null)}>
            <option value="">{users?.length === 0 ? 'No people synced yet' : 'Choose your name…'}</option>
            {users?.map((user) => (
              <option key={user.key} value={user.key}>
                {user.name}
                {user.roleName ? ` · ${user.roleName}` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <form className="add-note" onSubmit={(event) => void submit(event)}>
        <label htmlFor={id} className="visually-hidden">
          Note
        </label>
        <textarea id={id} rows={2} value={text} placeholder="What the next shift should know…" onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button" disabled={busy || !text.trim()}>
          Add note
        </button>
        <FormFailure message={failure} />
      </form>
    </DrawerSection>
  );
}
