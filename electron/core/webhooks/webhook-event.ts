import { z } from 'zod';
import type { SyncEntity } from '../../../shared/domain/sync-entity';

/**
 * What a Makini webhook asks of us. Record events (`work-orders.updated`, `assets.inserted`, …,
 * body: the changed keys) name records to fetch; integration events (`integration.*`,
 * `connection.*`) say the connection's state may have changed upstream. Webhooks never carry the
 * records themselves into the cache: they only say what to fetch.
 */
export type WebhookEvent =
  | { kind: 'records'; entity: SyncEntity; keys: string[] }
  | { kind: 'integration' }
  /** An event this version does not act on (logged, marked processed). */
  | { kind: 'ignored'; reason: string };

/** Makini's event routes (its Webhook.md: sites, assets, purchase orders, work orders) and the entities they name. */
const entityByRoute: Record<string, SyncEntity> = {
  sites: 'sites',
  assets: 'assets',
  'purchase-orders': 'purchaseOrders',
  'work-orders': 'workOrders',
};

const maxKeys = 10_000;
const recordEventSchema = z.object({
  event: z.string().regex(/^[a-z-]+\.(inserted|updated)$/),
  body: z.array(z.string().min(1).max(255)).max(maxKeys),
});
const eventNameSchema = z.object({ event: z.string().min(1).max(200) });

export function parseWebhookEvent(payload: Record<string, unknown>): WebhookEvent {
  const named = eventNameSchema.safeParse(payload);
  if (!named.success) return { kind: 'ignored', reason: 'no event name' };
  const { event } = named.data;
  if (/^(integration|connection)s?\./.test(event)) return { kind: 'integration' };
  const route = event.slice(0, event.lastIndexOf('.'));
  const entity = entityByRoute[route];
  if (!entity) return { kind: 'ignored', reason: `unknown event ${event}` };
  const parsed = recordEventSchema.safeParse(payload);
  if (!parsed.success) return { kind: 'ignored', reason: `${event} without a list of keys` };
  return { kind: 'records', entity, keys: [...new Set(parsed.data.body)] };
}
