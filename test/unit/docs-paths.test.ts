import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every path the documentation (each Markdown file of the repository) names must exist, so a file
// renamed or moved in the code cannot leave the docs pointing at nothing. What counts as a named
// path:
//
// 1. Links. A Markdown link's target, `[text](target)`, unless it is a URL (`scheme:`): resolved
//    against the folder of the document that links it. A `#fragment` must name a heading of the
//    Markdown file it points into (GitHub's anchors), or of the same document when alone.
// 2. Code. In inline code and in fenced code blocks, each word (split on white space, stripped of
//    surrounding brackets, quotes and punctuation) that starts with one of the repository's
//    top-level folders and a slash (`electron/`, `renderer/`, `shared/`, `test/`, `scripts/`,
//    `docs/`, `build/`, `.ci/`) or with `../shared/` (Makini's spec and notes, beside the
//    repository): resolved against the repository root. A trailing `/` must be a folder; a `*`
//    matches within one segment and must match something.
// 3. Relative paths in code (`./x.ts`, `../connector.ts`; not `../shared/`) with a source
//    extension (.ts, .tsx, .mjs, .css, .md): resolved against the document's folder, as a link is.
// 4. Bare file names in code (`main.ts`, `styles.css`) with a source extension must be the name
//    of some file in the repository.
//
// Words that start anywhere else are not checked: API routes (`work-orders/{key}/status`),
// places on a user's machine (`~/.millwright/`, `/usr/bin/chromium`), generated output
// (`bench-results.json`, `test-results/`). A path that leaves the repository other than into
// `../shared/` is refused.

const repo = path.resolve(import.meta.dirname, '../..');
const topFolders = ['.ci', 'build', 'docs', 'electron', 'renderer', 'scripts', 'shared', 'test'];
const sibling = '../shared/';
const sourceExtension = /\.(?:ts|tsx|mjs|css|md)$/;
const bareName = /^[\w.-]+$/;
const startsRelative = /^\.\.?\//;
const skippedFolders = new Set(['node_modules', '.git', 'dist', 'release', 'test-results']);

/** Every Markdown file of the repository: README.md, RELEASING.md, docs/*.md and each folder's README. */
function markdownFiles(dir = repo): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : markdownFiles(full);
    return entry.name.endsWith('.md') ? [path.relative(repo, full).split(path.sep).join('/')] : [];
  });
}
const documents = markdownFiles();

interface NamedPath {
  /** As written in the document. */
  written: string;
  /** Links and relative code paths resolve against the document's folder, code paths against the repository. */
  kind: 'link' | 'code' | 'relative code' | 'file name';
  line: number;
}

