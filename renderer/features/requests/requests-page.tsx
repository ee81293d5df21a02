import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { DocumentRecord } from '../../../shared/domain/document';
import { isLocalKey } from '../../../shared/domain/outbox-operation';
import type { RequestStage } from '../../../shared/service-requests/request-triage';
import { appDb } from '../../db/app-db';
import { selectShownConnectionIds, useAppStore } from '../../stores/app-store';
import { countOf, formatCount, formatDateTime, formatMoment } from '../../ui/format';
import { DocumentGallery } from '../../ui/document-gallery';
import { PlantFilter } from '../../ui/plant-filter';
import { useServiceRequests, type TriagedServiceRequest } from '../../ui/use-service-requests';
import { ApproveRequestDialog } from './approve-request-dialog';
import { FileRequestDialog } from './file-request-dialog';
import { MergeRequestDialog } from './merge-request-dialog';
import './requests.css';

type Tab = RequestStage | 'all';
const tabs: { id: Tab; label: string }[] = [
  { id: 'new', label: 'New' },
  { id: 'sending', label: 'Waiting to upload' },
  { id: 'linked', label: 'Turned into work' },
  { id: 'declined', label: 'Declined' },
  { id: 'all', label: 'All' },
];

const emptyText: Record<Tab, string> = {
  new: 'No new requests: every problem reported so far has been dealt with.',
  sending: 'Nothing waiting: every approval and merge made here has reached its plant.',
  linked: 'No request has been turned into work yet.',
  declined: 'No declined requests.',
  all: 'No service requests yet. Problems reported at the plant appear here after the next sync.',
};

/** How many requests the page lists at once; the rest are counted. */
const listLimit = 200;

type Dialog = { kind: 'approve' | 'merge'; entry: TriagedServiceRequest } | { kind: 'file' } | null;

/** The photos and files of the listed requests, by `connectionId\0key`. */
function useRequestDocuments(entries: readonly TriagedServiceRequest[] | undefined) {
  const wanted = entries?.map(({ request }) => `${request.connectionId}\u0001${request.key}`).join('\u0002') ?? '';
  return useLiveQuery(async () => {
    const byRequest = new Map<string, DocumentRecord[]>();
    if (!entries || entries.length === 0) return byRequest;
    const listed = new Set(entries.map(({ request }) => `${request.connectionId}\u0000${request.key}`));
    const documents = await appDb.documents.where('entityKeys').anyOf([...new Set(entries.map(({ request }) => request.key))]).toArray();
    for (const document of documents) {
      for (const key of document.entityKeys) {
        const ref = `${document.connectionId}\u0000${key}`;
        if (listed.has(ref)) byRequest.set(ref, [...(byRequest.get(ref) ?? []), document]);
      }
    }
    return byRequest;
  }, [wanted]);
}

/** Names of the records requests point at (assets, locations, sites, people, work orders), by table and key. */
function useRequestNames(entries: readonly TriagedServiceRequest[] | undefined) {
  const wanted = entries?.map(({ request, triage }) => [request.connectionId, request.assetKey, request.locationKey, request.siteKey, request.userRequestedKey, triage.workOrderKey].join('\u0001')).join('\u0002') ?? '';
  return useLiveQuery(async () => {
    const names = new Map<string, string>();
    if (!entries) return names;
    const lookups: [table: 'assets' | 'locations' | 'sites' | 'users' | 'workOrders', connectionId: string, key: string | null][] = entries.flatMap(({ request, triage }) => [
      ['assets', request.connectionId, request.assetKey],
      ['locations', request.connectionId, request.locationKey],
      ['sites', request.connectionId, request.siteKey],
      ['users', request.connectionId, request.userRequestedKey],
      ['workOrders', request.connectionId, triage.workOrderKey],
    ]);
    await Promise.all(
      lookups.map(async ([table, connectionId, key]) => {
        if (!key || names.has(`${table}\u0000${connectionId}\u0000${key}`)) return;
        const record = (await appDb.table(table).get([connectionId, key])) as { name?: string; code?: string; title?: string } | undefined;
        const name = table === 'workOrders' ? record?.code : record?.name;
        if (name) names.set(`${table}\u0000${connectionId}\u0000${key}`, name);
      }),
    );
    return names;
  }, [wanted]);
}

