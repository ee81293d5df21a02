import { z } from 'zod';
import type { WritableEntity } from '../../../../shared/domain/outbox-operation';
import { syncEntityLabels, type SyncEntityRecord } from '../../../../shared/domain/sync-entity';
import { AppError, describeIssues } from '../../../../shared/errors';
import type { RecordWriter, WriteRequest } from '../record-writer';
import { MakiniHttpClient, type MakiniHttpClientOptions } from './makini-http-client';
import { makiniEntityAdapters } from './makini-entity-adapters';
import { describeRecordProblems } from './record-problems';

export interface MakiniRecordWriterOptions extends MakiniHttpClientOptions {
  connectionId: string;
}

/** Makini answers a single record as `{ data: {...} }`. */
const singleRecordSchema = z.object({ data: z.unknown() });
/** …and a list as `{ data: [...] }`. */
const listSchema = z.object({ data: z.array(z.unknown()) });

const path = (entity: WritableEntity, key: string, suffix = '') => `${makiniEntityAdapters[entity].path}/${encodeURIComponent(key)}${suffix}`;

/** A work order's parts list, where the spec adds a part to it (POST) or records its use (PUT …/{materialKey}). */
const partsOf = (workOrderKey: string, materialKey?: string) =>
  `${makiniEntityAdapters.workOrders.path}/${encodeURIComponent(workOrderKey)}/materials${materialKey === undefined ? '' : `/${encodeURIComponent(materialKey)}`}`;

/** The work order and part a parts line belongs to, as upstream holds it: the spec addresses the line by them. */
function partLine(upstream: WriteRequest['upstream']): { workOrderKey: string; materialKey: string; requiredQuantity: number | null } {
  const line = upstream as Partial<SyncEntityRecord<'workOrderMaterials'>> | null;
  if (!line?.workOrderKey || !line.materialKey) {
    // Refused, not retried: every later try would read the same record.
    throw new AppError('UPSTREAM_BAD_REQUEST', 'The plant’s record of this part line names no work order or no part, so the quantity used cannot be sent to it.', { failedAt: 'makini' });
  }
  return { workOrderKey: line.workOrderKey, materialKey: line.materialKey, requiredQuantity: line.requiredQuantity ?? null };
}

/**
 * An attachment as the spec's upload takes it (multipart `file` and `name`), with the record it is
 * for as `entityKeys[]`: the spec's Document links by entityKeys, its create names no other way.
 */
function uploadForm({ fields, attachment }: WriteRequest): FormData {
  if (!attachment) throw new AppError('UPSTREAM_BAD_REQUEST', 'The file to upload is no longer on this computer, so it cannot be sent. Discard this attachment and attach the file again.');
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(attachment.base64, 'base64')], { type: attachment.contentType }), attachment.name);
  form.append('name', typeof fields.name === 'string' ? fields.name : attachment.name);
  if (typeof fields.entityKey === 'string') form.append('entityKeys[]', fields.entityKey);
  return form;
}

/** The request of each write action, as Makini's EAM spec words it. */
function requestFor(request: WriteRequest): { method: 'PUT' | 'POST'; path: string; body: Record<string, unknown> | FormData } {
  const { operation, fields, upstream } = request;
  const { key } = operation;
  switch (operation.action) {
    case 'setWorkOrderStatus':
      return { method: 'PUT', path: path('workOrders', key, '/status'), body: { statusKey: fields.statusKey ?? null } };
    case 'updateWorkOrder':
      return { method: 'PUT', path: path('workOrders', key), body: fields };
    case 'createWorkOrder':
      return { method: 'POST', path: makiniEntityAdapters.workOrders.path, body: fields };
    case 'createPurchaseOrder':
      // The spec's create has no line items; Makini's demo plant takes them beside the order.
      return { method: 'POST', path: makiniEntityAdapters.purchaseOrders.path, body: { ...fields, ...(operation.lineItems ? { lineItems: operation.lineItems } : {}) } };
    case 'setPurchaseOrderStatus':
      return { method: 'PUT', path: path('purchaseOrders', key, '/status'), body: { status: fields.statusKey ?? null } };
    case 'adjustInventory':
      return { method: 'PUT', path: path('inventories', key), body: { quantity: fields.quantity ?? null } };
    case 'createServiceRequest':
      return { method: 'POST', path: makiniEntityAdapters.serviceRequests.path, body: fields };
    // The spec links a request to work by the work order's serviceRequestKey: approving makes a
    // work order naming it, merging names it on an existing one.
    case 'approveServiceRequest':
      return { method: 'POST', path: makiniEntityAdapters.workOrders.path, body: fields };
    case 'mergeServiceRequest':
      return { method: 'PUT', path: path('workOrders', key), body: { serviceRequestKey: fields.serviceRequestKey ?? null } };
    case 'addWorkOrderPart': {
      const { workOrderKey, ...body } = fields;
      return { method: 'POST', path: partsOf(String(workOrderKey)), body };
    }
    case 'recordPartUse': {
      // The spec requires both quantities on this PUT: what is needed goes as the plant has it
      // (or, where it has none, as what is used).
      const { workOrderKey, materialKey, requiredQuantity } = partLine(upstream);
      return { method: 'PUT', path: partsOf(workOrderKey, materialKey), body: { requiredQuantity: requiredQuantity ?? fields.usedQuantity ?? null, ...fields } };
    }
    case 'attachDocument':
      return { method: 'POST', path: makiniEntityAdapters.documents.path, body: uploadForm(request) };
  }
}

