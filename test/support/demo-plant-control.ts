import type { FaultRule } from '../../electron/demo-plant/fault-injector';

/** Calls the demo plant's control API the way an external test tool would: over HTTP. */
export function demoPlantControl(url: string, token: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}/__control/${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`control ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  return {
    stats: () => call('GET', 'stats') as Promise<{ counts: Record<string, number>; workOrdersByStatus: Record<string, number> }>,
    advanceWorkOrders: async (count: number) => ((await call('POST', 'mutate', { entity: 'work-orders', count })) as { keys: string[] }).keys,
    /** Edits `count` random records of an API route (e.g. 'assets') as someone upstream would. */
    touch: async (route: string, count: number) => ((await call('POST', 'touch', { route, count })) as { keys: string[] }).keys,
    /** Deletes `count` random records of an API route: soft (deletedAt) or hard (purged, seen only by a full re-sync). */
    deleteRecords: async (route: string, count: number, hard = false) => ((await call('POST', 'delete', { route, count, hard })) as { keys: string[] }).keys,
    injectFault: (rule: Partial<FaultRule>) => call('POST', 'faults', rule),
    clearFaults: () => call('DELETE', 'faults'),
    /** Has the plant send its webhooks to `url`, signed with `secret`. */
    subscribeWebhook: (url: string, secret: string, scheme: 'makini' | 'standard' = 'makini') => call('POST', 'webhooks', { url, secret, scheme }),
    /** Removes every webhook target: nothing more is sent to them. */
    clearWebhooks: () => call('DELETE', 'webhooks'),
    webhooks: () => call('GET', 'webhooks') as Promise<{ webhooks: { url: string; stats: { deliveries: number; sent: number; failed: number } }[] }>,
  };
}
