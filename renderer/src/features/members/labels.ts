import type { MemberListRow } from '@shared/domain/members';
import { PRACTICE_MODES, PROFESSIONS, STRUCTURE_TYPES, type ProfessionFamily } from '@shared/domain/professions';
import { formatDateLong } from '@shared/format';

export const FAMILY_LABELS: Record<ProfessionFamily, string> = {
  sante: 'Professions de santé',
  usage_titre: 'Usage de titre',
  social: 'Social',
  autre: 'Autres',
};

/** Professions grouped for a <select>, in the order of the families above. */
export const PROFESSION_GROUPS = (Object.keys(FAMILY_LABELS) as ProfessionFamily[]).map((family) => ({
  family,
  label: FAMILY_LABELS[family],
  professions: PROFESSIONS.filter((profession) => profession.family === family),
}));

export const STRUCTURE_TYPE_LABEL = new Map(STRUCTURE_TYPES.map((type) => [type.code, type.label]));
export const PRACTICE_MODE_LABEL = new Map<string, string>(PRACTICE_MODES.map((mode) => [mode.code, mode.label]));

export const VOTING_RIGHT_LABEL = { deliberative: 'voix délibérative', consultative: 'voix consultative' } as const;

/** « Infirmier » (or « Médecin · Médecine générale »), or the structure's type. */
export function professionText(
  row: Pick<MemberListRow, 'kind' | 'professionLabel' | 'specialty' | 'structureType'>,
): string {
  if (row.kind === 'structure')
    return row.structureType ? (STRUCTURE_TYPE_LABEL.get(row.structureType) ?? row.structureType) : 'Structure';
  return row.professionLabel ?? '—';
}

/** « actif », « sortie le 3 mars 2025 », « anonymisé ». */
export function statusText(row: Pick<MemberListRow, 'active' | 'leftOn' | 'erased'>): string {
  if (row.erased) return 'anonymisé';
  if (row.active) return row.leftOn ? `sortie prévue le ${formatDateLong(row.leftOn)}` : 'actif';
  return row.leftOn ? `sortie le ${formatDateLong(row.leftOn)}` : 'ancien';
}

/** The current calendar year of this computer. */
export const currentYear = () => new Date().getFullYear();
