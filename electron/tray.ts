// The tray (notification area / menu bar) icon: sync state at a glance, queued edits, quick actions.
import path from 'node:path';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { TrayState, TrayStatus } from './tray-status';
import { keepRunningLabel } from './window-close';

export interface TrayActions {
  open(): void;
  syncAll(): void;
  quit(): void;
  /** The keep-running-when-closed setting, as a checkbox; absent where closing never quits (macOS). */
  keepRunning?: { isOn(): boolean; set(on: boolean): void };
}

/** One icon per state, made by scripts/generate-icons.mjs from build/icon.svg (tray-<state>.png and @2x). */
export function trayIconPath(iconDir: string, state: TrayState): string {
  return path.join(iconDir, `tray-${state}.png`);
}

export class AppTray {
  private readonly tray: Tray;
  private readonly icons = new Map<TrayState, NativeImage>();
  private shown: string | null = null;

  constructor(
    private readonly iconDir: string,
    private readonly actions: TrayActions,
    initial: TrayStatus,
  ) {
    this.tray = new Tray(this.icon(initial.state));
    this.tray.on('click', () => actions.open());
    this.update(initial);
  }

  update(status: TrayStatus): void {
    const key = JSON.stringify(status);
    if (key === this.shown || this.tray.isDestroyed()) return;
    this.shown = key;
    this.tray.setImage(this.icon(status.state));
    this.tray.setToolTip(status.tooltip);
    if (process.platform === 'darwin') this.tray.setTitle(status.title);
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: status.tooltip.replace(/^Millwright — /, ''), enabled: false },
        { label: status.pendingLabel, enabled: false },
        { type: 'separator' },
        { label: 'Open Millwright', click: () => this.actions.open() },
        { label: 'Sync All Now', click: () => this.actions.syncAll() },
        { type: 'separator' },
        ...this.keepRunningItems(),
        { label: 'Quit Millwright', click: () => this.actions.quit() },
      ]),
    );
  }

  private keepRunningItems(): MenuItemConstructorOptions[] {
    const setting = this.actions.keepRunning;
    if (!setting) return [];
    // The OS ticks the box itself on click; the item reads the setting again when the menu is rebuilt.
    return [{ label: keepRunningLabel, type: 'checkbox', checked: setting.isOn(), click: (item) => setting.set(item.checked) }, { type: 'separator' }];
  }

  destroy(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }

  private icon(state: TrayState): NativeImage {
    let image = this.icons.get(state);
    if (!image) {
      image = nativeImage.createFromPath(trayIconPath(this.iconDir, state));
      this.icons.set(state, image);
    }
    return image;
  }
}
