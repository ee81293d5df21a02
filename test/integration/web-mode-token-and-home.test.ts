// Web mode as a user starts it (tsx electron/web-main.ts), against a real demo plant: how it takes
// the plant's access token, and how it keeps MILLWRIGHT_HOME and the secrets' key file private.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commandLineTokenWarning } from '../../electron/access-token-source';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';

const root = path.resolve(import.meta.dirname, '..', '..');
let plant: RunningDemoPlant;
let dir: string;

beforeAll(async () => {
  plant = await startDemoPlant({ seed: 12, sizes: { workOrders: 40 }, stateFile: null, changesPerMinute: 0 });
});
afterAll(async () => {
  await plant.close();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'millwright-web-token-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

interface WebModeRun {
  /** The address it printed, or null when it stopped before. */
  address: string | null;
  exitCode: number | null;
  stderr: string;
  /** The command lines of its processes (tsx and the node it starts) while it ran, as `ps` shows them. */
  commandLines: string[];
}

/** The process and its descendants, from /proc. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while the list was read.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** What `ps` shows as a process's command line; null if it has ended. */
function commandLineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/** Runs web mode; once it prints its address, reads its processes' command lines and stops it with SIGTERM. */
function runWebMode(args: string[], options: { env?: Record<string, string>; uid?: number } = {}): Promise<WebModeRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, MILLWRIGHT_HOME: path.join(dir, 'unused-home'), ...options.env };
  if (options.env?.MILLWRIGHT_TOKEN === undefined) delete env.MILLWRIGHT_TOKEN;
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'electron', 'web-main.ts'), ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  const run: WebModeRun = { address: null, exitCode: null, stderr: '', commandLines: [] };
  let stdout = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web mode neither started nor stopped within 45 s:\n${stdout}${run.stderr}`));
    }, 45_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const address = /Millwright \(web mode\) on (\S+)/.exec(stdout)?.[1];
      if (!address || run.address) return;
      run.address = address;
      run.commandLines = processTree(child.pid!).flatMap((pid) => commandLineOf(pid) ?? []);
      child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ ...run, exitCode });
    });
  });
}

const overPlant = () => ['--port', '0', '--no-schedule', '--history-days', 'all', '--base-url', plant.url];
const modeOf = (target: string) => statSync(target).mode & 0o7777;
const stackTrace = /\n\s+at /;

describe('web mode takes the access token off the command line', () => {
  it('from --token-file (the newline after it ignored): the plant accepts it, and no command line shows it', async () => {
    const tokenFile = path.join(dir, 'token');
    writeFileSync(tokenFile, `${plant.token}\n`, { mode: 0o600 });
    const run = await runWebMode([...overPlant(), '--ephemeral', '--token-file', tokenFile]);
    // A token the plant refuses stops web mode before it prints its address.
    expect(run.address, run.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    expect(run.commandLines.length).toBeGreaterThanOrEqual(2);
    expect(run.commandLines.filter((line) => line.includes(`--token-file ${tokenFile}`))).not.toEqual([]);
    for (const line of run.commandLines) expect(line).not.toContain(plant.token);
    expect(run.stderr).not.toContain('Warning');
  }, 60_000);

  it('from MILLWRIGHT_TOKEN: the plant accepts it, and no command line shows it', async () => {
    const run = await runWebMode([...overPlant(), '--ephemeral'], { env: { MILLWRIGHT_TOKEN: plant.token } });
    expect(run.address, run.stderr).not.toBeNull();
    expect(run.commandLines.length).toBeGreaterThanOrEqual(2);
    for (const line of run.commandLines) expect(line).not.toContain(plant.token);
    expect(run.stderr).not.toContain('Warning');
  }, 60_000);

  it('still from --token, which every command line then shows: with a warning saying so', async () => {
    const run = await runWebMode([...overPlant(), '--ephemeral', '--token', plant.token]);
    expect(run.address, run.stderr).not.toBeNull();
    expect(run.commandLines.some((line) => line.includes(plant.token))).toBe(true);
    expect(run.stderr).toContain(commandLineTokenWarning);
  }, 60_000);

  it('from one source only, and says so plainly (exit 2, no stack trace) when given two or a file it cannot read', async () => {
    const tokenFile = path.join(dir, 'token');
    writeFileSync(tokenFile, `${plant.token}\n`, { mode: 0o600 });
    const twice = await runWebMode([...overPlant(), '--ephemeral', '--token-file', tokenFile], { env: { MILLWRIGHT_TOKEN: plant.token } });
    expect(twice).toMatchObject({ address: null, exitCode: 2 });
    expect(twice.stderr).toContain('Give the access token one way only; got --token-file and MILLWRIGHT_TOKEN.');
    expect(twice.stderr).not.toMatch(stackTrace);

    // Root reads every file, so the tests run web mode as another user then; otherwise the file is made unreadable.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(dir, 0o755);
    else chmodSync(tokenFile, 0o000);
    const unreadable = await runWebMode([...overPlant(), '--ephemeral', '--token-file', tokenFile], asRoot ? { uid: 65534 } : {});
    expect(unreadable).toMatchObject({ address: null, exitCode: 2 });
    expect(unreadable.stderr.trim()).toBe(`--token-file ${tokenFile} cannot be read: permission denied.`);
  }, 60_000);
});

describe('web mode keeps MILLWRIGHT_HOME to the user', () => {
  it('makes it and its folders 0700 and its files 0600, and makes a home or key file loosened later private again, saying so once', async () => {
    const home = path.join(dir, 'new', 'home');
    const env = { MILLWRIGHT_HOME: home, MILLWRIGHT_TOKEN: plant.token };
    const first = await runWebMode(overPlant(), { env });
    expect(first.address, first.stderr).not.toBeNull();
    for (const folder of ['', 'logs', 'demo-plants', 'webhooks']) expect(modeOf(path.join(home, folder)), folder || 'home').toBe(0o700);
    for (const file of ['secret.key', 'settings.json', 'logs/web-mode.log']) expect(modeOf(path.join(home, file)), file).toBe(0o600);
    expect(first.stderr).not.toContain('open to other users');
    const key = readFileSync(path.join(home, 'secret.key'));

    chmodSync(home, 0o755);
    chmodSync(path.join(home, 'secret.key'), 0o644);
    const second = await runWebMode(overPlant(), { env });
    expect(second.address, second.stderr).not.toBeNull();
    const said = [
      `The Millwright home (MILLWRIGHT_HOME) ${home} was open to other users (mode 0755); Millwright made it private (mode 0700).`,
      `The key file ${path.join(home, 'secret.key')} was open to other users (mode 0644); Millwright made it private (mode 0600).`,
    ];
    const log = readFileSync(path.join(home, 'logs', 'web-mode.log'), 'utf8');
    for (const note of said) {
      expect(second.stderr).toContain(note);
      expect(log).toContain(note);
    }
    expect(modeOf(home)).toBe(0o700);
    expect(modeOf(path.join(home, 'secret.key'))).toBe(0o600);
    expect(readFileSync(path.join(home, 'secret.key'))).toEqual(key);

    const third = await runWebMode(overPlant(), { env });
    expect(third.address, third.stderr).not.toBeNull();
    expect(third.stderr).not.toContain('open to other users');
  }, 120_000);

  it('refuses a key file of the wrong length, leaving it as it is for the user to put right', async () => {
    const home = path.join(dir, 'home');
    const first = await runWebMode(overPlant(), { env: { MILLWRIGHT_HOME: home, MILLWRIGHT_TOKEN: plant.token } });
    expect(first.address, first.stderr).not.toBeNull();
    const keyFile = path.join(home, 'secret.key');
    writeFileSync(keyFile, readFileSync(keyFile).subarray(0, 20));

    const run = await runWebMode(overPlant(), { env: { MILLWRIGHT_HOME: home, MILLWRIGHT_TOKEN: plant.token } });
    expect(run).toMatchObject({ address: null, exitCode: 1 });
    expect(run.stderr).toContain(`Web mode could not start: The key file ${keyFile} holds 20 bytes, not the 32 of a Millwright key`);
    expect(run.stderr).not.toMatch(stackTrace);
    expect(readFileSync(keyFile)).toHaveLength(20);
  }, 60_000);
});