/** Service requests: problems reported at the plant, new ones first, approved into work or merged into work already open. */
export function RequestsPage() {
  const all = useServiceRequests();
  const connections = useAppStore((state) => state.connections);
  const shown = useAppStore((state) => selectShownConnectionIds(state).join('\u0000'));
  const plantFilter = useAppStore((state) => state.plantFilter);
  const [tab, setTab] = useState<Tab>('new');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const visible = all?.filter((entry) => shown.split('\u0000').includes(entry.request.connectionId));
  const names = useRequestNames(visible);
  const documents = useRequestDocuments(visible);

  // Until the names are in, an asset would read as unknown: wait for them.
  if (!visible || !names) return <p className="page-message">Loading service requests…</p>;
  const counts = Object.fromEntries(tabs.map(({ id }) => [id, id === 'all' ? visible.length : visible.filter((entry) => entry.triage.stage === id).length])) as Record<Tab, number>;
  const listed = tab === 'all' ? visible : visible.filter((entry) => entry.triage.stage === tab);
  const name = (table: string, connectionId: string, key: string | null) => (key ? (names?.get(`${table}\u0000${connectionId}\u0000${key}`) ?? null) : null);
  const plantName = (connectionId: string) => connections.find((c) => c.id === connectionId)?.name ?? 'Removed plant';
  const canFile = connections.some((c) => c.state !== 'disconnected' && c.writes.actions.includes('createServiceRequest'));

  return (
    <div className="page requests-page">
      <div className="page-head requests-head">
        <h1>Service requests</h1>
        <PlantFilter />
        <button type="button" className="button" disabled={!canFile} onClick={() => setDialog({ kind: 'file' })}>
          File a request…
        </button>
      </div>
      <p className="muted requests-intro">
        Problems reported at the plant. Approve one into a new work order, or merge it into work already open on its asset. Declining is done in the
        plant&apos;s own system: Makini&apos;s API has no way to decline a request.
      </p>
      {notice && (
        <p className="info-box requests-notice" role="status">
          {notice}
        </p>
      )}
      <div className="segmented" role="group" aria-label="Show requests">
        {tabs.map(({ id, label }) => (
          <button key={id} type="button" className={id === tab ? 'segment active' : 'segment'} aria-pressed={id === tab} onClick={() => setTab(id)}>
            {label} <span className="muted">({formatCount(counts[id])})</span>
          </button>
        ))}
      </div>
      {listed.length === 0 ? (
        <p className="page-message">{emptyText[tab]}</p>
      ) : (
        <ul className="request-list" aria-label={`${tabs.find((t) => t.id === tab)!.label} requests`}>
          {listed.slice(0, listLimit).map((entry) => (
            <RequestItem
              key={`${entry.request.connectionId}/${entry.request.key}`}
              entry={entry}
              plantName={connections.length > 1 ? plantName(entry.request.connectionId) : null}
              name={name}
              documents={documents?.get(`${entry.request.connectionId}\u0000${entry.request.key}`) ?? []}
              writes={connections.find((c) => c.id === entry.request.connectionId)}
              onApprove={() => setDialog({ kind: 'approve', entry })}
              onMerge={() => setDialog({ kind: 'merge', entry })}
            />
          ))}
        </ul>
      )}
      {listed.length > listLimit && <p className="muted">{countOf(listed.length - listLimit, 'more request')} not listed; choose a plant to narrow the list.</p>}

      {dialog?.kind === 'approve' && (
        <ApproveRequestDialog
          request={dialog.entry.request}
          plantName={plantName(dialog.entry.request.connectionId)}
          capabilities={connections.find((c) => c.id === dialog.entry.request.connectionId)!.writes}
          onClose={() => setDialog(null)}
          onApproved={() => {
            setDialog(null);
            setNotice(`“${dialog.entry.request.title}” approved: its work order is on the board now and goes to ${plantName(dialog.entry.request.connectionId)} when it can be reached.`);
          }}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeRequestDialog
          request={dialog.entry.request}
          assetName={name('assets', dialog.entry.request.connectionId, dialog.entry.request.assetKey) ?? 'its asset'}
          plantName={plantName(dialog.entry.request.connectionId)}
          capabilities={connections.find((c) => c.id === dialog.entry.request.connectionId)!.writes}
          onClose={() => setDialog(null)}
          onMerged={() => {
            setDialog(null);
            setNotice(`“${dialog.entry.request.title}” merged: it goes to ${plantName(dialog.entry.request.connectionId)} when it can be reached.`);
          }}
        />
      )}
      {dialog?.kind === 'file' && (
        <FileRequestDialog
          defaultConnectionId={plantFilter === 'all' ? null : plantFilter}
          onClose={() => setDialog(null)}
          onFiled={() => {
            setDialog(null);
            setTab('new');
            setNotice('Request filed: it is listed here now and goes to the plant when it can be reached.');
          }}
        />
      )}
    </div>
  );
}

