import { resolve } from 'node:path';
import { createHandlers, type HandlerContext } from '../../electron/ipc/handlers';
import { invokeChannel } from '../../electron/ipc/invoke';
import { renderReport } from '../../electron/pdf/render';
import type { ApiResult, Channel, ChannelInput, ChannelOutput } from '@shared/contract';
import { openDatabase } from '../../electron/db/database';
import { LiveDatabase } from '../../electron/db/restore';
import { tempDatabase } from './db';

/** From the repository root (vitest's working folder): in jsdom tests `import.meta.url` is an http URL. */
export const FONTS_DIR = resolve(process.cwd(), 'resources/fonts');

/** The real handler table on a temporary database, called exactly as the renderer does (raw input → result). */
export async function testBackend(overrides: Partial<HandlerContext> = {}) {
  const database = await tempDatabase();
  const live = new LiveDatabase(database, (file) => openDatabase({ file }));
  // After a restore, the open connection is the restored one: close it too.
  const dispose = database.dispose;
  database.dispose = async () => {
    await live.current.close();
    await dispose();
  };
  const context: HandlerContext = {
    live,
    db: database.db,
    appVersion: 'test',
    databasePath: database.file,
    backupsDir: database.backupsDir,
    documentsDir: `${database.dir}/documents`,
    now: () => new Date('2026-11-23T14:05:00'),
    renderPdf: (job) => renderReport(job, { fontsDir: FONTS_DIR }),
    chooseSavePath: async () => null,
    chooseOpenPath: async () => null,
    openFile: async () => undefined,
    ...overrides,
  };
  const handlers = createHandlers(context);
  async function call<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ApiResult<ChannelOutput<C>>> {
    return (await invokeChannel(handlers, channel, input)) as ApiResult<ChannelOutput<C>>;
  }
  /** Calls and unwraps, failing loudly with the French message. */
  async function ok<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel} a échoué : ${result.error.message}`);
    return result.data;
  }
  return { database, live, context, handlers, call, ok };
}
