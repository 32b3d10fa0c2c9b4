import { dialog, type BrowserWindow } from 'electron';

/**
 * A form with unsaved changes cancels the window's unload (`beforeunload` in the renderer). Electron would then
 * silently refuse to close or reload: ask the same French question as inside the app instead.
 */
export function askBeforeLosingUnsavedChanges(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Modifications non enregistrées',
      message: 'Modifications non enregistrées',
      detail: 'Vous avez modifié ce formulaire sans l’enregistrer. Quitter sans enregistrer ?',
      buttons: ['Rester sur la page', 'Quitter sans enregistrer'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    // Ignoring the renderer's refusal lets the window close (or reload).
    if (choice === 1) event.preventDefault();
  });
}