/** The paths a Markdown document names, by the rule above. */
function namedPaths(markdown: string): NamedPath[] {
  const found: NamedPath[] = [];
  const fromCode = (text: string, line: number) => {
    for (const raw of text.split(/\s+/)) {
      const word = raw.replace(/^[([{"'<]+/, '').replace(/[)\]}"'>,.;:]+$/, '');
      if (word.startsWith(sibling) || topFolders.some((folder) => word.startsWith(`${folder}/`))) found.push({ written: word, kind: 'code', line });
      else if (!sourceExtension.test(word)) continue;
      else if (startsRelative.test(word)) found.push({ written: word, kind: 'relative code', line });
      else if (bareName.test(word)) found.push({ written: word, kind: 'file name', line });
    }
  };
  let fenced = false;
  markdown.split('\n').forEach((text, index) => {
    const line = index + 1;
    if (/^\s*```/.test(text)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return fromCode(text, line);
    for (const [, code] of text.matchAll(/`([^`]+)`/g)) fromCode(code!, line);
    const outsideCode = text.replace(/`[^`]*`/g, '');
    for (const [, target] of outsideCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (!/^[a-z][a-z\d+.-]*:/i.test(target!)) found.push({ written: target!, kind: 'link', line });
    }
  });
  return found;
}

/** GitHub's anchors for a Markdown document's headings. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const text of markdown.split('\n')) {
    if (/^\s*```/.test(text)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(text);
    if (!heading) continue;
    const plain = heading[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Whether a path (relative to the repository or absolute) exists; `*` matches within one segment. */
function pathExists(absolute: string, mustBeFolder: boolean): boolean {
  const segments = path.relative('/', absolute).split(path.sep);
  let candidates = ['/'];
  for (const segment of segments) {
    if (!segment.includes('*')) {
      candidates = candidates.map((dir) => path.join(dir, segment)).filter((candidate) => existsSync(candidate));
      continue;
    }
    const pattern = new RegExp(`^${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    candidates = candidates.flatMap((dir) => (statSync(dir).isDirectory() ? readdirSync(dir).filter((name) => pattern.test(name)).map((name) => path.join(dir, name)) : []));
  }
  return candidates.some((candidate) => !mustBeFolder || statSync(candidate).isDirectory());
}

let fileNamesInRepo: Set<string> | undefined;
function repositoryFileNames(): Set<string> {
  if (fileNamesInRepo) return fileNamesInRepo;
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name)) walk(path.join(dir, entry.name));
      } else names.add(entry.name);
    }
  };
  walk(repo);
  fileNamesInRepo = names;
  return names;
}

/** Why a named path does not hold, or null when it does. */
function problemWith(named: NamedPath, document: string): string | null {
  if (named.kind === 'file name') return repositoryFileNames().has(named.written) ? null : 'no file of that name in the repository';
  const [target = '', fragment] = named.written.split('#');
  const base = named.kind === 'code' ? repo : path.dirname(path.join(repo, document));
  const absolute = target === '' ? path.join(repo, document) : path.resolve(base, target);
  const relative = path.relative(repo, absolute);
  const outside = relative.startsWith('..');
  if (outside && !`${relative}/`.startsWith(sibling)) return 'leaves the repository (only ../shared/ is allowed)';
  if (!pathExists(absolute, target.endsWith('/'))) return target.endsWith('/') ? 'no such folder' : 'no such file or folder';
  if (fragment !== undefined && absolute.endsWith('.md') && !headingAnchors(readFileSync(absolute, 'utf8')).has(fragment)) {
    return `no heading #${fragment} there`;
  }
  return null;
}

describe('the rule that finds named paths', () => {
  const sample = [
    '# Sync and `shared/`',
    'See [the engine](../electron/core/sync/sync-engine.ts), [out](https://example.com/a.md) and [here](#sync-and-shared).',
    'The board reads `renderer/db/live-table-mirror.ts` (`npm run test -- test/unit/`), not `work-orders/{key}/status` or `~/.millwright/`.',
    'A shot: `docs/screenshots/*.png`; a bare name: `main.ts`; beside it: `./outbox.md`; output: `bench-results.json`.',
    '```',
    'renderer/db/           (shared/ipc/contract.ts):',
    '```',
  ].join('\n');

  it('takes link targets, repository paths in inline code and code blocks, relative source paths and bare source file names', () => {
    expect(namedPaths(sample).map(({ written, kind, line }) => `${line} ${kind} ${written}`)).toEqual([
      '1 code shared/',
      '2 link ../electron/core/sync/sync-engine.ts',
      '2 link #sync-and-shared',
      '3 code renderer/db/live-table-mirror.ts',
      '3 code test/unit/',
      '4 code docs/screenshots/*.png',
      '4 file name main.ts',
      '4 relative code ./outbox.md',
      '6 code renderer/db/',
      '6 code shared/ipc/contract.ts',
    ]);
  });

  it('finds a renamed file, a missing heading, a folder that is a file, and a path out of the repository', () => {
    const check = (written: string, kind: NamedPath['kind'] = 'code') => problemWith({ written, kind, line: 1 }, 'docs/sync.md');
    expect(check('renderer/db/live-table-mirror.ts')).toBeNull();
    expect(check('renderer/db/live-table-mirrors.ts')).toBe('no such file or folder');
    expect(check('renderer/db/live-table-mirror.ts/')).toBe('no such folder');
    expect(check('docs/screenshots/*.png')).toBeNull();
    expect(check('docs/screenshots/*.gif')).toBe('no such file or folder');
    expect(check('../README.md#start', 'link')).toBeNull();
    expect(check('../README.md#no-such-heading', 'link')).toBe('no heading #no-such-heading there');
    expect(check('../../elsewhere/notes.md', 'link')).toBe('leaves the repository (only ../shared/ is allowed)');
    expect(check('no-such-module.ts', 'file name')).toBe('no file of that name in the repository');
    expect(check('./outbox.md', 'relative code')).toBeNull();
    expect(check('./README.md', 'relative code')).toBe('no such file or folder');
  });

  it("reads GitHub's heading anchors", () => {
    expect([...headingAnchors('# Offline edits (the outbox)\n## Two data flows\n## Two data flows\n```\n# not a heading\n```')]).toEqual([
      'offline-edits-the-outbox',
      'two-data-flows',
      'two-data-flows-1',
    ]);
  });
});

describe('paths named in the documentation exist', () => {
  it('finds the Markdown files to read, and paths in the README', () => {
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'RELEASING.md', 'docs/sync.md', 'docs/outbox.md', 'docs/webhooks.md']));
    expect(namedPaths(readFileSync(path.join(repo, 'README.md'), 'utf8')).length).toBeGreaterThan(50);
  });

  it.each(documents)('%s', (document) => {
    const named = namedPaths(readFileSync(path.join(repo, document), 'utf8'));
    const problems = named.flatMap((entry) => {
      const problem = problemWith(entry, document);
      return problem ? [`${document}:${entry.line} ${entry.written}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });
});
