import type { z } from 'zod';

/** What a field the sync depends on is for, in plain words (shown after its name). */
const fieldPurposes: Record<string, string> = {
  key: 'its identifier',
  updatedAt: 'when it last changed',
  createdAt: 'when it was made',
  deletedAt: 'when it was deleted',
  data: 'the list of records',
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

/** A value as a person reads it: short, quoted when text. */
function shown(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (typeof value === 'string') return value === '' ? 'empty' : `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return String(value as number | boolean);
}

const kindWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'yes or no',
  object: 'a group of fields',
  array: 'a list',
};

/** `tasks[0].title`: the field's place in the record, as the API names it. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : `${index > 0 ? '.' : ''}${String(step)}`)).join('');
}

/**
 * Why a record cannot be used, naming each field that is wrong and what it holds, e.g.
 * `"updatedAt" (when it last changed) is not a date and time: "deserunt"`. At most `limit` fields.
 */
export function describeRecordProblems(error: z.ZodError, raw: unknown, limit = 3): string {
  if (!isRecord(raw)) return `The record is not a group of fields but ${shown(raw)}.`;
  const lines: string[] = [];
  const named = new Set<string>();
  for (const issue of error.issues) {
    const name = fieldName(issue.path);
    if (named.has(name)) continue;
    named.add(name);
    const purpose = issue.path.length === 1 ? fieldPurposes[String(issue.path[0])] : undefined;
    const field = `"${name}"${purpose ? ` (${purpose})` : ''}`;
    const value = valueAt(raw, issue.path);
    if (value === undefined || ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === null)) {
      lines.push(`${field} is missing`);
    } else if (issue.code === 'custom') {
      lines.push(`${field} is ${issue.message}: ${shown(value)}`);
    } else if (issue.code === 'too_small' && value === '') {
      lines.push(`${field} is empty`);
    } else if (issue.code === 'invalid_type') {
      lines.push(`${field} should be ${kindWords[issue.expected] ?? issue.expected} but is ${shown(value)}`);
    } else {
      lines.push(`${field} cannot be read: ${shown(value)}`);
    }
    if (lines.length >= limit) break;
  }
  return lines.length > 0 ? `${lines.join('; ')}.` : 'The record cannot be read.';
}
