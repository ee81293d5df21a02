import { AppError, describeIssues } from '../../../../shared/errors';
import type { QuarantinedRecord } from '../../../../shared/domain/quarantined-record';
import type { SyncEntity, SyncEntityRecord } from '../../../../shared/domain/sync-entity';
import type { Connector, IntegrationInfo, ListPageQuery, RecordPage } from '../connector';
import { MakiniHttpClient, type MakiniHttpClientOptions } from './makini-http-client';
import { makiniEntityAdapters, makiniIntegrationSchema, makiniListEnvelopeSchema } from './makini-wire-schemas';

/** How much of a rejected record is kept for inspection. */
const quarantinedRawLimit = 4096;

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
      throw new AppError('UPSTREAM_MALFORMED', 'The integration description is not of the documented shape.', {
        details: describeIssues(parsed.error),
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

    const envelope = makiniListEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      throw new AppError('UPSTREAM_MALFORMED', `The ${adapter.path} page is not of the documented shape.`, {
        details: describeIssues(envelope.error),
      });
    }
    const records: SyncEntityRecord<E>[] = [];
    const quarantined: QuarantinedRecord[] = [];
    envelope.data.data.forEach((raw, index) => {
      const parsed = adapter.schema.safeParse(raw);
      if (parsed.success) {
        records.push({ ...parsed.data, connectionId: this.options.connectionId } as SyncEntityRecord<E>);
        return;
      }
      const key = (raw as { key?: unknown } | null)?.key;
      quarantined.push({
        recordRef: typeof key === 'string' && key ? key : `page ${query.page} #${index}${query.updatedSince ? ` since ${query.updatedSince}` : ''}`,
        reason: describeIssues(parsed.error, 3).join('; '),
        raw: JSON.stringify(raw)?.slice(0, quarantinedRawLimit) ?? 'undefined',
      });
    });
    const { meta, links } = envelope.data;
    // Page numbers first: they are numbers, where a mock's placeholder link would be any string.
    const hasMore =
      typeof meta?.current_page === 'number' && typeof meta.last_page === 'number'
        ? meta.current_page < meta.last_page
        : links && 'next' in links
          ? Boolean(links.next)
          : null;
    return { records, quarantined, total: meta?.total ?? null, hasMore };
  }
}
