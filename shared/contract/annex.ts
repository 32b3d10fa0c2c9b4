/**
 * The « annexe indicateurs » of the ACI contract as a spreadsheet: importing the annex the CPAM sends (open the
 * file, map its columns, preview each row with the reason of its refusal, apply in one transaction for a contract
 * year) and exporting the tableau de suivi of a contract to XLSX, one sheet per contract year.
 */
import { z } from '../zod-fr';
import { channel, type ExportResult } from './common';

const id = z.number().int().positive();

/** Channels of the annex import and of the tableau de suivi export. */
export const annexChannels = {
  'annex.exportTracking': channel<ExportResult>()(z.object({ contractId: id })),
} as const;
