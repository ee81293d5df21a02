import { useRef, useState, type ChangeEvent } from 'react';
import { maxAttachmentBytes, type DocumentRecord } from '../../../shared/domain/document';
import { isLocalKey, type OutboxOperation } from '../../../shared/domain/outbox-operation';
import type { WorkOrder } from '../../../shared/domain/work-order';
import { readOnlyWriteCapabilities, unverifiedNote } from '../../../shared/write-capabilities';
import { useAppStore } from '../../stores/app-store';
import { DocumentGallery, type DocumentStanding } from '../../ui/document-gallery';
import { formatFileSize } from '../../ui/format';
import { FormFailure } from '../../ui/form-failure';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { useSubmit } from '../../ui/use-submit';
import { outboxStateLabels } from './outbox-state-labels';

interface WorkOrderFilesProps {
  workOrder: WorkOrder;
  documents: readonly DocumentRecord[];
  /** The attachments' uploads queued here, by document key. */
  uploads: ReadonlyMap<string, OutboxOperation>;
  /** Files attached: their uploads queued, followed by the drawer until the plant has them. */
  onQueued: (operationIds: string[]) => void;
}

/** Where an attachment made here stands, in the words the drawer's edit history uses; null once the plant has it. */
function uploadStanding(upload: OutboxOperation | undefined): DocumentStanding | null {
  if (!upload || upload.state === 'done') return null;
  if (upload.state === 'rejected') return { text: `${outboxStateLabels.rejected}: ${upload.error?.message ?? 'no reason given'}`, refused: true };
  // Why a try failed (out of reach, busy) is the connection's to say, in the banner.
  return { text: outboxStateLabels[upload.state], refused: false };
}

/**
 * A work order's photos and files: thumbnails for pictures, a list for the rest, each opened in
 * the computer's own viewer; attach more (kept here with the queued upload, sent when the plant
 * can be reached, at most 10 MB each).
 */
export function WorkOrderFiles({ workOrder, documents, uploads, onQueued }: WorkOrderFilesProps) {
  const connection = useAppStore((state) => state.connections.find((c) => c.id === workOrder.connectionId));
  const capabilities = connection?.writes ?? readOnlyWriteCapabilities('Unknown system');
  const plant = connection?.name ?? 'the plant';
  const canAttach = !!connection && connection.state !== 'disconnected' && capabilities.actions.includes('attachDocument');

  return (
    <>
      {documents.length === 0 && <p className="muted">No photos or files.</p>}
      <DocumentGallery documents={documents} standingOf={(document) => uploadStanding(uploads.get(document.key))} />
      {!connection || connection.state === 'disconnected' ? (
        <p className="muted">Read-only: this plant is disconnected.</p>
      ) : !canAttach ? (
        <p className="muted">{capabilities.label} does not take photos or files from Millwright.</p>
      ) : isLocalKey(workOrder.key) ? (
        <p className="muted">Photos and files can be attached once {plant} has this work order.</p>
      ) : (
        <AttachFiles workOrder={workOrder} note={unverifiedNote(capabilities, 'attachDocument')} onQueued={onQueued} />
      )}
    </>
  );
}

/** The file picker: each chosen file checked, kept here and queued for upload. */
function AttachFiles({ workOrder, note, onQueued }: { workOrder: WorkOrder; note: string | null; onQueued: (operationIds: string[]) => void }) {
  const queueEdit = useQueueEdit();
  const input = useRef<HTMLInputElement>(null);
  const { busy, failure, setFailure, submit } = useSubmit();
  const [inputKey, setInputKey] = useState(0);

  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    if (chosen.length === 0) return;
    const refused = chosen.filter((file) => file.size === 0 || file.size > maxAttachmentBytes);
    if (refused.length > 0) {
      setInputKey((key) => key + 1);
      return setFailure(
        refused
          .map((file) => (file.size === 0 ? `“${file.name}” is empty.` : `“${file.name}” is larger than ${formatFileSize(maxAttachmentBytes)}, the most one attachment can be.`))
          .join(' ') + ' Nothing was attached.',
      );
    }
    await submit(async () => {
      const ids: string[] = [];
      for (const file of chosen) {
        const contentType = file.type || 'application/octet-stream';
        const operation = await queueEdit({
          connectionId: workOrder.connectionId,
          action: 'attachDocument',
          changes: { name: file.name, entityKey: workOrder.key },
          display: { contentType, size: file.size },
          file: { name: file.name, contentType, bytes: new Uint8Array(await file.arrayBuffer()) },
        });
        ids.push(operation.id);
      }
      onQueued(ids);
      setInputKey((key) => key + 1);
    });
  };

  return (
    <div className="attach-files">
      <input key={inputKey} ref={input} type="file" multiple className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(event) => void attach(event)} />
      <button type="button" className="button small" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Attaching…' : 'Attach photo or file'}
      </button>
      <span className="muted"> Up to {formatFileSize(maxAttachmentBytes)} each; kept on this computer until the plant has it.</span>
      {note && <p className="muted">{note}</p>}
      <FormFailure message={failure} />
    </div>
  );
}
