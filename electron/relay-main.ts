// `npm run relay -- <command> [options]`: the webhook relay (electron/relay) and its administration.
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FileLogger } from './core/logging/logger';
import { JetStreamRelayStore } from './relay/jetstream-relay-store';
import { JournalRelayStore } from './relay/journal-relay-store';
import { addRelayConnection, issueDesktopToken, readRelayConfig, RelayConfig, revokeDesktop } from './relay/relay-config';
import { RelayServer } from './relay/relay-server';
import type { RelayStore } from './relay/relay-store';

const usage = `Usage: npm run relay -- <command> [options]

Commands:
  serve                          run the relay
  add-connection <id>            take webhooks for a connection: POST /webhooks/<id>
                                 (its secret from --secret-file <file> or $RELAY_WEBHOOK_SECRET)
  issue-token <desktop> --connection <id>
                                 issue a desktop's token (printed once; a new one replaces the old)
  revoke <desktop>               the desktop's token stops working
  list                           connections and desktops (never secrets or tokens)

Options:
  --dir <path>                   data folder: configuration and the embedded store
                                 (default $MILLWRIGHT_RELAY_DIR, else ./relay-data)
serve:
  --host <address>               default 127.0.0.1; 0.0.0.0 for every interface
  --port <n>                     default 8443 (0 picks a free one)
  --tls-cert <file> --tls-key <file>
                                 serve HTTPS with this certificate and key (PEM)
  --behind-proxy                 serve plain HTTP beyond loopback: a proxy in front terminates TLS
  --nats <url[,url…]>            store in NATS JetStream instead of the data folder (several relays share it)
  --deployment <name>            the JetStream stream's name (default "millwright")
  --replicas <n>                 JetStream replicas (default 1; 3 on a 3-node cluster)
  --ack-wait-seconds <n>         JetStream: a delivery sent to a desktop through an instance that then
                                 stops goes to the desktop again after this long (default 30)
  --retention-days <n>           keep deliveries for desktops that stay away this long (default 7)`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function parse() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
      options: {
        dir: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'behind-proxy': { type: 'boolean' },
        nats: { type: 'string' },
        deployment: { type: 'string' },
        replicas: { type: 'string' },
        'ack-wait-seconds': { type: 'string' },
        'retention-days': { type: 'string' },
        'secret-file': { type: 'string' },
        connection: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${usage}`);
  }
}

function whole(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) fail(`--${name} takes a whole number from ${min} to ${max}; got "${raw}".`);
  return Number(raw);
}

const { values, positionals } = parse();
const [command, name, ...extra] = positionals;
if (extra.length > 0) fail(`Unexpected "${extra.join(' ')}".\n\n${usage}`);
const dir = path.resolve(values.dir ?? process.env.MILLWRIGHT_RELAY_DIR ?? 'relay-data');
const configFile = path.join(dir, 'relay-config.json');

function prepareDir(): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // It holds webhook secrets and token hashes: the relay's user alone.
  chmodSync(dir, 0o700);
}

async function serve(): Promise<void> {
  prepareDir();
  const logger = new FileLogger(path.join(dir, 'relay.log'));
  const retentionMs = whole(values['retention-days'], 'retention-days', 7, 1, 365) * 24 * 60 * 60 * 1000;
  const config = new RelayConfig(configFile);
  for (const connection of Object.values(readRelayConfig(configFile).connections)) logger.addSecret(connection.secret);
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) fail('--tls-cert and --tls-key go together.');
  const tls = values['tls-cert'] && values['tls-key'] ? { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']) } : undefined;
  const store: RelayStore = values.nats
    ? await JetStreamRelayStore.open({
        servers: values.nats.split(','),
        deployment: values.deployment ?? 'millwright',
        replicas: whole(values.replicas, 'replicas', 1, 1, 5),
        ackWaitMs: whole(values['ack-wait-seconds'], 'ack-wait-seconds', 30, 1, 3600) * 1000,
        retentionMs,
        logger,
      })
    : await JournalRelayStore.open(path.join(dir, 'journal'), { retentionMs, desktops: () => config.desktops(), logger });
  let server: RelayServer;
  try {
    server = await RelayServer.start({
      secretFor: (id) => config.secretFor(id),
      desktopFor: (token) => config.desktopFor(token),
      store,
      host: values.host ?? '127.0.0.1',
      port: whole(values.port, 'port', 8443, 0, 65535),
      ...(tls ? { tls } : {}),
      behindProxy: values['behind-proxy'] ?? false,
      logger,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  // NATS URLs may carry a user and password: only their hosts are printed.
  const natsHosts = values.nats?.split(',').map((url) => (URL.canParse(url) ? new URL(url).host : 'a NATS server')).join(', ');
  console.log(`relay listening on ${server.url} (store: ${natsHosts ? `NATS JetStream at ${natsHosts}` : path.join(dir, 'journal')})`);
  const stop = () =>
    void server
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function webhookSecret(): string {
  const secret = values['secret-file'] ? readFileSync(values['secret-file'], 'utf8').trim() : process.env.RELAY_WEBHOOK_SECRET?.trim();
  if (!secret) fail("Give the connection's webhook secret (Makini's Webhooks page) in --secret-file <file> or $RELAY_WEBHOOK_SECRET.");
  return secret;
}

try {
  if (command === 'serve' && name === undefined) await serve();
  else if (command === 'add-connection' && name) {
    prepareDir();
    addRelayConnection(configFile, name, webhookSecret());
    console.log(`The relay takes webhooks for "${name}" at <relay address>/webhooks/${name}: register that URL with Makini.`);
  } else if (command === 'issue-token' && name) {
    if (!values.connection) fail('Say which connection the desktop collects for: --connection <id>.');
    prepareDir();
    const token = issueDesktopToken(configFile, name, values.connection);
    console.log(`Desktop token for "${name}" (shown once; paste it in Millwright's Settings, "Through a relay"):\n${token}`);
  } else if (command === 'revoke' && name) {
    console.log(revokeDesktop(configFile, name) ? `"${name}" can no longer collect webhooks.` : `The relay has no desktop "${name}".`);
  } else if (command === 'list' && name === undefined) {
    const config = readRelayConfig(configFile);
    for (const id of Object.keys(config.connections)) console.log(`connection ${id}`);
    for (const [id, desktop] of Object.entries(config.desktops)) console.log(`desktop ${id} → ${desktop.connectionId} (since ${new Date(desktop.registeredAt).toISOString()})`);
  } else fail(command === undefined ? usage : `"${positionals.join(' ')}" is not a relay command, or lacks its name.\n\n${usage}`);
} catch (error) {
  fail(`The relay could not ${command ?? 'start'}: ${(error as Error).message}`, 1);
}
