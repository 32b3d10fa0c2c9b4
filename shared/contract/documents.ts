/**
 * Files Maillage keeps in its documents folder (attached to a contract, a fiche, a partnership, some evidence, a
 * meeting…): opening one with the computer's usual application.
 */
import { z } from '../zod-fr';
import { channel } from './common';

const id = z.number().int().positive();

export const documentsChannels = {
  'documents.open': channel<{ opened: true }>()(
    z.union([z.object({ documentId: id }).strict(), z.object({ meetingDocumentId: id }).strict()]),
  ),
};
