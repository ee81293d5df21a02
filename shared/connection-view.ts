import { z } from 'zod';
import { connectionStatusKinds, connectionStatusSchema } from './connection-status';
import { appErrorShapeSchema } from './errors';
import { writeCapabilitiesSchema } from './write-capabilities';

export const connectionStates = ['connecting', 'active', 'syncing', 'needs_reauth', 'error', 'disconnected'] as const;
export type ConnectionState = (typeof connectionStates)[number];

/** How a connection was made; 'file' reads an export file on this computer, with no token at all. */
export const authMethods = ['demo', 'token', 'oauth', 'file'] as const;
export type AuthMethod = (typeof authMethods)[number];

/** How often a connection pulls on its own (the seeds: every 15 minutes to daily). */
export const syncIntervalMinutesOptions = [15, 30, 60, 240, 1440] as const;
export const syncIntervalMinutesSchema = z.union(syncIntervalMinutesOptions.map((value) => z.literal(value)));

/** How far back the first sync reads work orders (open ones come whatever their age); null reads all. */
export const historyDaysOptions = [30, 60, 90, null] as const;
export const historyDaysSchema = z.union([z.literal(30), z.literal(60), z.literal(90), z.null()]);

/** A connection's link to the webhook relay that collects its webhooks (see electron/relay). */
export const relayLinkSchema = z.object({
  /** The relay's address, as set in Settings. */
  url: z.string(),
  /** live: connected, deliveries arrive as they come; unreachable: tried again with backoff; refused: the token is not accepted. */
  state: z.enum(['connecting', 'live', 'unreachable', 'refused']),
  /** When it entered that state (ISO-8601). */
  since: z.string(),
  /** Why it is not live, in plain words; null while live or connecting. */
  message: z.string().nullable(),
  /** The relay's webhook address for this connection (to give Makini), once the relay has named it. */
  endpoint: z.string().nullable(),
  /** When a delivery last came through the relay (ISO-8601); null since the app started, before one. */
  lastDeliveryAt: z.string().nullable(),
});
export type RelayLink = z.infer<typeof relayLinkSchema>;

/** Whether a connection's relay link is down (unreachable, or refusing this desktop): no webhooks arrive through it. */
export function isRelayDown(relay: Pick<RelayLink, 'state'> | null | undefined): boolean {
  return relay?.state === 'unreachable' || relay?.state === 'refused';
}

/** A connection's webhook endpoint and what it has received and processed since the app started. */
export const webhookStatusSchema = z.object({
  /** The URL to give Makini (its Webhooks page) for this connection. */
  endpoint: z.string(),
  /** Whether a webhook secret is set: without one every delivery is refused (404). */
  secretSet: z.boolean(),
  received: z.number().int().nonnegative(),
  verified: z.number().int().nonnegative(),
  /** Refused for a missing, forged or expired signature (401). */
  rejected: z.number().int().nonnegative(),
  /** Verified deliveries already seen: answered 200, processed once. */
  duplicate: z.number().int().nonnegative(),
  /** Other refusals: wrong method or content type, too large, empty or not JSON. */
  badRequests: z.number().int().nonnegative(),
  processed: z.number().int().nonnegative(),
  /** Processing attempts that failed (each is retried). */
  failures: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  lastDeliveryAt: z.string().nullable(),
  lastError: appErrorShapeSchema.nullable(),
  /** Failures in a row have passed the alert threshold. */
  alerting: z.boolean(),
  /** Set when the connection's webhooks come through a relay instead of to this computer. */
  relay: relayLinkSchema.nullable(),
});
export type WebhookStatus = z.infer<typeof webhookStatusSchema>;

/** What the renderer may know of a connection: never a token or secret, only a redacted preview. */
export const connectionViewSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  /**
   * 'demo' for a demo plant running inside Millwright; otherwise the connector that reads it, as
   * main's connector registry names it ('makini', …).
   */
  kind: z.string().min(1),
  authMethod: z.enum(authMethods),
  baseUrl: z.string(),
  deployment: z.enum(['cloud', 'on_prem']),
  /** Source system behind Makini (from `GET /api/integrations/current`), once known. */
  provider: z.string().nullable(),
  companyName: z.string().nullable(),
  /** The lifecycle state (kept for readers of it); what to show the user is `status`. */
  state: z.enum(connectionStates),
  /** The one connection-and-network state every part of the UI, the tray and notifications show. */
  status: connectionStatusSchema,
  lastSyncAt: z.string().nullable(),
  nextSyncAt: z.string().nullable(),
  syncIntervalMinutes: syncIntervalMinutesSchema,
  historyDays: historyDaysSchema,
  /** Who the supervisor is in this plant (a key of its users), named as the author of notes; null until chosen. */
  authorUserKey: z.string().nullable(),
  lastError: appErrorShapeSchema.nullable(),
  /** e.g. "••••3f9a"; null when no token is held (disconnected). */
  tokenPreview: z.string().nullable(),
  tokenExpiresAt: z.string().nullable(),
  /** "basic" when secrets are not protected by the OS keychain (Linux basic_text, web mode): the UI warns. */
  secretProtection: z.enum(['os', 'basic']),
  /** What the user may change through this connection; a connection that only reads offers nothing. */
  writes: writeCapabilitiesSchema,
  /** Null while no webhook receiver runs (or for a disconnected connection). */
  webhook: webhookStatusSchema.nullable(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export const notificationSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  title: z.string(),
  body: z.string(),
  connectionId: z.string().nullable(),
  /** Set when the notification says a connection entered this state (title and body are the state's words). */
  statusKind: z.enum(connectionStatusKinds).optional(),
});
export type AppNotification = z.infer<typeof notificationSchema>;
