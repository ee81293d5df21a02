// `npm run demo-plant` keeps its state in the Millwright home by default: that home is private too.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'millwright-plant-home-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the demo-plant CLI on MILLWRIGHT_HOME=home, stops it once it listens, and answers what it wrote to stderr. */
function runDemoPlant(home: string): Promise<string> {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'electron', 'demo-plant-main.ts'), '--port', '0', '--work-orders', '20', '--changes-per-minute', '0'], {
    cwd: root,
    env: { ...process.env, MILLWRIGHT_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the demo plant did not start within 45 s:\n${stdout}${stderr}`));
    }, 45_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('listening on')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (stdout.includes('listening on')) resolve(stderr);
      else reject(new Error(`the demo plant exited with ${code}:\n${stdout}${stderr}`));
    });
  });
}

const modeOf = (target: string) => statSync(target).mode & 0o7777;

describe('the demo-plant CLI with its default state file', () => {
  it('makes the Millwright home and its state folder 0700, and a home loosened later private again, saying so', async () => {
    const home = path.join(dir, 'home');
    expect(await runDemoPlant(home)).not.toContain('open to other users');
    expect(modeOf(home)).toBe(0o700);
    expect(modeOf(path.join(home, 'demo-plant'))).toBe(0o700);

    chmodSync(home, 0o750);
    expect(await runDemoPlant(home)).toContain(`The Millwright home (MILLWRIGHT_HOME) ${home} was open to other users (mode 0750); Millwright made it private (mode 0700).`);
    expect(modeOf(home)).toBe(0o700);
  }, 120_000);
});
