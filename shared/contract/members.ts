/** Members, their mandates and cotisations, the collèges and the cotisation amounts. */
import { z } from '../zod-fr';
import type { MemberListRow } from '../domain/members';
import {
  collegeSchema,
  cotisationRateSchema,
  cotisationSchema,
  departureSchema,
  mandateSchema,
  memberFiltersSchema,
  memberSchema,
  type MemberData,
  type MemberType,
} from '../schemas/members';
import { channel, noInput, type ExportResult } from './common';

export type { MemberListRow };

export interface CollegeRow {
  id: number;
  name: string;
  votingRight: 'deliberative' | 'consultative';
  seats: number | null;
  voteWeight: number;
  description: string | null;
  position: number;
  /** Active members in this collège. */
  memberCount: number;
}

export interface MandateRow {
  id: number;
  role: string;
  roleLabel: string;
  label: string | null;
  startOn: string;
  endOn: string | null;
  /** Running today. */
  current: boolean;
}

export interface CotisationRow {
  year: number;
  amountCents: number;
  paidOn: string | null;
  mode: string | null;
  /** Amount expected that year for this member's type, if the CPTS set one. */
  expectedCents: number | null;
  upToDate: boolean;
}

export interface MemberDetail {
  id: number;
  /** The values of the form, as stored. */
  data: MemberData;
  displayName: string;
  professionLabel: string | null;
  communeName: string | null;
  collegeName: string | null;
  structureMemberName: string | null;
  memberType: MemberType;
  leftOn: string | null;
  leftReason: string | null;
  active: boolean;
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  mandates: MandateRow[];
  cotisations: CotisationRow[];
  upToDateYears: number[];
}

export interface MemberStats {
  year: number;
  activeCount: number;
  personCount: number;
  structureCount: number;
  byProfession: { code: string; label: string; count: number }[];
  byStructureType: { code: string; label: string; count: number }[];
  byCollege: { id: number | null; name: string; votingRight: 'deliberative' | 'consultative' | null; count: number }[];
  /** Territory communes where at least one active member practises. */
  communesCovered: number;
  territoryCommunes: number;
  coveredShare: number | null;
  cotisations: { upToDate: number; outstanding: number; collectedCents: number; outstandingCents: number };
}

export interface CotisationRateRow {
  year: number;
  memberType: MemberType;
  amountCents: number;
}

/** Channels of the members, collèges and cotisation amounts (the import has its own slice). */
export const membersChannels = {
  'colleges.list': channel<CollegeRow[]>()(noInput),
  'colleges.save': channel<CollegeRow[]>()(collegeSchema),
  'colleges.delete': channel<CollegeRow[]>()(z.object({ id: z.number().int().positive() })),
  'cotisationRates.list': channel<CotisationRateRow[]>()(noInput),
  'cotisationRates.save': channel<CotisationRateRow[]>()(cotisationRateSchema),
  'members.list': channel<MemberListRow[]>()(noInput),
  'members.get': channel<MemberDetail>()(z.object({ id: z.number().int().positive() })),
  'members.create': channel<MemberDetail>()(memberSchema),
  'members.update': channel<MemberDetail>()(z.object({ id: z.number().int().positive(), data: memberSchema })),
  'members.depart': channel<MemberDetail>()(departureSchema),
  'members.reinstate': channel<MemberDetail>()(z.object({ id: z.number().int().positive() })),
  'members.erase': channel<{ erased: true }>()(
    z.object({
      id: z.number().int().positive(),
      confirm: z.literal('EFFACER', { error: 'Tapez EFFACER pour confirmer l’anonymisation.' }),
    }),
  ),
  'members.exportPersonalData': channel<ExportResult>()(z.object({ id: z.number().int().positive() })),
  'members.setCotisation': channel<MemberDetail>()(cotisationSchema),
  'members.deleteCotisation': channel<MemberDetail>()(
    z.object({ memberId: z.number().int().positive(), year: z.number().int() }),
  ),
  'members.addMandate': channel<MemberDetail>()(mandateSchema),
  'members.deleteMandate': channel<MemberDetail>()(
    z.object({ memberId: z.number().int().positive(), mandateId: z.number().int().positive() }),
  ),
  'members.stats': channel<MemberStats>()(z.object({ year: z.number().int().min(2000).max(2100) })),
  'members.exportList': channel<ExportResult>()(
    z.object({ filters: memberFiltersSchema, format: z.enum(['csv', 'xlsx']) }),
  ),
} as const;
