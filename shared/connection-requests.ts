import { z } from 'zod';
import { historyDaysSchema, syncIntervalMinutesSchema } from './connection-view';
import { isLoopbackHost } from './loopback-host';

/** Request payloads for the connection channels of the IPC contract. */

const httpUrl = z
  .string()
  .trim()
  .min(1, 'Enter the API address.')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'Enter a full http(s) address, e.g. https://api.makini.io');

/** Makini access tokens are opaque strings: printable, no spaces, of a plausible length. */
export const accessTokenSchema = z
  .string()
  .trim()
  .min(16, 'That token is too short to be a Makini access token.')
  .max(4096, 'That token is too long.')
  .regex(/^[\x21-\x7e]+$/, 'A token has no spaces or special characters; paste it again.');

const name = z.string().trim().max(80).optional();
const deployment = z.enum(['cloud', 'on_prem']).default('cloud');

export const connectWithTokenSchema = z.object({ name, baseUrl: httpUrl, token: accessTokenSchema, deployment, historyDays: historyDaysSchema.optional() });
export type ConnectWithTokenRequest = z.input<typeof connectWithTokenSchema>;

export const newOAuthConnectionSchema = z.object({
  name,
  baseUrl: httpUrl,
  /** Where Makini Link's authorize page lives (https://link.makini.io for the cloud). */
  linkUrl: httpUrl,
  clientId: z.string().trim().min(1, 'Enter the client ID of your Makini app.').max(256),
  clientSecret: z.string().trim().min(1, 'Enter the client secret of your Makini app.').max(1024),
  deployment,
  historyDays: historyDaysSchema.optional(),
});
/** A new connection through Makini Link, or the same flow again for an existing one (reauthorize). */
export const beginOAuthSchema = z.union([newOAuthConnectionSchema, z.object({ reauthorizeConnectionId: z.string().min(1) })]);
export type BeginOAuthRequest = z.input<typeof beginOAuthSchema>;

export const addDemoPlantSchema = z.object({
  name,
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  workOrders: z.number().int().min(1).max(100_000).default(5000),
  /** How far back its first sync reads; everything by default (a demo plant is small and meant to be seen whole). */
  historyDays: historyDaysSchema.optional(),
});
export type AddDemoPlantRequest = z.input<typeof addDemoPlantSchema>;

/** A full path on this computer: /… on macOS and Linux, C:\… or \\server\share\… on Windows. */
const absolutePath = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

export const addFileImportSchema = z.object({
  name,
  filePath: z
    .string()
    .trim()
    .min(1, 'Enter the path of the export file.')
    .max(4096, 'That path is too long.')
    .regex(absolutePath, 'Enter the full path of the file, e.g. /home/you/exports/work-orders.csv or C:\\Exports\\work-orders.csv.'),
  syncIntervalMinutes: syncIntervalMinutesSchema.optional(),
});
export type AddFileImportRequest = z.input<typeof addFileImportSchema>;

export const connectionIdSchema = z.object({ connectionId: z.string().min(1) });

export const reauthorizeSchema = z.object({ connectionId: z.string().min(1), token: accessTokenSchema.optional() });

/** A webhook relay's address: https (plain http only on this computer, for trying one out). */
export const relayUrlSchema = z
  .string()
  .trim()
  .max(2048, 'That address is too long.')
  .refine((value) => URL.canParse(value), 'Enter the relay\'s address, e.g. https://relay.example.com.')
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  }, 'Use https:// — the relay carries plant data and this desktop\'s token (plain http only for a relay on this computer).')
  .refine((value) => !new URL(value).username && !new URL(value).password && !new URL(value).search && !new URL(value).hash, 'Enter only the relay\'s address, without a user name, ? or #.')
  .transform((value) => value.replace(/\/+$/, ''));

/** A desktop token as the relay's `issue-token` prints it. */
export const relayTokenSchema = z
  .string()
  .trim()
  .regex(/^mwr_[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{43}$/, 'Paste the whole desktop token the relay printed: it starts with mwr_.');

export const relayTargetSchema = z.object({ url: relayUrlSchema, token: relayTokenSchema });
export type RelayTarget = z.input<typeof relayTargetSchema>;

export const updateSettingsSchema = z.object({
  connectionId: z.string().min(1),
  name: z.string().trim().min(1).max(80).optional(),
  syncIntervalMinutes: syncIntervalMinutesSchema.optional(),
  historyDays: historyDaysSchema.optional(),
  /** Who the supervisor is in this plant (a key of its users); null forgets it. */
  authorUserKey: z.string().trim().min(1).max(200).nullable().optional(),
  /** The webhook secret from Makini's Webhooks page; null removes it (webhooks are then refused). */
  webhookSecret: z.string().trim().min(8, 'A webhook secret has at least 8 characters.').max(1024).nullable().optional(),
  /** Collect webhooks from a relay with a desktop token; null: this computer receives them. */
  webhookRelay: relayTargetSchema.nullable().optional(),
});
