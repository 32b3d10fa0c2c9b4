import type { MenuItemConstructorOptions } from 'electron';

/**
 * The French application menu. Packaged builds get no reload and no developer tools (and the window is created
 * with `devTools: false`); a development build adds them under « Affichage ». Pure: the glue builds the Menu.
 */
export function menuTemplate(options: {
  packaged: boolean;
  platform: NodeJS.Platform;
  onAbout: () => void;
}): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'À propos de Maillage', click: options.onAbout };
  const developer: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [
        { type: 'separator' },
        { role: 'reload', label: 'Recharger' },
        { role: 'toggleDevTools', label: 'Outils de développement' },
      ];
  const template: MenuItemConstructorOptions[] = [
    { label: 'Fichier', submenu: [{ role: 'quit', label: 'Quitter' }] },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { role: 'selectAll', label: 'Tout sélectionner' },
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { role: 'resetZoom', label: 'Taille réelle' },
        { role: 'zoomIn', label: 'Zoom avant' },
        { role: 'zoomOut', label: 'Zoom arrière' },
        ...developer,
      ],
    },
    { label: 'Aide', submenu: [about] },
  ];
  if (options.platform === 'darwin') {
    // macOS puts the application's own menu first.
    template.unshift({
      label: 'Maillage',
      submenu: [
        about,
        { type: 'separator' },
        { role: 'hide', label: 'Masquer Maillage' },
        { role: 'quit', label: 'Quitter Maillage' },
      ],
    });
  }
  return template;
}
