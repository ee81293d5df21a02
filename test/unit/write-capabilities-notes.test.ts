import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editableWorkOrderFields, writeCapabilities, type WriteCapabilities } from '../../shared/write-capabilities';
import { writeActions, type WriteAction } from '../../shared/domain/outbox-operation';

/** Makini's platform validation notes, as published beside the spec. */
const notesPath = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'makini-api', 'platform-validation.md');

interface NotesTable {
  /** e.g. "POST work-orders". */
  endpoint: string;
  /** e.g. "MAINTAIN-X". */
  system: string;
  fields: { name: string; required: boolean }[];
}

/** The notes' tables: "## <endpoint>", "#### <system>", then "| field | True/False |" rows. */
function readNotes(markdown: string): NotesTable[] {
  const tables: NotesTable[] = [];
  let endpoint = '';
  for (const line of markdown.split('\n')) {
    const heading = /^(#{2,4})\s+(.+?)\s*$/.exec(line);
    if (heading?.[1] === '##') endpoint = heading[2]!;
    else if (heading?.[1] === '####') tables.push({ endpoint, system: heading[2]!, fields: [] });
    const row = /^\|\s*([^|\s]+)\s*\|\s*<b[^>]*>(True|False)<\/b>\s*\|/.exec(line);
    if (row && tables.length > 0) tables.at(-1)!.fields.push({ name: row[1]!.replace(/\\/g, ''), required: row[2] === 'True' });
  }
  return tables;
}

const notes = readNotes(readFileSync(notesPath, 'utf8'));
const systemsInNotes = [...new Set(notes.map((table) => table.system))];
const tableOf = (endpoint: string, system: string) => notes.find((table) => table.endpoint === endpoint && table.system === system);
const required = (table: NotesTable) => table.fields.filter((field) => field.required).map((field) => field.name).sort();
/** The notes spell eMaint's due date "duaAt" in its update table; the unified API's field is dueAt. */
const spelledAsTheApiDoes = (field: string) => (field === 'duaAt' ? 'dueAt' : field);
/** The domain field a notes field carries: MaintainX's userAssignedKey is the work order's assignee. */
const domainFieldOf = (field: string, capabilities: WriteCapabilities) => (field === capabilities.assigneeField ? 'laborAssignedKey' : spelledAsTheApiDoes(field));

/** The notes' endpoint for each write the matrix knows; writes with none are never documented. */
const endpointOf: Partial<Record<WriteAction, string>> = { createWorkOrder: 'POST work-orders', updateWorkOrder: 'PUT work-orders', createServiceRequest: 'POST service-requests' };

describe('the capability matrix against Makini\'s platform validation notes', () => {
  it('reads the notes: six systems, each with its work-order tables', () => {
    expect(systemsInNotes).toEqual(expect.arrayContaining(['EMAINT', 'MAINTAIN-X', 'INEXTIA', 'INFOR-E', 'UPKEEP', 'SERVICE-CHANNEL']));
    for (const system of ['EMAINT', 'MAINTAIN-X', 'INEXTIA', 'INFOR-E', 'UPKEEP', 'SERVICE-CHANNEL']) {
      expect(tableOf('POST work-orders', system)?.fields.length, system).toBeGreaterThan(0);
      expect(tableOf('PUT work-orders', system)?.fields.length, system).toBeGreaterThan(0);
    }
  });

  it.each(systemsInNotes.filter((system) => tableOf('POST work-orders', system)))('%s: a new work order asks exactly the fields the notes require', (system) => {
    expect([...writeCapabilities(system).createWorkOrderRequired].sort()).toEqual(required(tableOf('POST work-orders', system)!));
  });

  it.each(systemsInNotes.filter((system) => tableOf('POST service-requests', system)))('%s: a new service request asks exactly the fields the notes require', (system) => {
    expect([...writeCapabilities(system).createServiceRequestRequired].sort()).toEqual(required(tableOf('POST service-requests', system)!));
  });

  it.each(systemsInNotes.filter((system) => tableOf('PUT work-orders', system)))('%s: an update carries the required fields and offers exactly the board fields the notes list', (system) => {
    const capabilities = writeCapabilities(system);
    const table = tableOf('PUT work-orders', system)!;
    expect([...capabilities.updateWorkOrderRequired].sort()).toEqual(required(table));
    const listed = new Set(table.fields.map((field) => domainFieldOf(field.name, capabilities)));
    const offered = editableWorkOrderFields.filter((field) => listed.has(field));
    expect([...capabilities.updateWorkOrderFields].sort()).toEqual([...offered].sort());
  });

  it.each(systemsInNotes)('%s: the assignee goes in the field the notes name, and only a listed write is called known', (system) => {
    const capabilities = writeCapabilities(system);
    const named = notes.filter((table) => table.system === system).flatMap((table) => table.fields.map((field) => field.name));
    if (named.includes('userAssignedKey')) expect(capabilities.assigneeField).toBe('userAssignedKey');
    if (named.includes('laborAssignedKey') || !named.includes('userAssignedKey')) expect(capabilities.assigneeField).toBe('laborAssignedKey');
    for (const action of capabilities.actions) {
      const endpoint = endpointOf[action];
      const documented = endpoint !== undefined && tableOf(endpoint, system) !== undefined;
      expect(capabilities.unverifiedActions.includes(action), `${system} ${action}`).toBe(!documented);
    }
  });

  it('a system the notes do not list gets every write, each unverified, and its own answer decides', () => {
    for (const system of ['SAP', 'Maximo', null]) {
      const capabilities = writeCapabilities(system);
      expect(capabilities.actions).toEqual(writeActions);
      expect(capabilities.unverifiedActions).toEqual(writeActions);
      expect(capabilities.updateWorkOrderRequired).toEqual([]);
    }
  });
});
