import { normaliseIdentifier } from '@shared/domain/identifiers';
import {
  cotisationPaidField,
  cotisationPaidYearOf,
  cotisationYearOf,
  matchCivility,
  matchMemberKind,
  matchPracticeMode,
  matchProfession,
  matchSpecialty,
  matchStructureType,
  parseEuroAmount,
  parseFrenchDate,
  parseYesNo,
  specialtyLabel,
  splitFullName,
  tidyFirstName,
} from '@shared/domain/import-mapping';
import type { MemberData } from '@shared/schemas/members';
import { searchCommunes } from '../communes';
import { ARTICLE, type CommuneResolution, type Context, nameKey, PROVISIONAL_COLLEGE_ID } from './context';

// =================================================================================================================
// Values of a row
// =================================================================================================================

/** « 1053 » (a code whose leading zero a spreadsheet dropped) → « 01053 ». */
const padCode = (text: string) => (/^\d{4}$/.test(text) ? `0${text}` : text);

function resolveCommune(
  context: Context,
  communeText: string,
  inseeText: string,
  postcodeText: string,
): CommuneResolution {
  const memoKey = `${communeText}\u0000${inseeText}\u0000${postcodeText}`;
  const known = context.communeMemo.get(memoKey);
  if (known) return known;
  const result = resolveCommuneUncached(context, communeText, inseeText, postcodeText);
  context.communeMemo.set(memoKey, result);
  return result;
}

function resolveCommuneUncached(
  context: Context,
  communeText: string,
  inseeText: string,
  postcodeText: string,
): CommuneResolution {
  const { reference, communes } = context;
  let postcode = padCode(postcodeText.replace(/\s/g, ''));
  if (!/^\d{5}$/.test(postcode)) postcode = '';

  if (inseeText) {
    const code = padCode(normaliseIdentifier(inseeText));
    if (reference.byCode.has(code)) return { code };
    return { code: null, error: `Code INSEE de commune inconnu : « ${inseeText} ».` };
  }
  if (!communeText) {
    // A postcode alone gives the commune when it serves a single one.
    if (!postcode) return { code: null };
    const served = (communes.byPostcode.get(postcode) ?? []).filter((commune) => commune.kind === 'commune');
    return { code: served.length === 1 ? served[0]!.code : null };
  }

  let name = communeText.replace(/\s+cedex(\s*\d+)?\s*$/i, '').trim();
  const asCode = padCode(normaliseIdentifier(name));
  if (/^(\d{5}|2[AB]\d{3})$/.test(asCode)) {
    if (reference.byCode.has(asCode)) return { code: asCode };
    const served = (communes.byPostcode.get(asCode) ?? []).filter((commune) => commune.kind === 'commune');
    if (served.length === 1) return { code: served[0]!.code };
    if (served.length > 1) {
      return {
        code: null,
        error: `Commune imprécise : « ${communeText} » est un code postal partagé par ${served.length} communes (${served
          .slice(0, 4)
          .map((commune) => commune.nom)
          .join(', ')}${served.length > 4 ? '…' : ''}). Indiquez le nom de la commune ou son code INSEE.`,
      };
    }
    return {
      code: null,
      error: `Commune inconnue : « ${communeText} » n'est ni un code INSEE ni un code postal connu.`,
    };
  }
  // « 38400 Saint-Martin-d'Hères », « Saint-Martin-d'Hères 38400 », « Grenoble (38) »
  let departement = '';
  const leading = /^(\d{5})\s+(.+)$/.exec(name) ?? /^(.+?)\s+(\d{5})$/.exec(name);
  if (leading) {
    const [, a, b] = leading;
    if (/^\d{5}$/.test(a!)) {
      postcode = postcode || a!;
      name = b!;
    } else {
      postcode = postcode || b!;
      name = a!;
    }
  }
  const departementHint = /^(.+?)\s*\((\d{2,3}|2[AB])\)$/i.exec(name);
  if (departementHint) {
    name = departementHint[1]!;
    departement = departementHint[2]!.toUpperCase();
  }
  const key = nameKey(name);
  let candidates = communes.byName.get(key) ?? communes.byNameWithoutArticle.get(key.replace(ARTICLE, '')) ?? [];
  if (candidates.length > 1) {
    const only = candidates.filter((commune) => commune.kind === 'commune');
    if (only.length > 0) candidates = only;
  }
  if (candidates.length > 1 && postcode) {
    const byPostcode = candidates.filter((commune) => commune.codesPostaux.includes(postcode));
    if (byPostcode.length > 0) candidates = byPostcode;
    else {
      const dep = postcode.startsWith('97')
        ? postcode.slice(0, 3)
        : postcode.startsWith('20')
          ? '2'
          : postcode.slice(0, 2);
      const byDepartement = candidates.filter((commune) =>
        dep === '2' ? /^2[AB]$/.test(commune.departementCode) : commune.departementCode === dep,
      );
      if (byDepartement.length > 0) candidates = byDepartement;
    }
  }
  if (candidates.length > 1 && departement) {
    const byDepartement = candidates.filter((commune) => commune.departementCode === departement);
    if (byDepartement.length > 0) candidates = byDepartement;
  }
  if (candidates.length > 1) {
    const inTerritory = candidates.filter((commune) => context.territory.has(commune.code));
    if (inTerritory.length === 1) candidates = inTerritory;
  }
  if (candidates.length === 1) return { code: candidates[0]!.code };
  if (candidates.length > 1) {
    const departements = [...new Set(candidates.map((commune) => commune.departementCode))].sort();
    return {
      code: null,
      error: `Commune ambiguë : ${candidates.length} communes s'appellent « ${communeText} » (départements ${departements.slice(0, 6).join(', ')}${
        departements.length > 6 ? '…' : ''
      }). Précisez le code postal ou le code INSEE.`,
    };
  }
  const suggestion = key.length >= 3 ? searchCommunes(name, 1, reference)[0] : undefined;
  return {
    code: null,
    error: `Commune inconnue : « ${communeText} »${suggestion ? ` (vouliez-vous dire ${suggestion.nom}, ${suggestion.departementCode} ?)` : ''}.`,
  };
}

