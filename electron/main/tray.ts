/**
 * The native tray: draws a `TrayModel` and turns clicks back into `TrayAction`s. It touches Electron
 * only where the model changed — the icon when the level changed, the menu when its items did — so a
 * state push every few seconds does not rebuild a menu the user may have open.
 */
import path from 'node:path';
import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Level } from '../../shared/policy';
import type { TrayAction, TrayItem, TrayModel } from './tray-model';

/**
 * The icon file for a level. macOS gets a template image (black + alpha, tinted by the system for light
 * and dark menu bars; the `Template` suffix is what tells Electron); Windows an .ico holding 16–48 px for
 * every display scale; Linux a 24 px PNG, the panel size most desktops use. `@2x` files sit beside the
 * PNGs and are picked up by Electron on high-density displays.
 */
export function trayIconPath(iconsDir: string, level: Level, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return path.join(iconsDir, `${level}Template.png`);
  if (platform === 'win32') return path.join(iconsDir, `${level}.ico`);
  return path.join(iconsDir, 'linux', `${level}.png`);
}

/** The Electron menu template for the model's items; `run` receives the item's action on click. */
export function menuTemplate(items: TrayItem[], run: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'note':
        return { label: item.label, enabled: false };
      case 'submenu':
        return { label: item.label, submenu: menuTemplate(item.items, run) };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => run(item.action) };
    }
  });
}

export interface TrayDeps {
  iconsDir: string;
  platform: NodeJS.Platform;
  run(action: TrayAction): void;
}

export interface TrayView {
  render(model: TrayModel): void;
  destroy(): void;
}

export function createTray({ iconsDir, platform, run }: TrayDeps): TrayView {
  const tray = new Tray(trayIconPath(iconsDir, 'ok', platform));
  // Windows opens a tray menu on right-click only; a left-click opening the window is what users expect.
  if (platform === 'win32') tray.on('click', () => run({ kind: 'open-window' }));
  let shown: TrayModel | null = null;
  let shownItems = '';

  return {
    render(model) {
      if (tray.isDestroyed()) return;
      if (shown?.icon !== model.icon) tray.setImage(trayIconPath(iconsDir, model.icon, platform));
      if (shown?.tooltip !== model.tooltip) tray.setToolTip(model.tooltip);
      // The title next to the icon exists on macOS only.
      if (platform === 'darwin' && shown?.title !== model.title) tray.setTitle(model.title);
      const items = JSON.stringify(model.items);
      if (items !== shownItems) tray.setContextMenu(Menu.buildFromTemplate(menuTemplate(model.items, run)));
      shown = model;
      shownItems = items;
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
