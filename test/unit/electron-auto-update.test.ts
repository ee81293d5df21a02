import { describe, expect, it, vi } from 'vitest';
import { UpdateChecker, type UpdateCheckOptions } from '../../electron/auto-update';

function setup(overrides: Partial<UpdateCheckOptions> = {}, answers: boolean[] = []) {
  const said: string[] = [];
  const updater = {
    autoDownload: true,
    autoInstallOnAppQuit: false,
    logger: null as unknown,
    checkForUpdates: vi.fn(async () => ({ isUpdateAvailable: true, updateInfo: { version: '0.2.0' } })),
    downloadUpdate: vi.fn(async () => ['/tmp/Millwright-0.2.0.AppImage']),
    quitAndInstall: vi.fn(),
    setFeedURL: vi.fn(),
  };
  const order: string[] = [];
  const beforeInstall = vi.fn(async () => void order.push('stopped'));
  updater.quitAndInstall.mockImplementation(() => void order.push('installed'));
  const checker = new UpdateChecker({
    updater: updater as unknown as UpdateCheckOptions['updater'],
    packaged: true,
    currentVersion: '0.1.0',
    prompts: {
      info: async (message) => void said.push(message),
      confirm: async (message) => {
        said.push(message);
        return answers.shift() ?? false;
      },
    },
    beforeInstall,
    log: () => undefined,
    ...overrides,
  });
  return { checker, updater, said, order, beforeInstall };
}

describe('Check for Updates…', () => {
  it('never downloads on its own, and takes a feed override', () => {
    const { updater } = setup({ feedUrl: 'https://updates.example/millwright' });
    expect(updater.autoDownload).toBe(false);
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example/millwright' });
    expect(setup().updater.setFeedURL).not.toHaveBeenCalled();
  });

  it('downloads when asked, then stops the services before installing', async () => {
    const { checker, updater, said, order } = setup({}, [true, true]);
    await checker.checkInteractively();
    expect(said).toEqual(['Millwright 0.2.0 is available', 'Millwright 0.2.0 is ready to install']);
    expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['stopped', 'installed']);
  });

  it('leaves it when the user says later', async () => {
    const { checker, updater } = setup({}, [false]);
    await checker.checkInteractively();
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('says up to date, development run, or why it could not check', async () => {
    const upToDate = setup();
    upToDate.updater.checkForUpdates.mockResolvedValueOnce({ isUpdateAvailable: false, updateInfo: { version: '0.1.0' } });
    await upToDate.checker.checkInteractively();
    expect(upToDate.said).toEqual(['Millwright is up to date']);

    const dev = setup({ packaged: false });
    await dev.checker.checkInteractively();
    expect(dev.said).toEqual(['Updates are checked by the installed app']);
    expect(dev.updater.checkForUpdates).not.toHaveBeenCalled();

    const offline = setup();
    offline.updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await offline.checker.checkInteractively();
    expect(offline.said).toEqual(['Could not check for updates']);
  });
});
