import type { ImportRowPreview } from '@shared/contract';
import { checkRpps, normaliseIdentifier } from '@shared/domain/identifiers';
import { formatFrenchDate, specialtyLabel } from '@shared/domain/import-mapping';
import { PRACTICE_MODES, STRUCTURE_TYPES } from '@shared/domain/professions';
import type { MemberData } from '@shared/schemas/members';
import { professionLabelOf } from '../members';
import { type Context, type MemberRow, nameKey, personKey, type StoredCotisation } from './context';
import type { RowCotisation, RowInput } from './row';

// =================================================================================================================
// Matching and changes
// =================================================================================================================

type Match =
  | { member: MemberRow; by: NonNullable<ImportRowPreview['matchedBy']> }
  | { erased: MemberRow }
  | { ambiguous: MemberRow[] }
  | null;

type Pick = { member: MemberRow } | { ambiguous: MemberRow[] } | null;

/**
 * The one candidate (same name, and profession for a person) the row is: same commune, or unknown on either side,
 * exact commune first. Candidates that cannot be told apart are ambiguous (the row is refused, never created: a
 * second import must not duplicate the member); none (all in other communes) is a homonym elsewhere.
 */
function pickByCommune(candidates: MemberRow[], communeCode: string | null): Pick {
  if (candidates.length === 0) return null;
  if (!communeCode) return candidates.length === 1 ? { member: candidates[0]! } : { ambiguous: candidates };
  const exact = candidates.filter((member) => member.commune_code === communeCode);
  if (exact.length === 1) return { member: exact[0]! };
  if (exact.length > 1) return { ambiguous: exact };
  const open = candidates.filter((member) => member.commune_code === null);
  if (open.length === 1) return { member: open[0]! };
  if (open.length > 1) return { ambiguous: open };
  return null;
}

function matchOf(pick: Pick, by: NonNullable<ImportRowPreview['matchedBy']>): Match {
  if (!pick) return null;
  return 'member' in pick ? { member: pick.member, by } : pick;
}

/**
 * The payment date to record. A « Cotisation YYYY » amount lists what was paid. A date in the payment-date column
 * wins; « non » there means unpaid; a mapped payment-date column left empty means unpaid. A stored cotisation keeps
 * its paid_on. Otherwise (no payment-date column, or « oui » there) the file does not say when: the date given for
 * the whole file, else unpaid — `undated` tells the preview to ask. Never « today ».
 */
export function paidOnOf(
  cotisation: RowCotisation,
  previous: StoredCotisation | undefined,
  undatedOn: string | null,
): { paidOn: string | null; undated: boolean } {
  if (cotisation.paid === 'yes') {
    if (previous?.paid_on) return { paidOn: previous.paid_on, undated: false };
    return { paidOn: undatedOn, undated: true };
  }
  if (cotisation.paid !== undefined) return { paidOn: cotisation.paid, undated: false };
  if (previous) return { paidOn: previous.paid_on, undated: false };
  if (cotisation.paidColumn) return { paidOn: null, undated: false };
  return { paidOn: undatedOn, undated: true };
}

export function findMatch(context: Context, row: RowInput, identity: Identity): Match {
  if (row.kind === 'person') {
    if (identity.rpps) {
      const member = context.byRpps.get(identity.rpps);
      if (member)
        return member.erased_at ? { erased: member } : member.kind === 'person' ? { member, by: 'rpps' } : null;
    }
    if (!identity.lastName || !identity.professionCode) return null;
    const candidates = (
      context.byPersonName.get(personKey(identity.lastName, identity.firstName, identity.professionCode)) ?? []
    ).filter(
      // Two different RPPS are two different people, whatever their names.
      (member) => !(identity.rpps && member.rpps && member.rpps !== identity.rpps),
    );
    return matchOf(pickByCommune(candidates, identity.communeCode), 'nom_profession_commune');
  }
  if (identity.finessEt) {
    const member = context.byFinessEt.get(identity.finessEt);
    if (member) return { member, by: 'finess_siret' };
  }
  if (identity.siret) {
    const member = context.bySiret.get(identity.siret);
    if (member) return { member, by: 'finess_siret' };
  }
  if (!identity.structureName) return null;
  return matchOf(
    pickByCommune(context.byStructureName.get(nameKey(identity.structureName)) ?? [], identity.communeCode),
    'nom_commune',
  );
}

/** « Plusieurs membres s'appellent ainsi (3 fiches : Eybens, Poisat, sans commune) : … ». */
export function ambiguityMessage(context: Context, candidates: MemberRow[]): string {
  const communes = candidates.map((member) =>
    member.commune_code
      ? (context.reference.byCode.get(member.commune_code)?.nom ?? member.commune_code)
      : 'sans commune',
  );
  const listed = communes.slice(0, 5).join(', ') + (communes.length > 5 ? '…' : '');
  return `Plusieurs membres s'appellent ainsi (${candidates.length} fiches dans Maillage : ${listed}) : précisez la commune ou le RPPS pour savoir lequel mettre à jour.`;
}

export interface Identity {
  rpps: string | null;
  lastName: string | null;
  firstName: string | null;
  professionCode: string | null;
  communeCode: string | null;
  structureName: string | null;
  finessEt: string | null;
  siret: string | null;
}

