import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// scripts/start.mjs (`npm start`) runs here as a child process in a throwaway project: its own
// copy of the script, a package.json whose build only leaves a mark, and Electron's real npm
// package (index.js, install.js and @electron/get) with only its engines field rewritten, so the
// decisions are taken by the script and Electron's own code, not by mocks. Downloads go to a
// mirror on a closed local port; a launch goes to a stand-in binary named by Electron's own
// ELECTRON_OVERRIDE_DIST_PATH.

const repo = path.resolve(import.meta.dirname, '../..');
const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
const projects: string[] = [];

afterEach(() => {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project with the start script and, unless `electronEngines` is null, Electron's package requiring that Node. */
function project(electronEngines: string | null): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'millwright-start-')));
  projects.push(dir);
  mkdirSync(path.join(dir, 'scripts'));
  copyFileSync(path.join(repo, 'scripts', 'start.mjs'), path.join(dir, 'scripts', 'start.mjs'));
  const build = `node -e "require('fs').writeFileSync('built.txt', '')"`;
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'start-script-probe', private: true, scripts: { build } }));
  if (electronEngines === null) return dir;
  const electron = path.join(dir, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  for (const file of ['index.js', 'install.js', 'checksums.json']) copyFileSync(path.join(repo, 'node_modules', 'electron', file), path.join(electron, file));
  const pkg = JSON.parse(readFileSync(path.join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(electron, 'package.json'), JSON.stringify({ ...pkg, engines: { node: electronEngines } }));
  symlinkSync(path.join(repo, 'node_modules', '@electron'), path.join(dir, 'node_modules', '@electron'), 'dir');
  return dir;
}

/** A stand-in Electron binary in its own folder: notes where it ran, whether the build came first, and its arguments. */
function standInElectron(dir: string, exitCode: number): string {
  const dist = path.join(dir, 'electron-dist');
  mkdirSync(dist);
  const script = `#!/bin/sh\n{ pwd; [ -f built.txt ] && echo built-first; printf '%s\\n' "$@"; } > "${dist}/launched.txt"\nexit ${exitCode}\n`;
  writeFileSync(path.join(dist, 'electron'), script);
  chmodSync(path.join(dist, 'electron'), 0o755);
  return dist;
}

function start(dir: string, env: Record<string, string> = {}, args: string[] = []) {
  const inherited = { ...process.env };
  delete inherited.ELECTRON_OVERRIDE_DIST_PATH; // a developer's own Electron build must not stand in for the test's
  return spawnSync(process.execPath, [path.join(dir, 'scripts', 'start.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 25_000, // under the test's own 30 s: a blocked spawnSync would hold Vitest's timer too
    env: { ...inherited, ELECTRON_MIRROR: 'http://127.0.0.1:1/', electron_config_cache: path.join(dir, 'electron-cache'), ...env },
  });
}

/** What the script said on stderr: exactly one line, with no stack trace. */
function oneSentence(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

describe('npm start (scripts/start.mjs)', () => {
  it('stops before building on a Node older than Electron needs, naming both versions and web mode', () => {
    const dir = project(`>= ${major}.${minor + 1}.0`);
    const result = start(dir);
    expect(result.status).toBe(1);
    const said = oneSentence(result.stderr);
    expect(said).toContain(`needs Node ${major}.${minor + 1}.0 or newer and this is Node ${process.versions.node}`);
    expect(said).toContain('`npm run web` gives the same app in a browser');
    expect(existsSync(path.join(dir, 'built.txt'))).toBe(false);
  });

  it('says so rather than guess when it cannot read the Node version Electron needs', () => {
    const result = start(project('^22.12.0'));
    expect(result.status).toBe(1);
    expect(oneSentence(result.stderr)).toMatch(/^Cannot tell which Node version Electron \S+ needs \(its engines.node is "\^22.12.0"\); `npm run web`/);
  });

  it('says in one sentence that Electron could not be downloaded, and why, before building', () => {
    const dir = project('>= 18.0.0');
    const result = start(dir);
    expect(result.status).toBe(1);
    const said = oneSentence(result.stderr);
    expect(said).toMatch(/^Electron \d+\.\d+\.\d+ could not be found or downloaded \(fetch failed\), so the desktop app cannot start here; /);
    expect(said).toContain('`npm run web`');
    expect(existsSync(path.join(dir, 'built.txt'))).toBe(false);
  });

  it('on exactly the Node Electron needs, builds and then launches Electron on the project with the arguments given', () => {
    const dir = project(`>= ${process.versions.node}`);
    const dist = standInElectron(dir, 0);
    const result = start(dir, { ELECTRON_OVERRIDE_DIST_PATH: dist }, ['--enable-logging']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dist, 'launched.txt'), 'utf8').trim().split('\n')).toEqual([dir, 'built-first', '.', '--enable-logging']);
  });

  it("hands on Electron's own exit code when it fails, saying so in one sentence", () => {
    const dir = project('>= 18.0.0');
    const result = start(dir, { ELECTRON_OVERRIDE_DIST_PATH: standInElectron(dir, 3) });
    expect(result.status).toBe(3);
    expect(oneSentence(result.stderr)).toMatch(/^Electron \S+ stopped with exit code 3 \(its own messages are above\); `npm run web`/);
  });

  it('says so when the binary Electron names is not there', () => {
    const dir = project('>= 18.0.0');
    const empty = path.join(dir, 'no-electron-here');
    mkdirSync(empty);
    const result = start(dir, { ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(result.status).toBe(1);
    expect(oneSentence(result.stderr)).toContain(`could not be started (there is no program at ${path.join(empty, 'electron')}); \`npm run web\``);
  });

  it('asks for npm install when Electron is not installed', () => {
    const result = start(project(null));
    expect(result.status).toBe(1);
    expect(oneSentence(result.stderr)).toBe('Electron is not installed in this checkout: run `npm install` first.');
  });
});
