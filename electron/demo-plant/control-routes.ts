import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { demoPlantSeverities } from './demo-plant-write-rules';
import { faultRuleSchema, type FaultInjector } from './fault-injector';
import { readJsonBody, sendJson } from './http-io';
import { makiniTokenResponse } from './oauth-routes';
import { pickRequester } from './plant-service-request-generator';
import { fileServiceRequest } from './plant-service-requests';
import { plantRoutes, type PlantRoute, type PlantState } from './plant-state';
import { isoSeconds } from './plant-time';
import type { SeededRandom } from './seeded-random';
import type { TokenRegistry } from './token-registry';
import { deleteRecords, touchRecords } from './upstream-edits';
import { webhookFaultsSchema, webhookTargetSchema, type WebhookDispatcher } from './webhook-dispatcher';
import type { WriteLog } from './write-log';
import { live, type WriteRecord } from './write-records';

const controlMutateSchema = z.object({
  entity: z.literal('work-orders'),
  count: z.number().int().min(1).max(10_000),
});

const routeSchema = z.enum(Object.keys(plantRoutes) as [PlantRoute, ...PlantRoute[]]);
const controlTouchSchema = z.object({ route: routeSchema, count: z.number().int().min(1).max(10_000) });
const controlDeleteSchema = controlTouchSchema.extend({ hard: z.boolean().default(false) });

const credentialsChangedSchema = z.object({ changed: z.boolean() });

/** A problem reported at the plant: the equipment and what is wrong, and optionally who reports it and how bad it is. */
const controlServiceRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(500),
    assetKey: z.string().min(1).max(100),
    description: z.string().max(10_000).optional(),
    severity: z.enum(demoPlantSeverities).optional(),
    userRequestedKey: z.string().min(1).max(100).optional(),
  })
  .strict();

export interface ControlRoutesOptions {
  state: PlantState;
  faults: FaultInjector;
  tokens: TokenRegistry;
  writes: WriteLog;
  webhooks: WebhookDispatcher;
  activity: SeededRandom;
  now: () => number;
}

/** The test API under /__control/ (see this folder's README, "Control API"); only the admin token reaches it. */
export function controlRoutes({ state, faults, tokens, writes, webhooks, activity, now }: ControlRoutesOptions) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const action = `${req.method} ${url.pathname}`;
    if (action === 'GET /__control/stats') return sendJson(res, 200, state.stats());
    if (action === 'POST /__control/mutate') {
      const body = controlMutateSchema.safeParse(await readJsonBody(req));
      if (!body.success) return sendJson(res, 400, { error: 'body must be {"entity":"work-orders","count":1..10000}' });
      return sendJson(res, 200, { keys: state.advanceWorkOrders(body.data.count, activity, now()) });
    }
    if (action === 'POST /__control/touch') {
      const body = controlTouchSchema.safeParse(await readJsonBody(req));
      if (!body.success) return sendJson(res, 400, { error: z.prettifyError(body.error) });
      return sendJson(res, 200, { keys: touchRecords(state, plantRoutes[body.data.route], body.data.count, activity, now()) });
    }
    if (action === 'POST /__control/delete') {
      const body = controlDeleteSchema.safeParse(await readJsonBody(req));
      if (!body.success) return sendJson(res, 400, { error: z.prettifyError(body.error) });
      const { route, count, hard } = body.data;
      return sendJson(res, 200, { keys: deleteRecords(state, plantRoutes[route], count, hard, activity, now()) });
    }
    if (action === 'POST /__control/faults') {
      const body = faultRuleSchema.safeParse(await readJsonBody(req));
      if (!body.success) return sendJson(res, 400, { error: z.prettifyError(body.error) });
      faults.add(body.data);
      return sendJson(res, 200, { pending: faults.pending() });
    }
    if (action === 'DELETE /__control/faults') {
      faults.clear();
      return sendJson(res, 200, { pending: 0 });
    }
    if (action === 'GET /__control/writes') return sendJson(res, 200, writes.snapshot());
    if (action === 'DELETE /__control/writes') {
      writes.clear();
      return sendJson(res, 200, writes.snapshot());
    }
    if (action === 'GET /__control/webhooks') return sendJson(res, 200, { webhooks: webhooks.list(), faults: webhooks.getFaults() });
    if (action === 'POST /__control/webhooks') {
      const body = webhookTargetSchema.safeParse(await readJsonBody(req));
      if (!body.success) return sendJson(res, 400, { error: z.prettifyError(body.error) });
      return sendJson(res, 200, webhooks.subscribe(body.data));
    }
    if (action === 'DELETE /__control/webhooks') return sendJson(res, 200, { removed: await webhooks.clear() });
    if (action === 'GET /__control/webhook-faults') return sendJson(res, 200, webhooks.getFaults());
    if (action === 'POST /__control/webhook-faults') {
      const body = webhookFaultsSchema.safeParse(await readJsonBody(req));
      if (!body.success) return sendJson(res, 400, { error: z.prettifyError(body.error) });
      return sendJson(res, 200, webhooks.setFaults(body.data));
    }
    if (action === 'DELETE /__control/webhook-faults') return sendJson(res, 200, webhooks.setFaults(webhookFaultsSchema.parse({})));
    if (action === 'POST /__control/tokens') return sendJson(res, 200, makiniTokenResponse(tokens.issuePair()), { 'cache-control': 'no-store' });
    if (action === 'POST /__control/service-requests') {
      const body = controlServiceRequestSchema.safeParse(await readJsonBody(req));
      if (!body.success) return sendJson(res, 400, { error: z.prettifyError(body.error) });
      const { title, assetKey, description, severity, userRequestedKey } = body.data;
      const asset = live(state, 'assets', assetKey);
      if (!asset) return sendJson(res, 400, { error: `assetKey: no asset with key "${assetKey}"` });
      let requester = userRequestedKey === undefined ? undefined : live(state, 'users', userRequestedKey);
      if (userRequestedKey !== undefined && !requester) return sendJson(res, 400, { error: `userRequestedKey: no user with key "${userRequestedKey}"` });
      // Nobody named: someone who works where the equipment is, as likely office staff as a technician.
      const users = state.collections.users.live().filter((user) => user.isActive !== false);
      if (!requester && users.length === 0) return sendJson(res, 400, { error: 'userRequestedKey: the plant has no active user to report it; name one' });
      requester ??= pickRequester(activity, users, String(asset.siteKey)) as WriteRecord;
      const request = fileServiceRequest(state, { title, description, requester, asset, severity: severity ?? 'Medium' }, isoSeconds(now()));
      return sendJson(res, 200, { data: request });
    }
    if (action === 'POST /__control/credentials-changed') {
      const body = credentialsChangedSchema.safeParse(await readJsonBody(req));
      if (!body.success) return sendJson(res, 400, { error: 'body must be {"changed":true|false}' });
      tokens.setCredentialsChanged(body.data.changed);
      return sendJson(res, 200, { changed: tokens.credentialsChanged() });
    }
    return sendJson(res, 404, { error: `unknown control action ${action}` });
  };
}