/** The write side of the Makini connector: the outbox pusher's way upstream. */
export class MakiniRecordWriter implements RecordWriter {
  private readonly http: MakiniHttpClient;

  constructor(private readonly options: MakiniRecordWriterOptions) {
    this.http = new MakiniHttpClient(options);
  }

  async fetchRecord<E extends WritableEntity>(entity: E, key: string): Promise<SyncEntityRecord<E> | null> {
    try {
      if (entity === 'workOrderMaterials') {
        // The spec serves parts lines only as lists: the one with this key, from the list of all.
        const list = listSchema.safeParse(await this.http.getJson(makiniEntityAdapters.workOrderMaterials.path, { 'filter[key]': key, per_page: '1' }));
        const line = list.success ? list.data.data.find((record) => String((record as { key?: unknown }).key) === key) : undefined;
        return line === undefined ? null : this.toRecord(entity, { data: line });
      }
      return this.toRecord(entity, await this.http.getJson(path(entity, key)));
    } catch (error) {
      if (error instanceof AppError && error.code === 'UPSTREAM_NOT_FOUND') return null;
      throw error;
    }
  }

  async write(request: WriteRequest): Promise<SyncEntityRecord<WritableEntity>> {
    const { method, path: target, body } = requestFor(request);
    const id = request.operation.idempotencyKey ?? request.operation.id;
    const answer = body instanceof FormData ? await this.http.writeForm(target, body, id) : await this.http.writeJson(method, target, body, id);
    const record = this.toRecord(request.operation.entity, answer);
    return request.operation.entity === 'workOrderMaterials' ? this.partLineAfter(request, record) : record;
  }

  /**
   * The parts line a parts write made or changed. The spec types the answer as a work order; when
   * it is not the line (no work order or part named, or others), the line is read back from the
   * list, so the cache never takes a work order for a parts line.
   */
  private async partLineAfter(request: WriteRequest, answered: SyncEntityRecord<WritableEntity>): Promise<SyncEntityRecord<WritableEntity>> {
    const { workOrderKey, materialKey } =
      request.operation.action === 'addWorkOrderPart' ? { workOrderKey: String(request.fields.workOrderKey), materialKey: String(request.fields.materialKey) } : partLine(request.upstream);
    const isTheLine = (line: { workOrderKey?: unknown; materialKey?: unknown }) => String(line.workOrderKey) === workOrderKey && String(line.materialKey) === materialKey;
    if (isTheLine(answered as SyncEntityRecord<'workOrderMaterials'>)) return answered;
    const list = listSchema.safeParse(await this.http.getJson(makiniEntityAdapters.workOrderMaterials.path, { 'filter[workOrderKey]': workOrderKey, 'filter[materialKey]': materialKey }));
    const line = list.success ? list.data.data.find((record) => isTheLine(record as { workOrderKey?: unknown; materialKey?: unknown })) : undefined;
    if (line === undefined) {
      throw new AppError('UPSTREAM_MALFORMED', `The plant accepted the part, but neither its answer nor its parts list shows the line for part ${materialKey} on work order ${workOrderKey}.`, { failedAt: 'makini', list: syncEntityLabels.workOrderMaterials });
    }
    return this.toRecord('workOrderMaterials', { data: line });
  }

  private toRecord<E extends WritableEntity>(entity: E, body: unknown): SyncEntityRecord<E> {
    const envelope = singleRecordSchema.safeParse(body);
    const parsed = makiniEntityAdapters[entity].schema.safeParse(envelope.success ? envelope.data.data : undefined);
    if (!parsed.success) {
      const raw = envelope.success ? envelope.data.data : body;
      const label = syncEntityLabels[entity];
      throw new AppError('UPSTREAM_MALFORMED', `The plant accepted the change, but the record it sent back cannot be read: ${describeRecordProblems(parsed.error, raw)}`, {
        details: describeIssues(parsed.error),
        failedAt: 'makini',
        list: label,
      });
    }
    return { ...parsed.data, connectionId: this.options.connectionId } as SyncEntityRecord<E>;
  }
}
