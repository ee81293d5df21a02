import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface RelayProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Resolves with the signal that ended it (null when it exited by itself). */
  exited: Promise<NodeJS.Signals | null>;
  /** Everything it printed so far. */
  output(): string;
  /** SIGKILLs it if it still runs, and waits for its end. */
  kill(): Promise<void>;
}

/**
 * `npm run relay -- serve <args>` as its own process, run as `node --import tsx` (the tsx wrapper
 * would run it in a grandchild that a SIGKILL misses); resolves once it listens.
 */
export async function startRelayProcess(args: string[]): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'relay-main.ts'), 'serve', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the relay did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /relay listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the relay exited:\n${output}`));
    });
  });
  return {
    child,
    url,
    port: Number(new URL(url).port),
    exited,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
