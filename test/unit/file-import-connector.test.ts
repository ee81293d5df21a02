import { copyFile, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileImportConnector } from '../../electron/core/connectors/file-import/file-import-connector';
import type { SyncEntity } from '../../shared/domain/sync-entity';
import { AppError } from '../../shared/errors';

const fixtures = join(import.meta.dirname, '../fixtures/file-import');
const connectionId = 'export';
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'millwright-file-import-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const connectorFor = (filePath: string, maxFileBytes?: number) => new FileImportConnector({ connectionId, filePath, ...(maxFileBytes ? { maxFileBytes } : {}) });
const wholeList = { updatedSince: null, page: 1, perPage: 1000 };
const readAll = <E extends SyncEntity>(connector: FileImportConnector, entity: E) => connector.listPage(entity, wholeList);

async function fileWith(name: string, content: string | Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('file-import connector over the sample exports', () => {
  it('reads a CSV of work orders by its column names, and makes statuses, sites and technicians from the names it uses', async () => {
    const connector = connectorFor(join(fixtures, 'work-orders.csv'));
    expect(await connector.describe()).toEqual({ provider: 'file-import', companyName: 'work-orders.csv', syncStatus: null });
    const workOrders = await readAll(connector, 'workOrders');
    expect(workOrders).toMatchObject({ total: 22, hasMore: false, quarantined: [] });
    expect(workOrders.records.find((record) => record.key === 'WO-1002')).toEqual({
      connectionId,
      key: 'WO-1002',
      updatedAt: '2024-04-29T07:40:00.000Z',
      deletedAt: null,
      code: 'WO-1002',
      title: 'Inspect boiler feed pump, check seals',
      statusKey: 'Scheduled',
      status: 'Scheduled',
      siteKey: 'North Mill',
      locationKey: null,
      assetKey: 'PMP-11',
      teamKey: null,
      laborAssignedKey: 'Ben Okafor',
      pmKey: null, serviceRequestKey: null, estimatedTime: null, actualTime: null, completionRemarks: null,
      severity: 'Medium',
      notes: null,
      scheduledAt: null,
      dueAt: new Date(2024, 4, 8).toISOString(),
      completedAt: null,
      createdAt: null,
      tasks: [],
    });
    expect(workOrders.records.find((record) => record.key === 'WO-1005')?.title).toBe('Fix "sticky" damper on dust collector');

    const statuses = await readAll(connector, 'workOrderStatuses');
    expect(statuses.records.map((status) => status.name).sort()).toEqual(['Closed', 'Completed', 'In progress', 'On hold', 'Open', 'Scheduled']);
    // A status changes when its first work order does: "Open" first appears at WO-1001.
    expect(statuses.records.find((status) => status.key === 'Open')).toMatchObject({ updatedAt: '2024-04-29T07:12:00.000Z', isActive: true });
    expect((await readAll(connector, 'sites')).records.map((site) => site.name).sort()).toEqual(['North Mill', 'South Yard']);
    expect((await readAll(connector, 'labors')).records.map((labor) => labor.name).sort()).toEqual(['Ana Ruiz', 'Ben Okafor', 'Chen Wei', 'Dana Park']);
    // A CSV holds one kind of record: this one has no assets.
    expect(await refusal(readAll(connector, 'assets'))).toMatchObject({ code: 'UPSTREAM_NOT_FOUND', message: 'Assets are not in the export file.' });
  });

  it('reads a JSON export of work orders and assets, numbers as codes, yes/no flags and deleted records', async () => {
    const connector = connectorFor(join(fixtures, 'plant-export.json'));
    const workOrders = await readAll(connector, 'workOrders');
    expect(workOrders.records.map((record) => [record.key, record.deletedAt])).toEqual([
      ['WO-2001', null],
      ['WO-2002', null],
      ['2003', null],
      ['WO-2004', '2024-05-20T08:00:00.000Z'],
    ]);
    expect(workOrders.records[1]).toMatchObject({ severity: 'Medium', scheduledAt: '2024-05-28T07:00:00.000Z', dueAt: '2024-05-28T15:00:00.000Z', laborAssignedKey: 'Mia Lund' });
    const assets = await readAll(connector, 'assets');
    // SAW-1 and PRS-2 changed at the same instant: in key order.
    expect(assets.records.map((asset) => [asset.key, asset.name, asset.isActive, asset.parentKey])).toEqual([
      ['PRS-2', 'Hydraulic press 2', true, null],
      ['SAW-1', 'Band saw 1', true, null],
      ['EXT-1', 'Chip extractor', false, 'SAW-1'],
    ]);
    expect((await readAll(connector, 'sites')).records).toMatchObject([{ key: 'East Plant', name: 'East Plant', updatedAt: '2024-05-01T00:00:00.000Z' }]);
    // The deleted work order names nothing: the only statuses are those of the others.
    expect((await readAll(connector, 'workOrderStatuses')).records.map((status) => status.key)).toEqual(['Open', 'Scheduled', 'Completed']);
  });

  it('skips records it cannot read, naming the column as the file names it, and reads the rest', async () => {
    const connector = connectorFor(join(fixtures, 'work-orders-with-problems.csv'));
    const page = await readAll(connector, 'workOrders');
    expect(page.records.map((record) => [record.key, record.title])).toEqual([
      ['WO-3001', 'Replace gasket'],
      ['WO-3006', 'Second version'],
      ['WO-3008', 'Multi-line\r\nnotes in title'],
    ]);
    expect(page.quarantined.map(({ recordRef, reason }) => ({ recordRef, reason }))).toEqual([
      { recordRef: 'WO-3002', reason: '"due" is not a date and time like 2024-05-01 08:30: "01/06/2024".' },
      { recordRef: 'line 4', reason: '"code" is empty.' },
      { recordRef: 'WO-3004', reason: '"updated_at" is empty.' },
      { recordRef: 'WO-3005', reason: 'It has 7 values, but the first line names 6 columns: a value may be missing its quotes.' },
      { recordRef: 'line 7', reason: '"code" "WO-3006" is used again at line 8, which changed last and is read instead.' },
    ]);
    expect(page.quarantined[0]!.raw).toContain('line 3: {"code":"WO-3002"');
    // Skipped records come with a read of the whole list, not after a cursor: an unchanged file brings nothing again.
    const since = await connector.listPage('workOrders', { updatedSince: page.records[0]!.updatedAt, page: 1, perPage: 1000 });
    expect(since).toMatchObject({ quarantined: [], total: 3 });
  });
});

describe('file-import connector paging', () => {
  it('serves a list oldest change first (then by key), in pages, filtered by change time and status', async () => {
    const connector = connectorFor(join(fixtures, 'work-orders.csv'));
    const keys: string[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await connector.listPage('workOrders', { updatedSince: null, page, perPage: 5 });
      keys.push(...answer.records.map((record) => record.key));
      expect(answer.total).toBe(22);
      if (!answer.hasMore) break;
    }
    expect(keys).toHaveLength(22);
    // Three work orders changed at 10:15: in key order.
    expect(keys.slice(5, 8)).toEqual(['WO-1006', 'WO-1007', 'WO-1008']);

    const at1015 = await connector.listPage('workOrders', { updatedSince: '2024-04-29T10:15:00Z', updatedBefore: '2024-04-29T10:15:00.001Z', page: 1, perPage: 2 });
    expect(at1015).toMatchObject({ total: 3, hasMore: true });
    expect(at1015.records.map((record) => record.key)).toEqual(['WO-1006', 'WO-1007']);
    const open = await connector.listPage('workOrders', { updatedSince: null, updatedBefore: '2024-04-29T12:00:00Z', statusKey: 'Open', page: 1, perPage: 100 });
    expect(open.records.map((record) => record.key)).toEqual(['WO-1001', 'WO-1004', 'WO-1007']);
  });

  it('fetches named records by key and leaves out keys the file does not have', async () => {
    const connector = connectorFor(join(fixtures, 'work-orders.csv'));
    const fetched = await connector.fetchByKeys('workOrders', ['WO-1009', 'WO-9999', 'WO-1001']);
    expect(fetched.records.map((record) => record.key).sort()).toEqual(['WO-1001', 'WO-1009']);
  });

  it('reads a file saved again with the same size and modification time, since it compares contents', async () => {
    const path = await fileWith('resaved.csv', 'code,status,updatedAt\nWO-1,Open,2024-05-01T08:00Z\n');
    const connector = connectorFor(path);
    expect((await readAll(connector, 'workOrders')).records[0]?.statusKey).toBe('Open');
    const { atime, mtime } = await stat(path);
    await writeFile(path, 'code,status,updatedAt\nWO-1,Done,2024-05-01T09:00Z\n');
    await utimes(path, atime, mtime);
    expect((await readAll(connector, 'workOrders')).records[0]).toMatchObject({ statusKey: 'Done', updatedAt: '2024-05-01T09:00:00.000Z' });
  });
});

describe('file-import connector refusals', () => {
  it('answers lists it never offers as not offered, without reading the file', async () => {
    const connector = connectorFor(join(folder, 'nowhere.csv'));
    for (const entity of ['meters', 'purchaseOrders', 'locations'] as const) {
      expect(await refusal(readAll(connector, entity))).toMatchObject({ code: 'UPSTREAM_NOT_FOUND', list: expect.any(String) });
    }
    expect(await refusal(readAll(connector, 'workOrders'))).toMatchObject({ code: 'UPSTREAM_MALFORMED' });
  });

  it('refuses a file larger than the limit before reading it, saying how large it is and what to do', async () => {
    const path = await fileWith('large.csv', `code,title,updatedAt\n${'WO-1,Title,2024-05-01T08:00Z\n'.repeat(50_000)}`);
    const error = await refusal(connectorFor(path, 1024 * 1024).describe());
    expect(error.code).toBe('UPSTREAM_MALFORMED');
    expect(error.message).toBe(`The export file ${path} is 1.4 MB, more than the 1 MB Millwright reads: export fewer records (one site, or the last months) and save it again.`);
  });

  it('says plainly why a file cannot be read at all', async () => {
    const cases: [string, string | Buffer, string][] = [
      ['no-change-time.csv', 'code,title,status\nWO-1,Pump,Open\n', 'has no "updatedAt" (when each record last changed) column; its first line names "code", "title", "status".'],
      ['unknown-kind.csv', 'id,when\n1,2024-05-01\n', 'does not say what it holds: its first line should name the columns'],
      ['twice.csv', 'code,title,priority,severity,updatedAt\n', 'names one column twice: "priority" and "severity" mean the same.'],
      ['latin1.csv', Buffer.from('code,title,updatedAt\nWO-1,Pr\xfcfen,2024-05-01\n', 'latin1'), 'is not UTF-8 text: save it again as "CSV UTF-8"'],
      ['open-quote.csv', 'code,title,updatedAt\nWO-1,"Pump,2024-05-01\n', 'cannot be split into rows: a quoted value that starts on line 2 never ends'],
      ['empty.csv', '\n\n', 'is empty.'],
      ['broken.json', '{"workOrders": [', 'is not valid JSON'],
      ['no-lists.json', '{"orders": []}', 'holds neither "workOrders" nor "assets".'],
      ['not-a-list.json', '{"assets": {"code": "A"}}', 'has "assets" that is not a list.'],
    ];
    for (const [name, content, said] of cases) {
      const path = await fileWith(name, content);
      const error = await refusal(connectorFor(path).listPage('workOrders', wholeList));
      expect(error.code, name).toBe('UPSTREAM_MALFORMED');
      expect(error.message, name).toContain(`The export file ${path} ${said}`);
    }
    expect((await refusal(connectorFor(join(folder, 'gone.csv')).describe())).message).toContain('cannot be found');
    expect((await refusal(connectorFor(folder).describe())).message).toBe(`The export file ${folder} is a folder, not a file.`);
  });

  it('reads a copy of a sample export under another name the same way (the format is told by the contents)', async () => {
    const path = join(folder, 'export.txt');
    await copyFile(join(fixtures, 'plant-export.json'), path);
    expect((await readAll(connectorFor(path), 'assets')).total).toBe(3);
  });
});
