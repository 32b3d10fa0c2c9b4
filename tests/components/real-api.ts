/**
 * Installs the REAL handlers on a temporary database as `window.api` (what the preload does in the app), for
 * component tests: every screen talks to the main process's own logic, never to a copy of it.
 * Inputs and outputs go through JSON, as over IPC. Each channel is a spy, so a test can count calls or
 * replace one answer (a failure, a slow reply) with `mockImplementationOnce`.
 */
import { afterEach, vi, type Mock } from 'vitest';
import type { HandlerContext } from '../../electron/ipc/handlers';
import { channels, type Api, type Channel } from '@shared/contract';
import { testBackend } from '../helpers/handlers';

export type RealApi = { [C in Channel]: Mock<Api[C]> };

export async function installRealApi(overrides: Partial<HandlerContext> = {}) {
  const backend = await testBackend(overrides);
  const api = {} as Record<string, Mock<(input?: unknown) => Promise<unknown>>>;
  for (const channel of channels) {
    api[channel] = vi.fn(async (input?: unknown) =>
      JSON.parse(
        JSON.stringify(
          await backend.call(channel, input === undefined ? undefined : JSON.parse(JSON.stringify(input))),
        ),
      ),
    );
  }
  Object.defineProperty(window, 'api', { value: api as unknown as Api, configurable: true, writable: true });
  return { ...backend, api: api as unknown as RealApi, dispose: () => backend.database.dispose() };
}

export type RealBackend = Awaited<ReturnType<typeof installRealApi>>;

/**
 * For a test file: `install(overrides)` gives each test its own database, closed and removed after the test.
 * `current()` is the backend of the running test (for a context override that needs its folder).
 */
export function realApiPerTest() {
  let backend: RealBackend | null = null;
  afterEach(async () => {
    await backend?.dispose();
    backend = null;
  });
  const install = async (overrides: Partial<HandlerContext> = {}) => (backend = await installRealApi(overrides));
  const current = () => {
    if (!backend) throw new Error('installRealApi was not called by this test');
    return backend;
  };
  return { install, current };
}
