/**
 * Installs the REAL handlers on a temporary database as `window.api` (what the preload does in the app), for
 * component tests of screens whose logic lives in the main process (general assembly: quorum, pouvoirs, votes).
 * Inputs and outputs go through JSON, as over IPC.
 */
import type { HandlerContext } from '../../electron/ipc/handlers';
import { channels, type Api } from '@shared/contract';
import { testBackend } from '../helpers/handlers';

export async function installRealApi(overrides: Partial<HandlerContext> = {}) {
  const backend = await testBackend(overrides);
  const api = {} as Record<string, (input?: unknown) => Promise<unknown>>;
  for (const channel of channels) {
    api[channel] = async (input?: unknown) =>
      JSON.parse(
        JSON.stringify(
          await backend.call(channel, input === undefined ? undefined : JSON.parse(JSON.stringify(input))),
        ),
      );
  }
  Object.defineProperty(window, 'api', { value: api as unknown as Api, configurable: true, writable: true });
  return { ...backend, dispose: () => backend.database.dispose() };
}
