import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const specDir = path.resolve(root, '..', 'shared', 'makini-api');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Makini's published spec as one document: `oas3_eam.json` (the lists) with the paths and
 * components of `oas3_system.json` (`/api/integrations/current`, which the app asks first). The two
 * share no component names, so nothing is overwritten. Written to a temporary file.
 */
export function writeMergedSpec(): { file: string; remove: () => void } {
  const eam = JSON.parse(readFileSync(path.join(specDir, 'oas3_eam.json'), 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
  const system = JSON.parse(readFileSync(path.join(specDir, 'oas3_system.json'), 'utf8')) as typeof eam;
  const merged = { ...eam, paths: { ...eam.paths, ...system.paths }, components: { ...eam.components } };
  for (const [kind, entries] of Object.entries(system.components ?? {})) {
    merged.components[kind] = { ...(eam.components?.[kind] as Record<string, unknown> | undefined), ...(entries as Record<string, unknown>) };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'millwright-prism-'));
  const file = path.join(dir, 'makini.json');
  writeFileSync(file, JSON.stringify(merged));
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningPrism {
  url: string;
  stop(): Promise<void>;
}

/**
 * Stoplight Prism mocking `specFile`: static (the spec's examples) or dynamic (`-d`: answers made
 * up from the schemas, deterministic for one `seed`). `--errors false`: the spec's own examples
 * break its schemas, and with errors on Prism answers those lists with a 500 instead.
 */
export function startPrism(specFile: string, options: { dynamic?: boolean; seed?: string } = {}): Promise<RunningPrism> {
  return freePort().then(
    (port) =>
      new Promise<RunningPrism>((resolve, reject) => {
        const args = ['mock', '--errors', 'false', '-p', String(port), '-h', '127.0.0.1'];
        if (options.dynamic) args.push('-d', ...(options.seed ? ['--seed', options.seed] : []));
        const child: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', 'prism'), [...args, specFile], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        let started = false;
        const stop = () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          });
        const fail = (reason: string) => {
          if (started) return;
          clearTimeout(timer);
          child.kill('SIGKILL');
          reject(new Error(`${reason}; Prism's output:\n${output.slice(-4000)}`));
        };
        const timer = setTimeout(() => fail('Prism did not start within 30 s'), 30_000);
        // Both streams are read to the end, or a full pipe would stall Prism's logging.
        const onData = (chunk: Buffer) => {
          if (started) return;
          output += chunk.toString();
          const listening = output.match(/Prism is listening on (http:\/\/\S+)/);
          if (listening) {
            started = true;
            clearTimeout(timer);
            resolve({ url: listening[1]!, stop });
          }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('error', (error) => fail(`Prism could not be started: ${error.message}`));
        child.once('exit', (code) => fail(`Prism exited with ${code}`));
      }),
  );
}

export interface RecordedAnswer {
  path: string;
  status: number;
  body: unknown;
}

/**
 * A pass-through proxy in front of `target` that keeps every answer it relays (parsed as JSON where
 * it is), so a test knows exactly what the app was sent, even from a dynamic mock that never sends
 * the same thing twice.
 */
export async function startRecordingProxy(target: string): Promise<{ url: string; answers: RecordedAnswer[]; stop: () => Promise<void> }> {
  const answers: RecordedAnswer[] = [];
  const upstream = new URL(target);
  const server: Server = createHttpServer((incoming, outgoing) => {
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const bytes = Buffer.concat(chunks);
          let body: unknown = null;
          try {
            body = JSON.parse(bytes.toString('utf8'));
          } catch {
            body = bytes.toString('utf8');
          }
          answers.push({ path: new URL(incoming.url ?? '/', 'http://proxy').pathname, status: answer.statusCode ?? 0, body });
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          outgoing.end(bytes);
        });
        answer.on('error', () => outgoing.destroy());
      },
    );
    forward.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answers,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
