import { ipcMain, type WebFrameMain } from 'electron';
import { channels, IPC_PREFIX } from '@shared/contract';
import type { Handlers } from '../ipc/handlers';
import { invokeChannel } from '../ipc/invoke';

/** Registers every channel of the contract, answering only the app's own renderer frame. */
export function registerIpc(handlers: Handlers, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of channels) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event, input: unknown) => {
      const frame: WebFrameMain | null = event.senderFrame;
      if (!frame || !isTrustedUrl(frame.url)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Appel refusé : il ne vient pas de la fenêtre de Maillage.' },
        };
      }
      return invokeChannel(handlers, channel, input);
    });
  }
}
