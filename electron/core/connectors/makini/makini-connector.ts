import { createHash } from 'node:crypto';
import { AppError, describeIssues } from '../../../../shared/errors';
import type { QuarantinedRecord } from '../../../../shared/domain/quarantined-record';
import { syncEntityLabels, type SyncEntity, type SyncEntityRecord } from '../../../../shared/domain/sync-entity';
import type { Connector, FetchedPage, IntegrationInfo, ListPageQuery, RecordPage } from '../connector';
import { MakiniHttpClient, type MakiniHttpClientOptions } from './makini-http-client';
import { makiniEntityAdapters } from './makini-entity-adapters';
import { describeEnvelopeProblem, makiniIntegrationSchema, makiniListEnvelopeSchema, readListPaging } from './makini-envelope-schemas';
import { describeRecordProblems } from './record-problems';
import { maxFetchedFileBytes } from '../../../../shared/domain/document';
import type { FetchedFile } from '../../../../shared/documents/file-transfer';

/** How much of a rejected record is kept for inspection. */
const quarantinedRawLimit = 4096;
/**
 * A record without a key is named by what it holds, so the same record read again (by another
 * page or query of the same run, or by the next run) is the same skipped record, listed once.
 */
const keylessRef = (text: string) => `no key · ${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
/** Keys asked for in one list request (its URL stays a few kilobytes long). */
const keysPerRequest = 100;
/** Detail requests at once, for keys a list request did not answer. */
const detailConcurrency = 8;

export interface MakiniConnectorOptions extends MakiniHttpClientOptions {
  connectionId: string;
}

/** The Connector for Makini's unified EAM API (and the demo plant, which speaks it). */
export class MakiniConnector implements Connector {
  private readonly http: MakiniHttpClient;

  constructor(private readonly options: MakiniConnectorOptions) {
    this.http = new MakiniHttpClient(options);
  }

  async describe(): Promise<IntegrationInfo> {
    const parsed = makiniIntegrationSchema.safeParse(await this.http.getJson('/api/integrations/current'));
    if (!parsed.success) {
      throw new AppError('UPSTREAM_MALFORMED', 'The description of the connection (which system, which company) cannot be read.', {
        details: describeIssues(parsed.error),
        failedAt: 'makini',
      });
    }
    const data = parsed.data.data;
    return { provider: data.provider, companyName: data.company_name, syncStatus: data.sync_status };
  }

  async revoke(): Promise<void> {
    await this.http.requestJson('DELETE', '/api/integrations/current');
  }

  async listPage<E extends SyncEntity>(entity: E, query: ListPageQuery): Promise<RecordPage<E>> {
    const adapter = makiniEntityAdapters[entity];
    const changeField = adapter.changeField ?? 'updatedAt';
    const params: Record<string, string> = {
      [`sort[${changeField}]`]: '0',
      page: String(query.page),
      per_page: String(query.perPage),
    };
    if (query.updatedSince !== null) params[`filter[${changeField}:gteq]`] = query.updatedSince;
    if (query.updatedBefore !== undefined) params[`filter[${changeField}:lt]`] = query.updatedBefore;
    if (query.statusKey !== undefined) params['filter[statusKey]'] = query.statusKey;
    const body = await this.http.getJson(adapter.path, params);

    const envelope = this.readEnvelope(entity, body);
    const { records, quarantined } = this.parseRecords(entity, envelope.data);
    return { records, quarantined, ...readListPaging(envelope) };
  }

  /** The page's records; only a missing or non-list `data` refuses the page (links and meta are read leniently). */
  private readEnvelope(entity: SyncEntity, body: unknown): { data: unknown[] } & Record<string, unknown> {
    const envelope = makiniListEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      throw new AppError('UPSTREAM_MALFORMED', describeEnvelopeProblem(body), {
        details: describeIssues(envelope.error),
        failedAt: 'makini',
        list: syncEntityLabels[entity],
      });
    }
    return envelope.data;
  }

  async fetchFile(url: string): Promise<FetchedFile> {
    const { contentType, bytes } = await this.http.getFile(url, maxFetchedFileBytes);
    return { contentType, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
  }

  /**
   * One list request per hundred keys (`filter[key]=…` repeated, `filterMatch=any`); a key the
   * answer lacks (a server that reads only one filter per field) is asked for by its detail route,
   * and left out when that is 404.
   */
  async fetchByKeys<E extends SyncEntity>(entity: E, keys: readonly string[]): Promise<FetchedPage<E>> {
    const adapter = makiniEntityAdapters[entity];
    const wanted = [...new Set(keys)];
    const raws: unknown[] = [];
    for (let start = 0; start < wanted.length; start += keysPerRequest) {
      const chunk = wanted.slice(start, start + keysPerRequest);
      const body = await this.http.getJson(adapter.path, { 'filter[key]': chunk, filterMatch: 'any', per_page: String(chunk.length) });
      raws.push(...this.readEnvelope(entity, body).data);
    }
    const answered = new Set(raws.map((raw) => (raw as { key?: unknown } | null)?.key));
    const missing = wanted.filter((key) => !answered.has(key));
    for (let start = 0; start < missing.length; start += detailConcurrency) {
      const details = await Promise.all(missing.slice(start, start + detailConcurrency).map((key) => this.fetchDetail(adapter.path, key)));
      raws.push(...details.filter((raw) => raw !== null));
    }
    // A list answer holds only what was asked for.
    const requested = new Set(wanted);
    const relevant = raws.filter((raw) => requested.has((raw as { key?: unknown } | null)?.key as string));
    return this.parseRecords(entity, relevant);
  }

  private async fetchDetail(path: string, key: string): Promise<unknown> {
    try {
      const body = await this.http.getJson(`${path}/${encodeURIComponent(key)}`);
      return body !== null && typeof body === 'object' && 'data' in body ? body.data : null;
    } catch (error) {
      if (error instanceof AppError && error.code === 'UPSTREAM_NOT_FOUND') return null;
      throw error;
    }
  }

  private parseRecords<E extends SyncEntity>(entity: E, raws: readonly unknown[]): FetchedPage<E> {
    const adapter = makiniEntityAdapters[entity];
    const records: SyncEntityRecord<E>[] = [];
    const quarantined: QuarantinedRecord[] = [];
    raws.forEach((raw) => {
      const parsed = adapter.schema.safeParse(raw);
      if (parsed.success) {
        records.push({ ...parsed.data, connectionId: this.options.connectionId } as SyncEntityRecord<E>);
        return;
      }
      const key = (raw as { key?: unknown } | null)?.key;
      const text = JSON.stringify(raw) ?? 'undefined';
      quarantined.push({
        recordRef: typeof key === 'string' && key ? key : typeof key === 'number' ? String(key) : keylessRef(text),
        reason: describeRecordProblems(parsed.error, raw),
        raw: text.slice(0, quarantinedRawLimit),
      });
    });
    return { records, quarantined };
  }
}
