// Electronegativity (Doyensec's static scanner for Electron misconfigurations) over the shell and
// the renderer; fails on any HIGH or MEDIUM finding, and on any file it could not parse (an
// unparsed file is an unscanned one). Exceptions are made inline, where the code is, with
// `eng-disable <CHECK_ID>` and a reason beside it. Run: `npm run security:scan` (CI does).
//
// What is scanned: electron/*.ts (the shell: every use of Electron's API; lint keeps Electron
// out of electron/core, shared and renderer) and renderer/ (its index.html carries the CSP
// meta, its code could open windows or use eval). electron/core is not scanned: it cannot
// touch Electron, and its one hit would be a name match on the `openExternal` option it is
// given, which is the shell's guarded opener (security-policy.ts). The sources are copied to
// a temporary directory so the scan sees exactly these files and no node_modules.
//
// Offline: the Electron version is given (the one package.json pins) instead of fetched, and
// AvailableSecurityFixesGlobalCheck, which downloads Electron's release list to see whether a
// newer patch release has security fixes, is left out: RELEASING.md has that step for the
// networked release machine.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron;

const staging = mkdtempSync(path.join(os.tmpdir(), 'millwright-electronegativity-'));
try {
  for (const file of readdirSync(path.join(root, 'electron'))) {
    if (file.endsWith('.ts')) cpSync(path.join(root, 'electron', file), path.join(staging, 'electron', file));
  }
  cpSync(path.join(root, 'renderer'), path.join(staging, 'renderer'), { recursive: true });

  const result = await run({
    input: staging,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    isRelative: true,
    severitySet: 'informational',
    confidenceSet: 'tentative',
  });
  const blocking = result.issues.filter((issue) => issue.severity.value >= 2);
  const parseFailures = result.errors.filter((error) => !error.tolerable);
  const describe = (issue) =>
    `${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${issue.file}:${issue.location.line}:${issue.location.column}  ${issue.description}`;
  console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version} (Electron ${electronVersion}): ${result.atomicChecks} atomic and ${result.globalChecks} global checks`);
  for (const issue of result.issues) console.log(`  ${describe(issue)}`);
  for (const error of result.errors) console.log(`  ${error.tolerable ? 'parse warning' : 'PARSE ERROR'}  ${path.relative(staging, error.file)}: ${error.message}`);
  console.log(
    `${result.issues.length} findings: ${blocking.length} HIGH or MEDIUM, ${result.issues.length - blocking.length} LOW or informational; ${parseFailures.length} files not parsed`,
  );
  if (blocking.length > 0 || parseFailures.length > 0) process.exitCode = 1;
} finally {
  rmSync(staging, { recursive: true, force: true });
}
