import { basename } from 'node:path';
import type { QuarantinedRecord } from '../../../../shared/domain/quarantined-record';
import { syncEntityLabels, type SyncEntity, type SyncEntityRecord } from '../../../../shared/domain/sync-entity';
import { AppError } from '../../../../shared/errors';
import type { Connector, FetchedPage, IntegrationInfo, ListPageQuery, RecordPage } from '../connector';
import { defaultMaxExportBytes, readExportBytes } from './export-file-bytes';
import { readExportContents } from './export-file-contents';
import { ExportFileProblem } from './export-file-problem';
import { snapshotOf, type ExportSnapshot, type ListEntries, type ListEntry } from './export-snapshot';

export interface FileImportConnectorOptions {
  connectionId: string;
  /** The export file (CSV or JSON; see README.md). Read at every request, so each sync reads the latest export. */
  filePath: string;
  /** Files larger than this are refused; by default 32 MB. */
  maxFileBytes?: number;
}

/** The provider a file-import connection reports (as Makini reports the system behind it). */
export const fileImportProvider = 'file-import';

/** The lists a file can offer at all; the others are refused without reading it. */
const offerable: ReadonlySet<SyncEntity> = new Set(['sites', 'labors', 'workOrderStatuses', 'assets', 'workOrders']);

/**
 * A read-only Connector over a supervisor's export file of work orders and assets, for a system
 * Makini does not cover. It serves the file's records as an upstream serves pages: oldest change
 * first, filtered by change time and status, paged, so the sync engine's cursors, quarantine and
 * counts work as they do for Makini. Records that cannot be read are served only when a list is
 * read whole from its start (a first sync, a full re-sync): they have no change time to place
 * them after a cursor, so an incremental sync of an unchanged file brings nothing.
 */
export class FileImportConnector implements Connector {
  /** The last file read and what it holds: a file read again is parsed again only when its bytes differ. */
  private cached: { bytes: Buffer; snapshot: ExportSnapshot } | null = null;

  constructor(private readonly options: FileImportConnectorOptions) {}

  /** Reads the file, so a wrong path or an unreadable file is said when the connection is made. */
  async describe(): Promise<IntegrationInfo> {
    await this.snapshot();
    return { provider: fileImportProvider, companyName: basename(this.options.filePath), syncStatus: null };
  }

  /** A file has no sign-in to end: disconnecting only stops reading it. */
  async revoke(): Promise<void> {}

  async listPage<E extends SyncEntity>(entity: E, query: ListPageQuery): Promise<RecordPage<E>> {
    const entries = await this.entries(entity);
    const since = query.updatedSince === null ? null : Date.parse(query.updatedSince);
    const before = query.updatedBefore === undefined ? null : Date.parse(query.updatedBefore);
    const wholeList = since === null && before === null && query.statusKey === undefined;
    const matching = entries.filter((entry) =>
      entry.kind === 'skipped'
        ? wholeList
        : (since === null || entry.changedAt >= since) && (before === null || entry.changedAt < before) && (query.statusKey === undefined || entry.statusKey === query.statusKey),
    );
    const start = (query.page - 1) * query.perPage;
    return { ...split<E>(matching.slice(start, start + query.perPage)), total: matching.length, hasMore: start + query.perPage < matching.length };
  }

  async fetchByKeys<E extends SyncEntity>(entity: E, keys: readonly string[]): Promise<FetchedPage<E>> {
    const wanted = new Set(keys);
    const entries = await this.entries(entity);
    return split<E>(entries.filter((entry) => entry.key !== null && wanted.has(entry.key)));
  }

  /** The list's entries; a list the file does not hold is not offered, as a plant system without it answers. */
  private async entries(entity: SyncEntity): Promise<ListEntries> {
    const entries = offerable.has(entity) ? (await this.snapshot())[entity] : undefined;
    if (entries === undefined) {
      throw new AppError('UPSTREAM_NOT_FOUND', `${syncEntityLabels[entity]} are not in the export file.`, { list: syncEntityLabels[entity] });
    }
    return entries;
  }

  private async snapshot(): Promise<ExportSnapshot> {
    const { filePath, connectionId } = this.options;
    try {
      // Compared by content, not by the file's modification time: two saves within the file
      // system's clock step (milliseconds) have the same time, and the second would go unread.
      const bytes = await readExportBytes(filePath, this.options.maxFileBytes ?? defaultMaxExportBytes);
      if (this.cached?.bytes.equals(bytes)) return this.cached.snapshot;
      const snapshot = snapshotOf(readExportContents(bytes), connectionId);
      this.cached = { bytes, snapshot };
      return snapshot;
    } catch (error) {
      if (error instanceof ExportFileProblem) throw new AppError('UPSTREAM_MALFORMED', `The export file ${filePath} ${error.message}`);
      throw error;
    }
  }
}

function split<E extends SyncEntity>(entries: readonly ListEntry[]): FetchedPage<E> {
  const records: SyncEntityRecord<E>[] = [];
  const quarantined: QuarantinedRecord[] = [];
  for (const entry of entries) {
    if (entry.kind === 'record') records.push(entry.record as SyncEntityRecord<E>);
    else quarantined.push(entry.quarantined);
  }
  return { records, quarantined };
}
