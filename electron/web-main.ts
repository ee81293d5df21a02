// `npm run web -- [--port n] [--base-url url --token token] [demo plant options]`
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices } from './core/app-services';
import type { ConnectionConfig } from './core/connections/connection-config';
import { startDemoPlant } from './core/demo-plant/demo-plant-server';
import { startWebHost } from './core/web-host/web-host';
import { demoPlantOptionSpecs, demoPlantSettings, demoPlantUsage, parseCommandLine, wholeNumber } from './cli-options';
import packageJson from '../package.json' with { type: 'json' };

const usage = `Usage: npm run web -- [--port <n>] [--base-url <url> --token <token>] [options]
  --port <n>          port on 127.0.0.1 for the app (default 5173; 0 picks a free one)
  --base-url <url>    a Makini-compatible API to use instead of the embedded demo plant
  --token <token>     its access token (required with --base-url)
  --sync-interval <s> seconds between background syncs (default 60; 0 turns them off)
${demoPlantUsage}`;
const values = parseCommandLine(usage, {
  port: { type: 'string' },
  'base-url': { type: 'string' },
  token: { type: 'string' },
  'sync-interval': { type: 'string' },
  ...demoPlantOptionSpecs,
});
const port = wholeNumber(values.port, 'port', 5173, { min: 0, max: 65535 });
const syncIntervalSeconds = wholeNumber(values['sync-interval'], 'sync-interval', 60, { min: 0, max: 86_400 });
if ((values['base-url'] === undefined) !== (values.token === undefined)) {
  console.error(`--base-url and --token go together.\n\n${usage}`);
  process.exit(2);
}
if (values['base-url'] !== undefined && !/^https?:\/\/[^\s]+$/.test(values['base-url'])) {
  console.error(`--base-url must be an http(s) URL; got "${values['base-url']}".`);
  process.exit(2);
}

const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
const closers: (() => Promise<void> | void)[] = [];
try {
  let connection: ConnectionConfig;
  if (values['base-url'] !== undefined) {
    connection = { id: 'makini', name: 'Makini', kind: 'makini', baseUrl: values['base-url'], token: values.token! };
  } else {
    const plant = await startDemoPlant(demoPlantSettings(values, 6));
    closers.push(() => plant.close());
    connection = { id: 'demo-plant', name: 'Demo plant', kind: 'demo', baseUrl: plant.url, token: plant.token };
    console.log(`demo plant on ${plant.url}`);
  }
  const host = await startWebHost({ rendererDir, port });
  closers.push(() => host.close());
  const services = createAppServices({
    connections: [connection],
    transport: host.transport,
    shell: 'web',
    version: packageJson.version,
    syncIntervalMs: syncIntervalSeconds * 1000,
  });
  closers.push(() => services.dispose());
  console.log(`Millwright (web mode) on ${host.url}`);
} catch (error) {
  console.error(`Web mode could not start: ${(error as Error).message}`);
  process.exit(1);
}

const stop = async () => {
  for (const close of closers.reverse()) await close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
