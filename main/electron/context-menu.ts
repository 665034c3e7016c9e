// The right-click menu, built from the plain items that main/desktop/context-menu.ts decides on.
import { Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { contextMenuItems } from '../desktop/context-menu';

export function attachContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template: MenuItemConstructorOptions[] = contextMenuItems(params).map((item) => {
      switch (item.kind) {
        case 'replace':
          return { label: item.word, click: () => contents.replaceMisspelling(item.word) };
        case 'learn':
          return { label: 'Add to Dictionary', click: () => contents.session.addWordToSpellCheckerDictionary(item.word) };
        case 'note':
          return { label: item.label, enabled: false };
        case 'separator':
          return { type: 'separator' };
        case 'role':
          return { role: item.role, enabled: item.enabled };
      }
    });
    if (template.length) Menu.buildFromTemplate(template).popup();
  });
}
