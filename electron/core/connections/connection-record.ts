import { z } from 'zod';
import { authMethods, historyDaysSchema, syncIntervalMinutesSchema } from '../../../shared/connection-view';
import { connectorKind } from '../connectors/connector-registry';

/**
 * A connection as main persists it (settings store). Its secrets live in the SecretStore; what
 * only its kind of connector needs lives in `settings`, which that kind's registry entry checks.
 */
export const connectionRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  /** The connector that reads it: a kind of the connector registry ('makini'; a demo plant speaks Makini). */
  kind: z.string().min(1),
  authMethod: z.enum(authMethods),
  /** Where the connection reads from: an API's address (or, for a kind that reads files, a file's path). */
  baseUrl: z.string(),
  deployment: z.enum(['cloud', 'on_prem']),
  provider: z.string().nullable(),
  companyName: z.string().nullable(),
  /** The states that outlive a restart; syncing, connecting and error are of the moment. */
  status: z.enum(['active', 'needs_reauth', 'disconnected']),
  syncIntervalMinutes: syncIntervalMinutesSchema,
  /** Saved before this setting existed: the product default. */
  historyDays: historyDaysSchema.default(90),
  /** Who the supervisor is in this plant (a key of its users): the author a note names. Unset before this setting existed. */
  authorUserKey: z.string().min(1).nullable().default(null),
  lastSyncAt: z.string().nullable(),
  createdAt: z.string(),
  settings: z.record(z.string(), z.unknown()),
  /** Webhooks come through this relay (its token is a secret); null: this computer receives them, or none come. */
  webhookRelay: z.object({ url: z.string().url() }).strict().nullable().default(null),
});
export type ConnectionRecord = z.infer<typeof connectionRecordSchema>;

/**
 * Before connector kinds, a record was Makini-shaped: its Makini fields beside the common ones and
 * no `settings` (its `kind` said 'demo' or 'makini', or was missing). Such a record is a 'makini'
 * connection whose Makini fields move into its settings.
 */
function migrateMakiniShaped(entry: unknown): unknown {
  if (entry === null || typeof entry !== 'object' || 'settings' in entry) return entry;
  const { linkUrl = null, oauthClientId = null, demo = null, ...common } = entry as Record<string, unknown>;
  return { ...common, kind: 'makini', settings: { linkUrl, oauthClientId, demo } };
}

/** A saved connection as this version reads it; null when it is unreadable or of a kind this version does not know. */
export function readConnectionRecord(entry: unknown): ConnectionRecord | null {
  const parsed = connectionRecordSchema.safeParse(migrateMakiniShaped(entry));
  if (!parsed.success) return null;
  const settings = connectorKind(parsed.data.kind)?.settings.safeParse(parsed.data.settings);
  return settings?.success ? { ...parsed.data, settings: settings.data } : null;
}