/** The keys a row is identified by, normalised as the schema would store them. */
export function identityOf(row: RowInput): Identity {
  const text = (field: keyof MemberData) => {
    const value = row.input[field];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const normalised = (field: keyof MemberData, check?: (value: string) => { ok: boolean; value?: string }) => {
    const value = text(field);
    if (!value) return null;
    if (check) {
      const result = check(value);
      return result.ok ? (result.value ?? null) : null;
    }
    return normaliseIdentifier(value);
  };
  return {
    rpps: normalised('rpps', checkRpps),
    lastName: text('lastName'),
    firstName: text('firstName'),
    professionCode: text('professionCode'),
    communeCode: text('communeCode'),
    structureName: text('structureName'),
    finessEt: normalised('finessEt'),
    siret: normalised('siret'),
  };
}

/** Identifiers of the file that identify a member, for the duplicates inside the file (names are compared apart). */
export function fileKeys(row: RowInput, identity: Identity): { key: string; label: string }[] {
  const keys: { key: string; label: string }[] = [];
  if (row.kind === 'person') {
    if (identity.rpps) keys.push({ key: `rpps:${identity.rpps}`, label: 'même RPPS' });
  } else {
    if (identity.finessEt) keys.push({ key: `finess:${identity.finessEt}`, label: 'même FINESS' });
    if (identity.siret) keys.push({ key: `siret:${identity.siret}`, label: 'même SIRET' });
  }
  return keys;
}

export const FIELD_LABELS: Record<keyof MemberData, string> = {
  kind: 'Type de membre',
  civility: 'Civilité',
  lastName: 'Nom',
  firstName: 'Prénom',
  professionCode: 'Profession',
  specialty: 'Spécialité',
  rpps: 'RPPS',
  adeli: 'ADELI',
  practiceMode: 'Mode d’exercice',
  structureName: 'Nom de la structure',
  structureType: 'Type de structure',
  finessEj: 'FINESS EJ',
  finessEt: 'FINESS ET',
  siret: 'SIRET',
  representativeName: 'Représentant·e',
  communeCode: 'Commune',
  address: 'Adresse',
  structureMemberId: 'Structure d’exercice',
  structureLabel: 'Structure d’exercice',
  phone: 'Téléphone',
  email: 'Courriel',
  collegeId: 'Collège',
  joinedOn: 'Date d’adhésion',
  directoryConsentOn: 'Consentement annuaire',
  notes: 'Notes',
};

/** Free-text fields where a difference of case or accents only is not a change (« BERNARD » = « Bernard »). */
export const LOOSE_TEXT: (keyof MemberData)[] = [
  'lastName',
  'firstName',
  'structureName',
  'structureLabel',
  'address',
  'representativeName',
];

export function describe(context: Context, field: keyof MemberData, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  switch (field) {
    case 'professionCode':
      return professionLabelOf(String(value)) ?? String(value);
    case 'communeCode':
      return context.reference.byCode.get(String(value))?.nom ?? String(value);
    case 'collegeId':
      return (
        context.collegeNames.get(Number(value)) ??
        [...context.missingColleges.values()]
          .find((college) => college.id === Number(value))
          ?.name.concat(' (collège créé par l’import)') ??
        `n° ${value}`
      );
    case 'structureMemberId': {
      const structure = context.byId.get(Number(value));
      return structure?.structure_name ?? `n° ${value}`;
    }
    case 'joinedOn':
    case 'directoryConsentOn':
      return formatFrenchDate(String(value));
    case 'practiceMode':
      return PRACTICE_MODES.find((mode) => mode.code === value)?.label ?? String(value);
    case 'structureType':
      return STRUCTURE_TYPES.find((type) => type.code === value)?.label ?? String(value);
    case 'specialty':
      return specialtyLabel(String(value)) ?? String(value);
    default:
      return String(value);
  }
}

export function memberChanges(context: Context, before: MemberData, after: MemberData): string[] {
  const changes: string[] = [];
  for (const field of Object.keys(FIELD_LABELS) as (keyof MemberData)[]) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (a === b) continue;
    // The structure d'exercice is one notion stored in two columns: report it once.
    if (field === 'structureLabel' && (before.structureMemberId ?? null) !== (after.structureMemberId ?? null))
      continue;
    if (field === 'structureMemberId') {
      const show = (data: MemberData) =>
        data.structureMemberId
          ? describe(context, 'structureMemberId', data.structureMemberId)
          : describe(context, 'structureLabel', data.structureLabel);
      if (show(before) !== show(after)) changes.push(`${FIELD_LABELS[field]} : ${show(before)} → ${show(after)}`);
      continue;
    }
    changes.push(`${FIELD_LABELS[field]} : ${describe(context, field, a)} → ${describe(context, field, b)}`);
  }
  return changes;
}

export function schemaErrors(
  issues: readonly { path: PropertyKey[]; message: string }[],
  explained: Set<string>,
  fromFile: Set<keyof MemberData> | null,
): string[] {
  const messages: string[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (explained.has(field)) continue;
    const prefix = fromFile && field && !fromFile.has(field as keyof MemberData) ? 'Fiche existante : ' : '';
    const message = `${prefix}${issue.message}`;
    if (!messages.includes(message)) messages.push(message);
  }
  return messages;
}
