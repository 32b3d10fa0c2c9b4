/** RCP (réunions de concertation pluriprofessionnelle): motifs and anonymous cases of a meeting. */
import { z } from '../zod-fr';
import { rcpCaseSchema } from '../schemas/meetings';
import { channel, noInput } from './common';
import type { MeetingDetail } from './meetings';

/** Channels of the RCP motifs and cases. */
export const rcpChannels = {
  'rcp.motifs': channel<{ code: string; label: string; custom: boolean }[]>()(noInput),
  'rcp.addMotif': channel<{ code: string; label: string; custom: boolean }[]>()(
    z.object({ label: z.string().trim().min(2, 'Intitulé du motif trop court.').max(120) }),
  ),
  'rcp.saveCase': channel<MeetingDetail>()(rcpCaseSchema),
  'rcp.deleteCase': channel<MeetingDetail>()(z.object({ id: z.number().int().positive() })),
} as const;
