import { z } from 'zod';
import { authMethods, connectionKinds, historyDaysSchema, syncIntervalMinutesSchema } from '../../../shared/connection-view';

/** A connection as main persists it (settings store). Its secrets live in the SecretStore. */
export const connectionRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(connectionKinds),
  authMethod: z.enum(authMethods),
  baseUrl: z.string(),
  /** Makini Link (authorize page) for OAuth connections. */
  linkUrl: z.string().nullable(),
  oauthClientId: z.string().nullable(),
  deployment: z.enum(['cloud', 'on_prem']),
  provider: z.string().nullable(),
  companyName: z.string().nullable(),
  /** The states that outlive a restart; syncing, connecting and error are of the moment. */
  status: z.enum(['active', 'needs_reauth', 'disconnected']),
  syncIntervalMinutes: syncIntervalMinutesSchema,
  /** Saved before this setting existed: the product default. */
  historyDays: historyDaysSchema.default(90),
  lastSyncAt: z.string().nullable(),
  demo: z.object({ seed: z.number().int(), workOrders: z.number().int() }).nullable(),
  createdAt: z.string(),
});
export type ConnectionRecord = z.infer<typeof connectionRecordSchema>;
