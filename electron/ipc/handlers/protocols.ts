import type { protocolsChannels } from '@shared/contract/protocols';
import { archiveProtocol, createProtocol, deleteProtocol, updateProtocol } from '../../services/protocols/library';
import { getProtocol, listProtocols, reviewsDue } from '../../services/protocols/library-queries';
import { addProtocolDocument, deleteProtocolDocument } from '../../services/protocols/protocol-documents';
import {
  deleteVersion,
  getVersion,
  newVersion,
  saveVersion,
  setVersionStatus,
  validateVersion,
} from '../../services/protocols/versions';
import { importWordProtocol } from '../../services/protocols/word-import';
import { type HandlerContext, type HandlersFor, todayIn } from './context';

/** The library of protocols: identity, versions and their review, documents, Word import. */
export function protocolsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof protocolsChannels> {
  const today = todayIn(ctx);
  return {
    'protocols.list': async (filters) => listProtocols(ctx.db, filters, today()),
    'protocols.get': async ({ id }) => getProtocol(ctx.db, id, today()),
    'protocols.getVersion': async ({ id }) => getVersion(ctx.db, id, today()),
    'protocols.create': async (data) => createProtocol(ctx.db, data, today()),
    'protocols.update': async ({ id, data }) => updateProtocol(ctx.db, id, data, today()),
    'protocols.delete': async ({ id }) => deleteProtocol(ctx.db, id, ctx.documentsDir),
    'protocols.archive': async ({ id, on }) => archiveProtocol(ctx.db, id, on!, today()),

    'protocols.newVersion': async ({ protocolId }) => newVersion(ctx.db, protocolId, today()),
    'protocols.saveVersion': async ({ id, ...data }) => saveVersion(ctx.db, id, data, today()),
    'protocols.deleteVersion': async ({ id }) => deleteVersion(ctx.db, id, today()),
    'protocols.validateVersion': async (input) => validateVersion(ctx.db, input, today()),
    'protocols.setVersionStatus': async (input) => setVersionStatus(ctx.db, input, today()),
    'protocols.reviewsDue': async () => reviewsDue(ctx.db, today()),

    'protocols.addDocument': async (input) =>
      addProtocolDocument(ctx.db, input, ctx.documentsDir, today(), () => ctx.chooseOpenPath('document')),
    'protocols.deleteDocument': async ({ id }) => deleteProtocolDocument(ctx.db, id, ctx.documentsDir, today()),
    'protocols.importWord': async () =>
      importWordProtocol(ctx.db, ctx.documentsDir, today(), () => ctx.chooseOpenPath('protocol-import')),
  };
}
