import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

/**
 * A real NATS JetStream cluster for tests: N `nats-server` processes (3 by default) on free
 * loopback ports, each with its own config file and store directory in a temporary folder. A node
 * can be SIGKILLed and restarted on the same ports and store, as a machine that crashed and came
 * back. Each node's output goes to `<dir>/<name>.log`, quoted when the cluster fails to start.
 */

export const natsServerMissing = 'nats-server is not installed: apt-get install -y nats-server';

/** The `nats-server` binary on PATH (or Debian's /usr/sbin/nats-server), or null when there is none. */
export function natsServerPath(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/sbin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

interface NatsNode {
  name: string;
  clientPort: number;
  clusterPort: number;
  monitorPort: number;
  config: string;
  log: string;
  process: ChildProcess | null;
}

const readyTimeoutMs = 30_000;

export class NatsCluster {
  private stopped = false;

  private constructor(
    /** The temporary folder holding every node's config, store and log; removed by stop(). */
    readonly dir: string,
    private readonly binary: string,
    private readonly nodes: NatsNode[],
  ) {}

  /** Starts the cluster and resolves once every node is up and JetStream has a meta leader. */
  static async start(size = 3): Promise<NatsCluster> {
    const binary = natsServerPath();
    if (!binary) throw new Error(natsServerMissing);
    const dir = mkdtempSync(path.join(tmpdir(), 'millwright-nats-'));
    const ports = await freePorts(size * 3);
    const names = Array.from({ length: size }, (_, i) => `n${i + 1}`);
    const clusterPorts = names.map((_, i) => ports[size + i]!);
    const nodes = names.map((name, i): NatsNode => {
      const node = {
        name,
        clientPort: ports[i]!,
        clusterPort: clusterPorts[i]!,
        monitorPort: ports[2 * size + i]!,
        config: path.join(dir, `${name}.conf`),
        log: path.join(dir, `${name}.log`),
        process: null,
      };
      const storeDir = path.join(dir, name);
      mkdirSync(storeDir);
      writeFileSync(node.config, nodeConfig(node, storeDir, clusterPorts));
      return node;
    });
    const cluster = new NatsCluster(dir, binary, nodes);
    try {
      for (const node of nodes) cluster.spawn(node);
      await Promise.all(nodes.map((node) => cluster.waitHealthy(node)));
      await cluster.waitForMetaLeader();
      return cluster;
    } catch (error) {
      const logs = nodes.map((node) => `--- ${node.name}\n${readLog(node.log)}`).join('\n');
      await cluster.stop();
      throw new Error(`The NATS cluster did not start: ${String(error)}\n${logs}`, { cause: error });
    }
  }

  /** The client URL of every node. */
  get urls(): string[] {
    return this.nodes.map((node) => `nats://127.0.0.1:${node.clientPort}`);
  }

  /** SIGKILLs node `i` and resolves once it has exited. */
  async kill(i: number): Promise<void> {
    const node = this.node(i);
    const child = node.process;
    node.process = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** Starts node `i` again on its ports and store and resolves once it reports itself healthy (JetStream caught up). */
  async restart(i: number): Promise<void> {
    const node = this.node(i);
    if (node.process) throw new Error(`${node.name} is running`);
    this.spawn(node);
    await this.waitHealthy(node);
  }

  /** Kills every node and removes the folder. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all(this.nodes.map((_, i) => this.kill(i)));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private node(i: number): NatsNode {
    const node = this.nodes[i];
    if (!node) throw new Error(`There is no node ${i} in a cluster of ${this.nodes.length}.`);
    return node;
  }

  private spawn(node: NatsNode): void {
    const child = spawn(this.binary, ['-c', node.config], { stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(node.log, { flags: 'a' });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    node.process = child;
  }

  /** Polls the node's /healthz (which in 2.9 also waits for its JetStream streams to be current). */
  private async waitHealthy(node: NatsNode): Promise<void> {
    await poll(`${node.name} to be healthy`, async () => {
      if (!node.process || node.process.exitCode !== null) throw new Error(`${node.name} exited (code ${node.process?.exitCode})`);
      const response = await fetch(`http://127.0.0.1:${node.monitorPort}/healthz`);
      return response.ok;
    });
  }

  private async waitForMetaLeader(): Promise<void> {
    const nc = await connect({ servers: this.urls, timeout: 2_000 });
    try {
      await poll('a JetStream meta leader', async () => {
        const jsm = await jetstreamManager(nc, { timeout: 2_000 });
        await jsm.getAccountInfo();
        return true;
      });
    } finally {
      await nc.close();
    }
  }
}

function nodeConfig(node: NatsNode, storeDir: string, clusterPorts: number[]): string {
  const routes = clusterPorts.filter((port) => port !== node.clusterPort).map((port) => `nats-route://127.0.0.1:${port}`);
  return [
    `server_name: ${node.name}`,
    `listen: 127.0.0.1:${node.clientPort}`,
    `http: 127.0.0.1:${node.monitorPort}`,
    `jetstream {`,
    `  store_dir: ${JSON.stringify(storeDir)}`,
    `  max_memory_store: 64MB`,
    `  max_file_store: 1GB`,
    `}`,
    `cluster {`,
    `  name: millwright-test`,
    `  listen: 127.0.0.1:${node.clusterPort}`,
    `  routes: [${routes.join(', ')}]`,
    `}`,
    '',
  ].join('\n');
}

/** `count` distinct free loopback ports: all held open at once so none is handed out twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('No port was assigned.');
      ports.push(address.port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** Retries `check` (a failure counts as not yet) every 100 ms until it returns true; throws after the timeout with the last failure. */
async function poll(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + readyTimeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
      if (String(error).includes('exited')) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}
