import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemoPlant, type RunningDemoPlant } from '../../electron/demo-plant/demo-plant-server';

const options = { seed: 3, sizes: { workOrders: 200 } };
const status = (plant: RunningDemoPlant, token: string, route = '/api/eam/sites') =>
  fetch(plant.url + route, { headers: { authorization: `Bearer ${token}` } }).then((response) => response.status);

async function tempStateFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(os.tmpdir(), 'millwright-plant-auth-')), 'plant.json');
}

describe('issued grants survive a restart', () => {
  it('keeps live grants, their refresh tokens and the credentials switch, but not revoked grants or raw tokens', async () => {
    const stateFile = await tempStateFile();
    const first = await startDemoPlant({ ...options, stateFile });
    const kept = first.issueToken();
    const revoked = first.issueToken();
    const disconnect = await fetch(`${first.url}/api/integrations/current`, { method: 'DELETE', headers: { authorization: `Bearer ${revoked.accessToken}` } });
    expect(disconnect.status).toBe(200);
    first.setCredentialsChanged(true);
    const afterChange = first.issueToken();
    await first.close();

    const text = await readFile(stateFile, 'utf8');
    for (const secret of [kept.accessToken, kept.refreshToken, afterChange.accessToken]) expect(text).not.toContain(secret);

    const second = await startDemoPlant({ ...options, stateFile });
    try {
      expect(second.token).toBe(first.token);
      expect(await status(second, kept.accessToken)).toBe(401);
      expect(await status(second, kept.accessToken, '/api/integrations/current')).toBe(200);
      expect(await status(second, afterChange.accessToken)).toBe(200);
      expect(await status(second, revoked.accessToken)).toBe(401);
      second.setCredentialsChanged(false);
      expect(await status(second, kept.accessToken)).toBe(200);

      const refreshed = await fetch(`${second.url}/link/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: kept.refreshToken,
          client_id: second.oauthClient.clientId,
          client_secret: second.oauthClient.clientSecret,
        }).toString(),
      });
      expect(refreshed.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('loads a state file written before the plant issued tokens', async () => {
    const stateFile = await tempStateFile();
    const first = await startDemoPlant({ ...options, stateFile });
    await first.close();
    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as Record<string, unknown>;
    expect(saved).toHaveProperty('auth');
    delete saved.auth;
    await writeFile(stateFile, JSON.stringify(saved));

    const second = await startDemoPlant({ ...options, stateFile });
    try {
      expect(second.token).toBe(first.token);
      expect(await readdir(path.dirname(stateFile))).toEqual(['plant.json']);
      const pair = second.issueToken();
      expect(await status(second, pair.accessToken)).toBe(200);
    } finally {
      await second.close();
    }
  });
});
