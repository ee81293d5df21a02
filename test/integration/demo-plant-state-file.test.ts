import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemoPlantHost } from '../../electron/core/connections/demo-plant-host';
import { startDemoPlant } from '../../electron/demo-plant/demo-plant-server';
import { SeededRandom } from '../../electron/demo-plant/seeded-random';

const sizes = { workOrders: 300 };

describe('demo plant state survives restarts', () => {
  it('keeps its changes and its token across a restart, and starts fresh for another seed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-plant-'));
    const stateFile = path.join(dir, 'plant.json');
    const first = await startDemoPlant({ seed: 5, sizes, stateFile });
    const keys = first.state.advanceWorkOrders(4, new SeededRandom(1), Date.now());
    const changed = keys.map((key) => first.state.collections.workOrders.get(key)!);
    await first.close();

    const second = await startDemoPlant({ seed: 5, sizes, stateFile });
    expect(second.token).toBe(first.token);
    for (const before of changed) expect(second.state.collections.workOrders.get(before.key!)).toEqual(before);
    expect(second.state.stats()).toEqual(first.state.stats());
    await second.close();

    const other = await startDemoPlant({ seed: 6, sizes, stateFile });
    expect(other.token).not.toBe(first.token);
    await other.close();
  });

  it('sets an unreadable state file aside instead of crashing or destroying it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-plant-'));
    const stateFile = path.join(dir, 'plant.json');
    await writeFile(stateFile, '{"version": 1, "seed": ');
    const plant = await startDemoPlant({ seed: 5, sizes, stateFile });
    expect(plant.state.stats().counts['work-orders']).toBe(300);
    await plant.close();
    const files = await readdir(dir);
    expect(files.some((name) => name.startsWith('plant.json.corrupt-'))).toBe(true);
    expect(files).toContain('plant.json');
  });

  it('never writes the admin token of a plant inside the app, and drops one an older file kept', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'millwright-plants-'));
    const stateFile = path.join(dir, 'conn-1.json');
    // A file as the app wrote it before: the admin token in clear.
    const older = await startDemoPlant({ seed: 5, sizes, stateFile });
    await older.close();
    expect(await readFile(stateFile, 'utf8')).toContain(older.token);

    const host = new DemoPlantHost({ stateDir: dir, changesPerMinute: 0 });
    const plant = await host.start('conn-1', { seed: 5, workOrders: sizes.workOrders });
    const control = (token: string) => fetch(`${plant.url}/__control/stats`, { headers: { authorization: `Bearer ${token}` } });
    expect((await control(plant.token)).status).toBe(200);
    expect((await control(older.token)).status).toBe(401);
    plant.state.advanceWorkOrders(2, new SeededRandom(1), Date.now());
    await host.stopAll();
    const written = await readFile(stateFile, 'utf8');
    expect(written).not.toContain(older.token);
    expect(written).not.toContain(plant.token);
    expect(JSON.parse(written)).not.toHaveProperty('token');

    // Its changes survive the restart; a new admin token serves it.
    const again = await host.start('conn-1', { seed: 5, workOrders: sizes.workOrders });
    expect(again.state.stats()).toEqual(plant.state.stats());
    expect(again.token).not.toBe(plant.token);
    await host.stopAll();
  });
});
