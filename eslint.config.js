import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Node's own modules, with or without `node:`, and their subpaths (`fs/promises`). */
const nodeModule = `^(node:.*|(${builtinModules.map(escapeRegex).join('|')})(/.*)?)$`;
/** The electron package and its subpaths. */
const electronPackage = '^electron(/.*)?$';
/** A relative path that climbs to the repository's electron/ folder. */
const electronFolder = '^(\\.\\./)+electron(/|$)';
/** A relative path that climbs to the repository's renderer/ folder. */
const rendererFolder = '^(\\.\\./)+renderer(/|$)';

/** One restricted-imports rule per folder: flat config replaces a rule's options, it does not merge them. */
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const featureOf = (repoPath) => /^renderer\/features\/([^/]+)(\/|$)/.exec(repoPath)?.[1] ?? null;

/**
 * Features stay apart: a file in renderer/features/<a>/ imports its own files and what is shared
 * (renderer/ui, db, ipc, stores, shared/), never renderer/features/<b>/; and renderer/ui/, which
 * every feature uses, imports no feature. A rule of its own because no-restricted-imports matches
 * the import's text, and `../b/x` is another feature from one folder and the same feature from a
 * subfolder: only the path the import resolves to says which.
 */
const featuresStayApart = {
  meta: {
    type: 'problem',
    docs: { description: 'A renderer feature imports no other feature, and renderer/ui/ imports none.' },
    schema: [],
    messages: {
      otherFeature:
        'renderer/features/{{from}} may not import renderer/features/{{to}}: features stay independent of each other. Move what both need to renderer/ui/ (or db/, ipc/, stores/, shared/).',
      featureFromUi: 'renderer/ui/ is shared by every feature and may not import renderer/features/{{to}}.',
    },
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    const from = featureOf(file);
    const inUi = file.startsWith('renderer/ui/');
    if (!from && !inUi) return {};
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = featureOf(path.posix.join(path.posix.dirname(file), source));
      if (!to || to === from) return;
      context.report({ node: node.source, messageId: from ? 'otherFeature' : 'featureFromUi', data: { from, to } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  // The lint fixtures break the layering rules on purpose; test/unit/lint-layering.test.ts lints them as if they stood in the tree.
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '**/*.d.ts', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, layering: { rules: { 'features-stay-apart': featuresStayApart } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
      'layering/features-stay-apart': 'error',
    },
  },
  {
    // Shared code runs on both sides, in Node and in the page: nothing of either side's own.
    files: ['shared/**'],
    rules: restrictImports(
      { regex: nodeModule, message: 'shared/ also runs in the renderer, which has no Node modules: put Node code in electron/core/.' },
      { regex: electronPackage, message: 'shared/ runs without Electron: only electron/*.ts (the shell) may import electron.' },
      { regex: electronFolder, message: 'shared/ stands beneath both sides and may not import electron/.' },
      { regex: rendererFolder, message: 'shared/ stands beneath both sides and may not import renderer/.' },
    ),
  },
  {
    // The renderer is a web page (web mode serves it to a browser): it reaches main only through the IPC contract.
    files: ['renderer/**'],
    rules: restrictImports(
      { regex: electronPackage, message: 'The renderer runs in a browser too: only electron/*.ts (the shell) may import electron.' },
      { regex: electronFolder, message: 'The renderer may not import electron/: it reaches main through the IPC contract (renderer/ipc, shared/ipc).' },
    ),
  },
  {
    // Core services run without Electron (web mode, tests): only the thin shell touches it.
    files: ['electron/core/**'],
    rules: restrictImports({ regex: electronPackage, message: 'electron/core runs without Electron (web mode, tests): only electron/*.ts (the shell) may import electron.' }),
  },
  {
    // Command-line entry points, scripts and tests talk to the terminal.
    files: ['electron/*-main.ts', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
);
