import type { FaultRule } from '../../electron/core/demo-plant/fault-injector';

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
    injectFault: (rule: Partial<FaultRule>) => call('POST', 'faults', rule),
    clearFaults: () => call('DELETE', 'faults'),
  };
}
