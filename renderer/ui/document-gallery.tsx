import { isImageDocument, type DocumentRecord } from '../../shared/domain/document';
import { bytesToBase64 } from '../../shared/documents/base64';
import { useIpcClient } from '../ipc/ipc-client-context';
import { formatDateTime } from './format';
import { FormFailure } from './form-failure';
import { documentFile, useThumbnail } from './use-document-file';
import { useSubmit } from './use-submit';

export interface DocumentStanding {
  text: string;
  refused: boolean;
}

interface DocumentGalleryProps {
  documents: readonly DocumentRecord[];
  /** Said under a document (an attachment's upload, say); null says nothing. */
  standingOf?: (document: DocumentRecord) => DocumentStanding | null;
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
 * Photos and files of a record (a work order, a service request): pictures as thumbnails, the
 * rest as a list with their kind and date, each opened in the computer's own viewer (desktop) or
 * a tab of its own (web mode); says why when one cannot be.
 */
export function DocumentGallery({ documents, standingOf = () => null }: DocumentGalleryProps) {
  const opener = useOpenDocument();
  const photos = documents.filter(isImageDocument);
  const files = documents.filter((document) => !isImageDocument(document));
  return (
    <>
      {photos.length > 0 && (
        <ul className="photo-grid" aria-label="Photos">
          {photos.map((document) => (
            <li key={document.key}>
              <Photo document={document} onOpen={() => opener.open(document)} />
              <Standing standing={standingOf(document)} />
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
              <Standing standing={standingOf(document)} />
            </li>
          ))}
        </ul>
      )}
      <FormFailure message={opener.failure} />
    </>
  );
}

function Standing({ standing }: { standing: DocumentStanding | null }) {
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

/** Opens a document in the computer's viewer (desktop) or a new tab (web mode). */
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