interface RequestItemProps {
  entry: TriagedServiceRequest;
  plantName: string | null;
  name: (table: string, connectionId: string, key: string | null) => string | null;
  /** Its photos and files (the reporter's photo of the problem). */
  documents: readonly DocumentRecord[];
  writes: { state: string; writes: { actions: readonly string[]; label: string } } | undefined;
  onApprove: () => void;
  onMerge: () => void;
}

const linkingStates: Record<string, string> = {
  pending: 'waiting to upload',
  sending: 'uploading now',
  conflict: 'in conflict with a change made in the plant’s own system: decide on Pending changes',
  rejected: 'refused by the plant’s system: see Pending changes',
};

function RequestItem({ entry, plantName, name, documents, writes, onApprove, onMerge }: RequestItemProps) {
  const { request, status, triage } = entry;
  const { connectionId } = request;
  const asset = name('assets', connectionId, request.assetKey);
  const where = [asset ?? (request.assetKey ? 'Unknown asset' : 'No asset named'), name('locations', connectionId, request.locationKey), name('sites', connectionId, request.siteKey)].filter(Boolean).join(' · ');
  const reporter = name('users', connectionId, request.userRequestedKey);
  // A work order made offline has no code until the plant gives it one.
  const workOrder = !triage.workOrderKey ? null : isLocalKey(triage.workOrderKey) ? 'a new work order' : (name('workOrders', connectionId, triage.workOrderKey) ?? 'its work order');
  const local = isLocalKey(request.key);
  const active = writes?.state !== 'disconnected';
  const can = (action: string) => active && !!writes?.writes.actions.includes(action);

  let stageText: string;
  if (local) stageText = 'Filed here: waiting to upload';
  else if (triage.stage === 'sending' && triage.linking) stageText = `${triage.linking.action === 'mergeServiceRequest' ? `Merged into ${workOrder}` : `Approved into ${workOrder}`}: ${linkingStates[triage.linking.state] ?? triage.linking.state}`;
  else if (triage.stage === 'linked') stageText = triage.linking && !request.workOrderKey ? `Approved into ${workOrder}; the plant’s record follows with the next sync` : `Turned into ${workOrder}`;
  else if (triage.stage === 'declined') stageText = status?.name ?? 'Declined';
  else stageText = status?.name ?? 'New';

  return (
    <li className={`request-item request-${triage.stage}`} aria-label={request.title}>
      <div className="request-top">
        {request.severity && <span className={`severity severity-${request.severity.toLowerCase()}`}>{request.severity}</span>}
        <h2 className="request-title">{request.title}</h2>
        {plantName && <span className="muted request-plant">{plantName}</span>}
      </div>
      <p className="request-where">{where}</p>
      <p className="muted request-who">
        {reporter ? `Reported by ${reporter}` : 'Reporter not named'}
        {request.createdAt && (
          <>
            {' · '}
            <time dateTime={request.createdAt} title={formatDateTime(request.createdAt)}>
              {formatMoment(request.createdAt)}
            </time>
          </>
        )}
      </p>
      {request.description && <p className="request-description">{request.description}</p>}
      {documents.length > 0 && (
        <div className="request-documents">
          <DocumentGallery documents={documents} />
        </div>
      )}
      <div className="request-foot">
        <span className={`request-stage request-stage-${triage.stage}`}>{stageText}</span>
        {triage.stage === 'new' && !local && (
          <span className="actions request-actions">
            <button type="button" className="button primary" disabled={!can('approveServiceRequest')} title={can('approveServiceRequest') ? undefined : `${writes?.writes.label ?? 'This plant'} does not take approvals from Millwright.`} onClick={onApprove}>
              Approve…
            </button>
            <button type="button" className="button" disabled={!can('mergeServiceRequest') || !request.assetKey} title={request.assetKey ? undefined : 'It names no asset, so there is no work on its asset to merge into.'} onClick={onMerge}>
              Merge…
            </button>
          </span>
        )}
      </div>
    </li>
  );
}
