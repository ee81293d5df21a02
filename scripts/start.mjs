// `npm start`: builds Millwright and opens it in Electron. Where the desktop app cannot run here
// (a Node older than Electron needs, no Electron binary and no way to download one, a binary that
// will not start) it says what happened in one sentence and points at web mode, instead of ending
// in Electron's own stack trace. Plain Node, no dependencies: it must work before anything else does.
// test/unit/start-script.test.ts runs it in throwaway projects to check each of these decisions.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webMode = '`npm run web` gives the same app in a browser';

/** Ends with one sentence on stderr and a non-zero exit code: no stack trace for a known situation. */
function stop(sentence, exitCode = 1) {
  console.error(sentence);
  process.exit(exitCode);
}

/** Compares [major, minor, patch] from the left: the first part that differs decides. */
function isOlder(version, than) {
  for (let i = 0; i < 3; i++) if (version[i] !== than[i]) return version[i] < than[i];
  return false;
}

function readElectronPackage() {
  try {
    return JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  } catch {
    return stop('Electron is not installed in this checkout: run `npm install` first.');
  }
}

const electron = readElectronPackage();
const electronName = `Electron ${electron.version}`;

// Electron states what it needs as `>= x.y.z` in its engines field (45.x: >= 22.12.0). Reading it
// here keeps the check right when Electron is upgraded; a form this cannot read is said, not guessed.
const minimum = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(String(electron.engines?.node ?? '').trim());
if (!minimum) {
  stop(`Cannot tell which Node version ${electronName} needs (its engines.node is ${JSON.stringify(electron.engines?.node)}); ${webMode}.`);
}
const needed = minimum.slice(1, 4).map(Number);
const running = process.versions.node.split('.').map(Number);
if (isOlder(running, needed)) {
  stop(`${electronName} needs Node ${needed.join('.')} or newer and this is Node ${process.versions.node}, so the desktop app cannot start; ${webMode}.`);
}

// Electron's own module answers the binary's path, downloading it on first use; it throws (with a
// stack trace) when it cannot. Asked in a child, its failure becomes a reason in a sentence. The
// path comes back on a pipe of its own (fd 3), so the download's progress lines still reach the user.
const locate = spawnSync(process.execPath, ['-e', "require('fs').writeSync(3, require('electron'))"], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'pipe', 'pipe'],
  encoding: 'utf8',
});
const binary = locate.output?.[3] ?? '';
if (locate.status !== 0 || binary === '') {
  // The first error line is the cause (`TypeError: fetch failed` when there is no network); the
  // ones after it are the stack and Electron's generic "failed to install correctly".
  const stderr = locate.stderr ?? '';
  const firstError = /^\w*Error: (.+)$/m.exec(stderr)?.[1] ?? stderr.trim().split('\n')[0] ?? '';
  const reason = firstError === '' ? `exit code ${locate.status}` : firstError.replace(/\.$/, '');
  stop(`${electronName} could not be found or downloaded (${reason}), so the desktop app cannot start here; ${webMode}.`);
}

const npmCli = process.env.npm_execpath;
const build = npmCli
  ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
  : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1); // the build has said what failed

const app = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
let forwardedSignal = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    forwardedSignal = signal;
    app.kill(signal);
  });
}
app.on('error', (error) => {
  const reason =
    error.code === 'ENOENT' ? `there is no program at ${binary}` : error.code === 'EACCES' ? `${binary} may not be run` : error.message;
  stop(`${electronName} could not be started (${reason}); ${webMode}.`);
});
app.on('exit', (code, signal) => {
  if (code === 0 || (signal !== null && signal === forwardedSignal)) process.exit(code ?? 1);
  const how = signal === null ? `with exit code ${code}` : `on ${signal}`;
  stop(`${electronName} stopped ${how} (its own messages are above); ${webMode}.`, code || 1);
});