/** An Excel serial date (days since 1899-12-30) a CSV or a number cell may hold. */
function excelSerialToIso(text: string): string | null {
  if (!/^\d{5}(\.\d+)?$/.test(text)) return null;
  const serial = Number(text);
  if (serial < 20_000 || serial > 80_000) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

const parseDateCell = (text: string): string | null => parseFrenchDate(text) ?? excelSerialToIso(text);

/** Phone as typed, repaired when a spreadsheet dropped its leading zero (« 612345678 »). */
function phoneOf(text: string): string {
  const first = text.split(/\s*[/;|]\s*|\s+ou\s+/i).find((part) => part.trim()) ?? '';
  const value = first.replace(/\(0\)/g, '').trim();
  const digits = value.replace(/[\s.\-()]/g, '');
  if (/^[1-9]\d{8}$/.test(digits)) return `0${digits}`;
  if (/^33[1-9]\d{8}$/.test(digits)) return `+${digits}`;
  return value;
}

const emailOf = (text: string) =>
  (text.split(/[\s;,]+/).find((part) => part.includes('@')) ?? text).replace(/^mailto:/i, '').trim();

export interface RowCotisation {
  year: number;
  /** Cents, or 'expected' (« oui » in the amount column: the amount set for the year). */
  amount: number | 'expected' | null;
  /** A date, 'yes' (« oui », paid on a date the file does not say), null (« non »), or undefined (no payment-date column, or an empty cell). */
  paid: string | 'yes' | null | undefined;
  /** A payment-date column of that year is mapped (its empty cell then means « not paid » for a new cotisation). */
  paidColumn: boolean;
}

export interface RowInput {
  kind: 'person' | 'structure';
  /** Member input for memberSchema: only what the file says. */
  input: Record<string, unknown>;
  /** Fields the file gives a value to (an explicit « non » for the consent included). */
  filled: Set<keyof MemberData>;
  /** Paths already explained by an error of the import (« Profession inconnue… »): schema messages there are redundant. */
  explained: Set<string>;
  errors: string[];
  cotisations: RowCotisation[];
  /** The directory consent answer « oui »: keeps an existing date. */
  consentYes: boolean;
  raw: { name: string; profession: string; commune: string };
}

export type Cells = Map<string, string>;

/** A row being read: its cells, the member input built so far and the errors found. */
interface RowDraft {
  cells: Cells;
  get: (field: string) => string;
  input: Record<string, unknown>;
  filled: Set<keyof MemberData>;
  explained: Set<string>;
  errors: string[];
  /** Records a value the file gives to a member field. */
  set: (field: keyof MemberData, value: unknown) => void;
  /** Records an error, and that it explains any schema message about that field. */
  fail: (field: keyof MemberData | null, message: string) => void;
}

function draftOf(cells: Cells): RowDraft {
  const input: Record<string, unknown> = {};
  const filled = new Set<keyof MemberData>();
  const explained = new Set<string>();
  const errors: string[] = [];
  return {
    cells,
    get: (field) => cells.get(field) ?? '',
    input,
    filled,
    explained,
    errors,
    set: (field, value) => {
      input[field] = value;
      filled.add(field);
    },
    fail: (field, message) => {
      errors.push(message);
      if (field) explained.add(field);
    },
  };
}

/** What a row says of the kind of member, before the kind is known. */
interface KindClues {
  professionText: string;
  structureTypeText: string;
  structureText: string;
  hasPersonName: boolean;
  profession: { code: string; specialty?: string } | null;
  /** A « profession » cell that names a type of structure (« Pharmacie », « EHPAD »…). */
  professionAsStructureType: string | null;
}

function kindCluesOf(draft: RowDraft): KindClues {
  const { get } = draft;
  const professionText = get('profession');
  const profession = professionText ? matchProfession(professionText) : null;
  return {
    professionText,
    structureTypeText: get('type_structure'),
    structureText: get('structure'),
    hasPersonName: Boolean(get('nom') || get('prenom') || get('nom_prenom')),
    profession,
    professionAsStructureType: professionText && !profession ? matchStructureType(professionText) : null,
  };
}

/** Person or structure: the « type de membre » cell, else a structure when the row names no person. */
function kindOfRow(draft: RowDraft, clues: KindClues): 'person' | 'structure' {
  const kindText = draft.get('type_membre');
  const kind = kindText ? matchMemberKind(kindText) : null;
  if (kindText && !kind) draft.errors.push(`Type de membre inconnu : « ${kindText} » (Personne ou Structure).`);
  if (kind) return kind;
  const structure =
    !clues.hasPersonName &&
    !draft.get('rpps') &&
    !draft.get('adeli') &&
    (Boolean(clues.structureTypeText) ||
      Boolean(clues.professionAsStructureType) ||
      (Boolean(clues.structureText) && !clues.professionText));
  return structure ? 'structure' : 'person';
}

/** Name, civility, profession, spécialité, RPPS / ADELI, mode d'exercice and structure of a person. */
function readPerson(context: Context, draft: RowDraft, clues: KindClues): void {
  const { get, set, fail } = draft;
  let lastName = get('nom');
  let firstName = get('prenom');
  let civility: 'M.' | 'Mme' | null = null;
  const fullName = get('nom_prenom');
  if (fullName && (!lastName || !firstName)) {
    const split = splitFullName(fullName);
    if (!lastName && !firstName) {
      lastName = split.lastName ?? '';
      firstName = split.firstName ?? '';
    } else if (!lastName) lastName = split.lastName ?? fullName;
    else if (!firstName) firstName = split.firstName ?? '';
    civility = split.civility;
  }
  if (lastName) set('lastName', lastName);
  if (firstName) set('firstName', tidyFirstName(firstName));
  const civilityText = get('civilite');
  if (civilityText) {
    const matched = matchCivility(civilityText);
    if (matched) set('civility', matched);
    else fail('civility', `Civilité inconnue : « ${civilityText} » (M. ou Mme).`);
  } else if (civility) set('civility', civility);

  const { professionText, profession, structureText } = clues;
  if (professionText) {
    if (profession) set('professionCode', profession.code);
    else fail('professionCode', `Profession inconnue : « ${professionText} ».`);
  }
  const specialtyText = get('specialite');
  if (specialtyText) set('specialty', matchSpecialty(specialtyText));
  else if (profession?.specialty) set('specialty', specialtyLabel(profession.specialty));

  let rpps = get('rpps');
  let adeli = get('adeli');
  if (rpps) {
    const normalised = normaliseIdentifier(rpps);
    // The IdNat_PS « 8 » + RPPS, or an ADELI number in a « RPPS / ADELI » column.
    if (/^8\d{11}$/.test(normalised)) rpps = normalised.slice(1);
    else if (normalised.length === 9 && !adeli) {
      adeli = rpps;
      rpps = '';
    }
  }
  if (rpps) set('rpps', rpps);
  if (adeli) set('adeli', adeli);

  const modeText = get('mode_exercice');
  if (modeText) {
    const mode = matchPracticeMode(modeText);
    if (mode) set('practiceMode', mode);
    else fail('practiceMode', `Mode d'exercice inconnu : « ${modeText} » (libéral, salarié ou mixte).`);
  }
  if (structureText) {
    const key = nameKey(structureText);
    const structures = (context.byStructureName.get(key) ?? []).filter((member) => member.kind === 'structure');
    if (structures.length === 1) {
      set('structureMemberId', structures[0]!.id);
      set('structureLabel', null);
    } else set('structureLabel', structureText);
  }
}

/** Name, type, FINESS, SIRET and representative of a structure. */
function readStructure(draft: RowDraft, clues: KindClues): void {
  const { get, set, fail } = draft;
  const { structureText, structureTypeText, professionText, professionAsStructureType } = clues;
  if (structureText) set('structureName', structureText);
  else if (clues.hasPersonName) set('structureName', get('nom') || get('nom_prenom'));
  if (structureTypeText) {
    const type = matchStructureType(structureTypeText);
    if (type) set('structureType', type);
    else fail('structureType', `Type de structure inconnu : « ${structureTypeText} ».`);
  } else if (professionAsStructureType) set('structureType', professionAsStructureType);
  else if (professionText) fail('structureType', `Type de structure inconnu : « ${professionText} ».`);
  for (const [field, key] of [
    ['finess_ej', 'finessEj'],
    ['finess_et', 'finessEt'],
    ['siret', 'siret'],
    ['representant', 'representativeName'],
  ] as const) {
    const value = get(field);
    if (value) set(key, value);
  }
}

/** Commune, address, phone, email and notes. */
function readPlaceAndContact(context: Context, draft: RowDraft): void {
  const { get, set, fail } = draft;
  const commune = resolveCommune(context, get('commune'), get('code_insee'), get('code_postal'));
  if (commune.error) fail('communeCode', commune.error);
  else if (commune.code) set('communeCode', commune.code);
  if (get('adresse')) set('address', get('adresse'));
  if (get('telephone')) set('phone', phoneOf(get('telephone')));
  if (get('email')) set('email', emailOf(get('email')));
  if (get('notes')) set('notes', get('notes'));
}

/** The collège named by the row: an existing one, or one to create on apply (when the coordinator agrees). */
function readCollege(context: Context, draft: RowDraft): void {
  const collegeText = draft.get('college');
  if (!collegeText) return;
  const key = nameKey(collegeText);
  let college = context.colleges.filter((candidate) => candidate.key === key);
  if (college.length === 0)
    college = context.colleges.filter((candidate) => candidate.key.startsWith(key) || key.startsWith(candidate.key));
  if (college.length === 1) {
    draft.set('collegeId', college[0]!.id);
    return;
  }
  if (college.length > 1) {
    draft.fail('collegeId', `Collège imprécis : « ${collegeText} » (${college.map((c) => c.name).join(', ')}).`);
    return;
  }
  // Not in Maillage yet: created on apply, in the same transaction, when the coordinator agrees (the app's own
  // export imported into a fresh install); otherwise the row is in error.
  let missing = context.missingColleges.get(key);
  if (!missing)
    context.missingColleges.set(
      key,
      (missing = { id: PROVISIONAL_COLLEGE_ID + context.missingColleges.size, name: collegeText.trim(), rows: 0 }),
    );
  missing.rows++;
  if (context.createColleges) draft.set('collegeId', missing.id);
  else {
    const names = context.colleges.map((candidate) => `« ${candidate.name} »`).join(', ');
    draft.fail(
      'collegeId',
      `Collège inconnu : « ${collegeText} » (${names ? `collèges existants : ${names}` : 'aucun collège n’est encore défini dans Maillage'}). Cochez « Créer les collèges manquants » ou créez-le dans Collèges.`,
    );
  }
}

/** Date of adhesion and directory consent; true when the consent is a « oui » without a date. */
function readJoinedAndConsent(context: Context, draft: RowDraft): boolean {
  const { get, set, fail } = draft;
  const joinedText = get('date_adhesion');
  if (joinedText) {
    const date = parseDateCell(joinedText);
    if (date) set('joinedOn', date);
    else fail('joinedOn', `Date d'adhésion invalide : « ${joinedText} » (format attendu : jj/mm/aaaa).`);
  }
  let consentYes = false;
  const consentText = get('consentement_annuaire');
  if (consentText) {
    const date = parseDateCell(consentText);
    const answer = date ? null : parseYesNo(consentText);
    if (date) set('directoryConsentOn', date);
    else if (answer === true) {
      // « oui » without a date: the date given for the whole file, else the stored date is kept (see planImport).
      consentYes = true;
      if (context.undatedOn) set('directoryConsentOn', context.undatedOn);
    } else if (answer === false) set('directoryConsentOn', null);
    else fail('directoryConsentOn', `Consentement annuaire non compris : « ${consentText} » (oui, non ou une date).`);
  }
  return consentYes;
}

/** The cotisations of the row, by year: amount columns and payment-date columns. */
function readCotisations(draft: RowDraft): RowCotisation[] {
  const { cells, errors } = draft;
  const cotisations = new Map<number, RowCotisation>();
  const cotisationOf = (year: number) => {
    let cotisation = cotisations.get(year);
    if (!cotisation)
      cotisations.set(
        year,
        (cotisation = { year, amount: null, paid: undefined, paidColumn: cells.has(cotisationPaidField(year)) }),
      );
    return cotisation;
  };
  for (const [field, text] of cells) {
    if (!text) continue;
    const year = cotisationYearOf(field);
    if (year !== null) {
      const cents = parseEuroAmount(text);
      const answer = cents === null ? parseYesNo(text) : null;
      if (cents !== null) {
        if (cents > 0) cotisationOf(year).amount = cents;
      } else if (answer === true) cotisationOf(year).amount = 'expected';
      else if (answer !== false && !/^[-–—]$/.test(text))
        errors.push(`Cotisation ${year} : montant illisible « ${text} » (exemple : 45,00 €).`);
      continue;
    }
    const paidYear = cotisationPaidYearOf(field);
    if (paidYear !== null) {
      const date = parseDateCell(text);
      const answer = date ? null : parseYesNo(text);
      if (date) cotisationOf(paidYear).paid = date;
      else if (answer === true) cotisationOf(paidYear).paid = 'yes';
      else if (answer === false) cotisationOf(paidYear).paid = null;
      else errors.push(`Cotisation ${paidYear} : date de paiement invalide « ${text} » (format attendu : jj/mm/aaaa).`);
    }
  }
  return [...cotisations.values()].sort((a, b) => a.year - b.year);
}

/**
 * What one row of the file says, as member input (only what the file gives), with its errors in French:
 * kind, identity, place and contact, collège, dates and consent, then cotisations (errors come in that order).
 */
export function interpretRow(context: Context, cells: Cells): RowInput {
  const draft = draftOf(cells);
  const clues = kindCluesOf(draft);
  const kind = kindOfRow(draft, clues);
  draft.input.kind = kind;
  if (kind === 'person') readPerson(context, draft, clues);
  else readStructure(draft, clues);
  readPlaceAndContact(context, draft);
  readCollege(context, draft);
  const consentYes = readJoinedAndConsent(context, draft);
  const cotisations = readCotisations(draft);
  const { get } = draft;
  return {
    kind,
    input: draft.input,
    filled: draft.filled,
    explained: draft.explained,
    errors: draft.errors,
    cotisations,
    consentYes,
    raw: {
      name: get('nom') || get('nom_prenom') || clues.structureText || get('prenom'),
      profession: clues.professionText || clues.structureTypeText,
      commune: get('commune') || get('code_insee'),
    },
  };
}
