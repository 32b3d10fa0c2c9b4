/** Settings of the CPTS that are neither statutes nor backups. */
import { z } from '../zod-fr';
import { channel, noInput } from './common';

/** Channels of the settings. */
export const settingsChannels = {
  'settings.get': channel<{ rcpMinProfessions: number }>()(noInput),
  'settings.save': channel<{ rcpMinProfessions: number }>()(
    z.object({
      rcpMinProfessions: z
        .number({ error: 'Indiquez un nombre de professions.' })
        .int('Nombre entier attendu.')
        .min(1, 'Au moins une profession.')
        .max(10, 'Dix professions au plus.'),
    }),
  ),
} as const;
