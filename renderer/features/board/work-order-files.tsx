import { useRef, useState, type ChangeEvent } from 'react';
import { isImageDocument, maxAttachmentBytes, type DocumentRecord } from '../../../shared/domain/document';
import { isLocalKey, type OutboxOperation } from '../../../shared/domain/outbox-operation';
import type { WorkOrder } from '../../../shared/domain/work-order';
import { bytesToBase64 } from '../../../shared/documents/base64';
import { readOnlyWriteCapabilities, unverifiedNote } from '../../../shared/write-capabilities';
import { useIpcClient } from '../../ipc/ipc-client-context';
import { useAppStore } from '../../stores/app-store';
import { formatDateTime, formatFileSize } from '../../ui/format';
import { FormFailure } from '../../ui/form-failure';
import { useQueueEdit } from '../../ui/use-queue-edit';
import { useSubmit } from '../../ui/use-submit';
import { outboxStateLabels } from './outbox-state-labels';
import { documentFile, useThumbnail } from './use-document-file';

interface WorkOrderFilesProps {
  workOrder: WorkOrder;
  documents: readonly DocumentRecord[];
  /** The attachments' uploads queued here, by document key. */
  uploads: ReadonlyMap<string, OutboxOperation>;
  /** Files attached: their uploads queued, followed by the drawer until the plant has them. */
  onQueued: (operationIds: string[]) => void;
}

/** Where an attachment made here stands, in the words the drawer's edit history uses; null once the plant has it. */
function uploadStanding(upload: OutboxOperation | undefined): { text: string; refused: boolean } | null {
  if (!upload || upload.state === 'done') return null;
  if (upload.state === 'rejected') return { text: `${outboxStateLabels.rejected}: ${upload.error?.message ?? 'no reason given'}`, refused: true };
  // Why a try failed (out of reach, busy) is the connection's to say, in the banner.
  return { text: outboxStateLabels[upload.state], refused: false };
}

/** What kind of file it is, from its type or its name: "PDF", "Word document"… */
function kindOf(document: DocumentRecord): string {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(document.name)?.[1]?.toLowerCase();
  if (document.contentType === 'application/pdf' || extension === 'pdf') return 'PDF';
  if (extension === 'doc' || extension === 'docx') return 'Word document';
  if (extension === 'xls' || extension === 'xlsx' || extension === 'csv') return 'Spreadsheet';
  if (document.contentType?.startsWith('text/') || extension === 'txt') return 'Text';
  return extension ? `${extension.toUpperCase()} file` : 'File';
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
  const photos = documents.filter(isImageDocument);
  const files = documents.filter((document) => !isImageDocument(document));
  const opener = useOpenDocument();

  return (
    <>
      {documents.length === 0 && <p className="muted">No photos or files.</p>}
      {photos.length > 0 && (
        <ul className="photo-grid" aria-label="Photos">
          {photos.map((document) => (
            <li key={document.key}>
              <Photo document={document} onOpen={() => opener.open(document)} />
              <Standing standing={uploadStanding(uploads.get(document.key))} />
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="file-list" aria-label="Files">
          {files.map((document) => (
            <li key={document.key}>
              <button type="button" className="link-button" onClick={() => opener.open(document)} aria-label={`Open ${document.name}`}>
                {document.name}
              </button>
              <span className="muted">
                {' '}
                {kindOf(document)}
                {document.createdAt ? ` · ${formatDateTime(document.createdAt)}` : ''}
              </span>
              <Standing standing={uploadStanding(uploads.get(document.key))} />
            </li>
          ))}
        </ul>
      )}
      <FormFailure message={opener.failure} />
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

function Standing({ standing }: { standing: { text: string; refused: boolean } | null }) {
  if (!standing) return null;
  return <p className={standing.refused ? 'file-standing error-text' : 'file-standing muted'}>{standing.text}</p>;
}

function Photo({ document, onOpen }: { document: DocumentRecord; onOpen: () => void }) {
  const thumbnail = useThumbnail(document);
  return (
    <figure className="photo">
      <button type="button" className="photo-button" onClick={onOpen} aria-label={`Open ${document.name}`}>
        {thumbnail.state === 'shown' ? (
          <img src={thumbnail.url} alt={document.description ?? document.name} />
        ) : (
          <span className="photo-placeholder">{thumbnail.state === 'loading' ? 'Loading…' : 'Cannot be shown now'}</span>
        )}
      </button>
      <figcaption title={thumbnail.state === 'failed' ? thumbnail.message : document.name}>{document.name}</figcaption>
    </figure>
  );
}

/** Opens a document in the computer's viewer (desktop) or a new tab (web mode); says why when it cannot. */
function useOpenDocument() {
  const client = useIpcClient();
  const { failure, submit } = useSubmit();
  const open = (document: DocumentRecord) =>
    submit(async () => {
      const file = await documentFile(client, document);
      const { opened } = await client.invoke('documents.open', { name: file.name, contentType: file.contentType, base64: bytesToBase64(file.bytes) });
      if (opened) return;
      const url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.contentType }));
      window.open(url, '_blank', 'noopener');
      // The new tab has read it by then; the page does not keep every opened file in memory.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
  return { open: (document: DocumentRecord) => void open(document), failure };
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
