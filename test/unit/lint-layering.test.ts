import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** A small tree laid out like the repository (shared/, electron/core/, renderer/…), whose files break one layering rule each or none. */
const fixtureRoot = path.join(repoRoot, 'test/fixtures/lint');

/** What each fixture must be told: the rule and the words of its message that say what it protects; [] for a clean file. */
const expected: Record<string, { rule: string; says: string }[]> = {
  'shared/words.ts': [],
  'shared/imports-node-module.ts': [{ rule: 'no-restricted-imports', says: 'shared/ also runs in the renderer, which has no Node modules' }],
  'shared/imports-bare-node-module.ts': [{ rule: 'no-restricted-imports', says: 'shared/ also runs in the renderer, which has no Node modules' }],
  'shared/imports-electron.ts': [{ rule: 'no-restricted-imports', says: 'shared/ runs without Electron' }],
  'shared/imports-electron-folder.ts': [{ rule: 'no-restricted-imports', says: 'shared/ stands beneath both sides and may not import electron/' }],
  'shared/imports-renderer-folder.ts': [{ rule: 'no-restricted-imports', says: 'shared/ stands beneath both sides and may not import renderer/' }],
  'electron/core/clock.ts': [],
  'electron/core/imports-electron.ts': [{ rule: 'no-restricted-imports', says: 'electron/core runs without Electron' }],
  'renderer/imports-electron.ts': [{ rule: 'no-restricted-imports', says: 'The renderer runs in a browser too' }],
  'renderer/imports-electron-folder.ts': [{ rule: 'no-restricted-imports', says: 'The renderer may not import electron/' }],
  'renderer/ui/label.ts': [],
  'renderer/ui/imports-feature.ts': [{ rule: 'layering/features-stay-apart', says: 'renderer/ui/ is shared by every feature and may not import renderer/features/b' }],
  'renderer/features/a/own.ts': [],
  'renderer/features/a/clean.ts': [],
  'renderer/features/a/imports-other-feature.ts': [{ rule: 'layering/features-stay-apart', says: 'renderer/features/a may not import renderer/features/b' }],
  'renderer/features/a/parts/part.ts': [],
  'renderer/features/a/parts/imports-other-feature.ts': [{ rule: 'layering/features-stay-apart', says: 'renderer/features/a may not import renderer/features/b' }],
  'renderer/features/b/thing.ts': [],
};

describe('layering lint rules', () => {
  let results: Map<string, ESLint.LintResult>;

  beforeAll(async () => {
    // The project's own config, with the fixture folder as the tree it applies to, so its path-based rules see shared/…, renderer/features/a/….
    const eslint = new ESLint({ cwd: fixtureRoot, overrideConfigFile: path.join(repoRoot, 'eslint.config.js') });
    const linted = await eslint.lintFiles(['**/*.ts']);
    results = new Map(linted.map((result) => [path.relative(fixtureRoot, result.filePath).split(path.sep).join('/'), result]));
  });

  it('lints every fixture and no other file', () => {
    expect([...results.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', (file, wanted) => {
    const messages = results.get(file)!.messages.map((message) => ({ rule: message.ruleId, message: message.message, severity: message.severity }));
    expect(messages).toHaveLength(wanted.length);
    for (const [index, { rule, says }] of wanted.entries()) {
      expect(messages[index]).toMatchObject({ rule, severity: 2 });
      expect(messages[index]!.message).toContain(says);
    }
  });

  it('keeps the fixtures out of the project lint', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    expect(await eslint.isPathIgnored(path.join(fixtureRoot, 'shared/imports-electron.ts'))).toBe(true);
  });
});
