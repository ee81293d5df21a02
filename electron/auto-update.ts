// "Check for Updates…": electron-updater against the publish provider the installer was built with.
import type { AppUpdater } from 'electron-updater';

/** Dialog prompts, so the flow is testable without Electron's dialog module. */
export interface UpdatePrompts {
  info(message: string, detail: string): Promise<void>;
  /** Resolves true when the user picks the first (confirming) button. */
  confirm(message: string, detail: string, confirmLabel: string): Promise<boolean>;
}

export interface UpdateCheckOptions {
  updater: Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'checkForUpdates' | 'downloadUpdate' | 'quitAndInstall' | 'setFeedURL'> & { logger: AppUpdater['logger'] };
  /** Only an installed app has a publish configuration (app-update.yml) to check against. */
  packaged: boolean;
  currentVersion: string;
  /**
   * Overrides the provider baked in at build time with a generic update server (the
   * MILLWRIGHT_UPDATE_URL variable), e.g. to point a test install at a staging feed.
   */
  feedUrl?: string | undefined;
  prompts: UpdatePrompts;
  /** Stops main's services (graceful quit) before the installer replaces the app. */
  beforeInstall: () => Promise<void>;
  log: (message: string) => void;
}

export class UpdateChecker {
  private checking = false;

  constructor(private readonly options: UpdateCheckOptions) {
    const { updater } = options;
    updater.autoDownload = false; // the user decides, after seeing the version
    updater.autoInstallOnAppQuit = true;
    updater.logger = { info: (m) => options.log(`updater: ${String(m)}`), warn: (m) => options.log(`updater: ${String(m)}`), error: (m) => options.log(`updater: ${String(m)}`), debug: () => undefined };
    if (options.feedUrl) updater.setFeedURL({ provider: 'generic', url: options.feedUrl });
  }

  /** The menu item's flow: check, offer the download, offer the restart; every outcome is said. */
  async checkInteractively(): Promise<void> {
    const { prompts, updater } = this.options;
    if (this.checking) return;
    if (!this.options.packaged) {
      await prompts.info('Updates are checked by the installed app', 'This is a development run; install Millwright from a release to get updates.');
      return;
    }
    this.checking = true;
    try {
      const result = await updater.checkForUpdates();
      if (!result || !result.isUpdateAvailable) {
        await prompts.info('Millwright is up to date', `You have version ${this.options.currentVersion}, the newest available.`);
        return;
      }
      const next = result.updateInfo.version;
      if (!(await prompts.confirm(`Millwright ${next} is available`, `You have version ${this.options.currentVersion}. Download it now? Work continues while it downloads.`, 'Download'))) return;
      await updater.downloadUpdate();
      if (!(await prompts.confirm(`Millwright ${next} is ready to install`, 'Restart now to install it, or it installs the next time you quit.', 'Restart Now'))) return;
      await this.options.beforeInstall();
      updater.quitAndInstall();
    } catch (error) {
      this.options.log(`update check failed: ${error instanceof Error ? error.message : String(error)}`);
      await prompts.info('Could not check for updates', `${(error instanceof Error ? error.message : String(error)).slice(0, 300)}\n\nCheck the network connection and try again later.`);
    } finally {
      this.checking = false;
    }
  }
}
