import { z } from 'zod';
import { appErrorShapeSchema } from './errors';

export const connectionStates = ['connecting', 'active', 'syncing', 'error'] as const;
export type ConnectionState = (typeof connectionStates)[number];

/** What the renderer may know of a connection: never its token. */
export const connectionViewSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(['demo', 'makini']),
  baseUrl: z.string(),
  /** Source system behind Makini (from `GET /api/integrations/current`), once known. */
  provider: z.string().nullable(),
  state: z.enum(connectionStates),
  lastSyncAt: z.string().nullable(),
  lastError: appErrorShapeSchema.nullable(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;
