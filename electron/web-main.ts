// `npm run web -- [--port n] [--base-url url --token-file path] [demo plant options]`
import Conf from 'conf';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices, type AppServices } from './core/app-services';
import { ConnectionSettingsStore } from './core/connections/connection-settings-store';
import { DemoPlantHost } from './core/connections/demo-plant-host';
import { MemoryKeyValueStore, type KeyValueStore } from './core/connections/key-value-store';
import { KeyFileCipher } from './core/connections/secret-cipher';
import { SecretStore } from './core/connections/secret-store';
import { FileLogger } from './core/logging/logger';
import { startWebHost } from './core/web-host/web-host';
import { readAccessToken } from './access-token-source';
import { parseCommandLine, wholeNumber } from './cli-options';
import { millwrightHome, prepareMillwrightHome } from './millwright-home';
import packageJson from '../package.json' with { type: 'json' };

const usage = `Usage: npm run web -- [--port <n>] [--base-url <url> --token-file <path>] [options]
  --port <n>             port on 127.0.0.1 for the app (default 5173; 0 picks a free one)
  --base-url <url>       connect to this Makini-compatible API (instead of a first-run demo plant) ...
  --token-file <path>    ... with the access token in this file, or in the MILLWRIGHT_TOKEN environment variable (one of the two)
  --token <token>        the token itself (works, with a warning: every user of this machine can read it in ps)
  --history-days <n>     how far back its first sync reads work orders: 30, 60, 90 (default) or all
  --seed <n>             seed of the demo plant created on first run (default 1)
  --work-orders <n>      its number of work orders, 1..100000 (default 5000)
  --changes-per-minute <n>  how fast demo plants change (default 6; 0 keeps them still)
  --probe-seconds <n>    how often an upstream out of reach is tried again, 1..3600 (default 30)
  --no-schedule          no background syncs or health checks (syncs still run on opening and on demand)
  --webhook-port <n>     port of the webhook receiver (default 0: a free one)
  --webhook-host <addr>  address it listens on (default 127.0.0.1; naming another exposes it to that network)
  --webhook-tls-cert <file> --webhook-tls-key <file>   serve webhooks over HTTPS with this PEM certificate and key
  --ephemeral            keep nothing on disk: settings, secrets and demo plants live in memory
Settings, secrets (AES-256-GCM, key file beside them) and demo plants live in $MILLWRIGHT_HOME (default ~/.millwright),
a folder only you may open (0700; made so if it was not).`;
const values = parseCommandLine(usage, {
  port: { type: 'string' },
  'base-url': { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  'history-days': { type: 'string' },
  seed: { type: 'string' },
  'work-orders': { type: 'string' },
  'changes-per-minute': { type: 'string' },
  'probe-seconds': { type: 'string' },
  'no-schedule': { type: 'boolean' },
  'webhook-port': { type: 'string' },
  'webhook-host': { type: 'string' },
  'webhook-tls-cert': { type: 'string' },
  'webhook-tls-key': { type: 'string' },
  ephemeral: { type: 'boolean' },
});
const webhookPort = wholeNumber(values['webhook-port'], 'webhook-port', 0, { min: 0, max: 65535 });
if ((values['webhook-tls-cert'] === undefined) !== (values['webhook-tls-key'] === undefined)) {
  console.error(`--webhook-tls-cert and --webhook-tls-key go together.\n\n${usage}`);
  process.exit(2);
}
const port = wholeNumber(values.port, 'port', 5173, { min: 0, max: 65535 });
const seed = wholeNumber(values.seed, 'seed', 1, { min: 0, max: 2 ** 31 - 1 });
const workOrders = wholeNumber(values['work-orders'], 'work-orders', 5000, { min: 1, max: 100_000 });
const changesPerMinute = wholeNumber(values['changes-per-minute'], 'changes-per-minute', 6, { min: 0, max: 6000 });
const probeSeconds = wholeNumber(values['probe-seconds'], 'probe-seconds', 30, { min: 1, max: 3600 });
const historyDaysText = values['history-days'] ?? '90';
if (!['30', '60', '90', 'all'].includes(historyDaysText)) {
  console.error(`--history-days takes 30, 60, 90 or all; got "${historyDaysText}".`);
  process.exit(2);
}
const historyDays = historyDaysText === 'all' ? null : (Number(historyDaysText) as 30 | 60 | 90);
const accessToken = await readAccessToken({ token: values.token, tokenFile: values['token-file'], environment: process.env.MILLWRIGHT_TOKEN }).catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
if (accessToken?.warning) console.error(accessToken.warning);
if (values['base-url'] !== undefined && accessToken === null) {
  console.error(`--base-url needs an access token: --token-file <path> or the MILLWRIGHT_TOKEN environment variable.\n\n${usage}`);
  process.exit(2);
}
if (values['base-url'] === undefined && accessToken !== null) {
  console.error(`${accessToken.source} gives an access token, but there is no --base-url to use it with.\n\n${usage}`);
  process.exit(2);
}

const home = millwrightHome();
const ephemeral = values.ephemeral === true;
const folders = { logs: 'logs', demoPlants: 'demo-plants', webhooks: 'webhooks' };
let homeTightened: string | null = null;
try {
  if (!ephemeral) homeTightened = prepareMillwrightHome(home, Object.values(folders));
} catch (error) {
  console.error(`Web mode could not start: ${(error as Error).message}`);
  process.exit(1);
}
const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
const logger = new FileLogger(ephemeral ? null : path.join(home, folders.logs, 'web-mode.log'));
if (homeTightened) logger.warn(homeTightened);
const keyValues: KeyValueStore = ephemeral
  ? new MemoryKeyValueStore()
  : new Conf<Record<string, unknown>>({ cwd: home, configName: 'settings', configFileMode: 0o600 });

let services: AppServices | null = null;
const closers: (() => Promise<void> | void)[] = [];
try {
  const host = await startWebHost({ rendererDir, port, logger });
  closers.push(() => host.close());
  // A damaged key file is said as the reason web mode could not start.
  const secrets = new SecretStore(keyValues, new KeyFileCipher(ephemeral ? null : path.join(home, 'secret.key'), (message) => logger.warn(message)), logger);
  const tlsFiles = values['webhook-tls-cert'] === undefined ? null : [values['webhook-tls-cert'], values['webhook-tls-key']!];
  const tls = tlsFiles ? { cert: await readFile(tlsFiles[0]!), key: await readFile(tlsFiles[1]!) } : undefined;
  services = await createAppServices({
    transport: host.transport,
    shell: 'web',
    version: packageJson.version,
    settings: new ConnectionSettingsStore(keyValues, logger),
    secrets,
    demoPlants: new DemoPlantHost({ stateDir: ephemeral ? null : path.join(home, folders.demoPlants), changesPerMinute }),
    logger,
    // A Node host cannot open the user's browser where they sit; the page opens sign-in pages itself.
    openExternal: async () => false,
    schedule: values['no-schedule'] !== true,
    reachabilityIntervalMs: probeSeconds * 1000,
    webhooks: {
      dir: ephemeral ? await mkdtemp(path.join(os.tmpdir(), 'millwright-webhooks-')) : path.join(home, folders.webhooks),
      port: webhookPort,
      ...(values['webhook-host'] !== undefined ? { host: values['webhook-host'], allowNetwork: true } : {}),
      ...(tls ? { tls } : {}),
    },
    // A user who names an API has an account; the demo plant is for those who have not.
    ...(values['base-url'] === undefined ? { defaultDemoPlant: { seed, workOrders } } : {}),
  });
  closers.unshift(() => services!.dispose());
  if (values['base-url'] !== undefined && accessToken !== null) {
    const baseUrl = values['base-url'];
    const known = services.connections.list().find((c) => c.authMethod === 'token' && c.baseUrl === baseUrl.replace(/\/+$/, ''));
    const { token } = accessToken;
    // The token this home already holds for that API needs no check: started again where the
    // plant cannot be reached, web mode opens on the cache and syncs once it can.
    if (!known) await services.connections.connectWithToken({ baseUrl, token, historyDays });
    else if (secrets.get(known.id)?.accessToken !== token) await services.connections.reauthorize(known.id, token);
  }
  console.log(`Millwright (web mode) on ${host.url}`);
  if (services.webhooks) console.log(`Webhooks on ${services.webhooks.receiver.url}/webhooks/<connection id>`);
} catch (error) {
  console.error(`Web mode could not start: ${(error as Error).message}`);
  for (const close of closers) await close();
  process.exit(1);
}

const stop = async () => {
  for (const close of closers) await close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
