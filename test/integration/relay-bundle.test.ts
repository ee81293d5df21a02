// The relay as the container runs it: the one-file bundle (dist/relay/relay.mjs, what
// build/relay/Dockerfile copies) under plain `node`, with no node_modules beside it.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist', 'relay', 'relay.mjs'))) execFileSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')], { cwd: root });
  dir = mkdtempSync(path.join(tmpdir(), 'millwright-relay-bundle-'));
  // Alone in a folder, as in the image: nothing to resolve packages from.
  copyFileSync(path.join(root, 'dist', 'relay', 'relay.mjs'), path.join(dir, 'relay.mjs'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(dir, 'relay.mjs'), ...args, '--dir', path.join(dir, 'data')], { cwd: dir, env: { ...process.env, RELAY_WEBHOOK_SECRET: 'bundle-test-secret-0123' }, encoding: 'utf8' });

it('administers, serves, stores a signed delivery and answers a desktop token test from the bundle alone', async () => {
  expect(run('add-connection', 'north-mill')).toContain('/webhooks/north-mill');
  const token = run('issue-token', 'desk-1', '--connection', 'north-mill').trim().split('\n').at(-1)!;
  expect(token).toMatch(/^mwr_desk-1\./);
  expect(run('list')).toContain('desktop desk-1 → north-mill');

  const child = spawn(process.execPath, [path.join(dir, 'relay.mjs'), 'serve', '--port', '0', '--dir', path.join(dir, 'data')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /relay listening on (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', () => reject(new Error(`the bundle exited:\n${output}`)));
    });
    const body = JSON.stringify({ event: 'work-orders.updated', data: { key: 'wo-1' } });
    const signature = createHmac('sha256', 'bundle-test-secret-0123').update(body).digest('base64');
    const stored = await fetch(`${url}/webhooks/north-mill`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-signature': signature }, body });
    expect(stored.status).toBe(200);
    const ping = await fetch(`${url}/desktop/ping`, { headers: { authorization: `Bearer ${token}` } });
    expect(await ping.json()).toEqual({ connection: 'north-mill', desktop: 'desk-1', pending: 1 });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}, 60_000);
