/**
 * Import of member lists from spreadsheets: the fields a column can fill, the automatic mapping of French column
 * titles, and the parsing of French values (dates, amounts, professions, civilities).
 *
 * Pure functions, no Node built-ins: the renderer shows the same field list and labels as the main process.
 */
import { searchKey } from '../text';
import { MEDICAL_SPECIALTIES, COMMON_SPECIALTY_LABELS, PROFESSIONS, STRUCTURE_TYPES } from './professions';

// ---------------------------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------------------------

/** The fixed fields a column can be mapped to (cotisation fields are `cotisation:YYYY` and `cotisation_payee:YYYY`). */
export const IMPORT_FIELDS = [
  { code: 'civilite', label: 'Civilité' },
  { code: 'nom', label: 'Nom' },
  { code: 'prenom', label: 'Prénom' },
  { code: 'nom_prenom', label: 'Nom et prénom (dans une seule colonne)' },
  { code: 'type_membre', label: 'Type de membre (personne ou structure)' },
  { code: 'profession', label: 'Profession' },
  { code: 'specialite', label: 'Spécialité' },
  { code: 'rpps', label: 'N° RPPS' },
  { code: 'adeli', label: 'N° ADELI' },
  { code: 'mode_exercice', label: 'Mode d’exercice' },
  { code: 'structure', label: 'Nom de la structure (ou structure d’exercice)' },
  { code: 'type_structure', label: 'Type de structure' },
  { code: 'finess_ej', label: 'FINESS EJ (entité juridique)' },
  { code: 'finess_et', label: 'FINESS ET (établissement)' },
  { code: 'siret', label: 'SIRET' },
  { code: 'representant', label: 'Représentant·e de la structure' },
  { code: 'commune', label: 'Commune (nom ou code INSEE)' },
  { code: 'code_insee', label: 'Code INSEE de la commune' },
  { code: 'code_postal', label: 'Code postal' },
  { code: 'adresse', label: 'Adresse' },
  { code: 'telephone', label: 'Téléphone' },
  { code: 'email', label: 'Courriel' },
  { code: 'college', label: 'Collège (nom)' },
  { code: 'date_adhesion', label: 'Date d’adhésion' },
  { code: 'consentement_annuaire', label: 'Consentement annuaire (oui/non ou date)' },
  { code: 'notes', label: 'Notes' },
] as const;

export type FixedImportField = (typeof IMPORT_FIELDS)[number]['code'];

const FIXED_CODES = new Set<string>(IMPORT_FIELDS.map((field) => field.code));
const COTISATION_FIELD = /^cotisation:(\d{4})$/;
const COTISATION_PAID_FIELD = /^cotisation_payee:(\d{4})$/;

export const cotisationField = (year: number): string => `cotisation:${year}`;
export const cotisationPaidField = (year: number): string => `cotisation_payee:${year}`;

/** The year of a `cotisation:YYYY` field, or null. */
export function cotisationYearOf(field: string): number | null {
  const match = COTISATION_FIELD.exec(field);
  return match ? Number(match[1]) : null;
}

/** The year of a `cotisation_payee:YYYY` field, or null. */
export function cotisationPaidYearOf(field: string): number | null {
  const match = COTISATION_PAID_FIELD.exec(field);
  return match ? Number(match[1]) : null;
}

const validYear = (year: number | null): boolean => year !== null && year >= 2000 && year <= 2100;

/** Whether a mapping value is a field the import knows. */
export function isImportField(field: string): boolean {
  return FIXED_CODES.has(field) || validYear(cotisationYearOf(field)) || validYear(cotisationPaidYearOf(field));
}

/** The French label of a field (« Cotisation 2025 (montant) » for `cotisation:2025`). */
export function importFieldLabel(field: string): string {
  const fixed = IMPORT_FIELDS.find((candidate) => candidate.code === field);
  if (fixed) return fixed.label;
  const year = cotisationYearOf(field);
  if (year !== null) return `Cotisation ${year} (montant)`;
  const paidYear = cotisationPaidYearOf(field);
  if (paidYear !== null) return `Cotisation ${paidYear} : date de paiement`;
  return field;
}

/** Every field a column can be mapped to, with the cotisation fields of the given years (sorted, most recent first). */
export function importFields(years: number[]): { code: string; label: string }[] {
  const sorted = [...new Set(years.filter((year) => validYear(year)))].sort((a, b) => b - a);
  return [
    ...IMPORT_FIELDS.map((field) => ({ code: field.code as string, label: field.label as string })),
    ...sorted.flatMap((year) => [
      { code: cotisationField(year), label: importFieldLabel(cotisationField(year)) },
      { code: cotisationPaidField(year), label: importFieldLabel(cotisationPaidField(year)) },
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Header suggestion
// ---------------------------------------------------------------------------------------------------------------

const STOP_WORDS = new Set([
  'n',
  'no',
  'num',
  'numero',
  'nr',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'en',
  'a',
  'au',
  'o',
]);

/** Accent-, case- and punctuation-free key of a column title, without « n° », « de », « du »… */
export function headerKey(header: string): string {
  return searchKey(header.replace(/[°º:;!?*#"«»\[\]{}|+&]/g, ' '))
    .split(' ')
    .filter((word) => word && !STOP_WORDS.has(word))
    .join(' ');
}

/** Column titles met in coordinators' spreadsheets, as header keys. */
const SYNONYMS: Record<FixedImportField, string[]> = {
  civilite: ['civilite', 'civ', 'titre', 'genre', 'sexe', 'm mme', 'madame monsieur'],
  nom: [
    'nom',
    'nom famille',
    'nom usage',
    'nom naissance',
    'patronyme',
    'last name',
    'lastname',
    'surname',
    'nom professionnel',
    'nom membre',
    'nom adherent',
  ],
  prenom: ['prenom', 'prenoms', 'first name', 'firstname', 'prenom professionnel', 'prenom membre', 'prenom adherent'],
  nom_prenom: [
    'nom prenom',
    'prenom nom',
    'noms prenoms',
    'identite',
    'nom complet',
    'membre',
    'adherent',
    'adherents',
    'name',
    'full name',
  ],
  type_membre: [
    'type membre',
    'type adherent',
    'personne structure',
    'personne physique morale',
    'nature membre',
    'categorie membre',
  ],
  profession: [
    'profession',
    'professions',
    'metier',
    'fonction',
    'qualite',
    'profession sante',
    'categorie professionnelle',
    'profession exercee',
    'job',
  ],
  specialite: ['specialite', 'specialites', 'specialite medicale', 'discipline', 'specialty'],
  rpps: ['rpps', 'identifiant rpps', 'rpps adeli', 'idnat', 'idnps', 'identifiant national'],
  adeli: ['adeli', 'identifiant adeli'],
  mode_exercice: [
    'mode exercice',
    'modalite exercice',
    'type exercice',
    'exercice',
    'statut exercice',
    'liberal salarie',
  ],
  structure: [
    'structure',
    'nom structure',
    'raison sociale',
    'etablissement',
    'nom etablissement',
    'structure exercice',
    'cabinet',
    'organisme',
    'denomination',
    'structure rattachement',
  ],
  type_structure: [
    'type structure',
    'type etablissement',
    'categorie structure',
    'categorie etablissement',
    'nature structure',
  ],
  finess_ej: ['finess ej', 'finess juridique', 'finess entite juridique', 'ej'],
  finess_et: ['finess et', 'finess eg', 'finess', 'finess etablissement', 'finess geographique'],
  siret: ['siret', 'siret structure'],
  representant: [
    'representant',
    'representante',
    'representant legal',
    'representant e',
    'contact structure',
    'referent structure',
  ],
  commune: [
    'commune',
    'ville',
    'localite',
    'lieu exercice',
    'commune exercice',
    'ville exercice',
    'commune installation',
    'lieu',
    'city',
    'commune residence',
  ],
  code_insee: ['code insee', 'insee', 'code commune', 'cog', 'code insee commune', 'code officiel geographique'],
  code_postal: ['cp', 'code postal', 'postal', 'zip', 'code postale'],
  adresse: [
    'adresse',
    'adresse postale',
    'rue',
    'voie',
    'adresse professionnelle',
    'adresse exercice',
    'adresse cabinet',
    'address',
  ],
  telephone: [
    'telephone',
    'tel',
    'tel portable',
    'telephone portable',
    'portable',
    'mobile',
    'tel mobile',
    'telephone mobile',
    'telephone fixe',
    'tel fixe',
    'fixe',
    'gsm',
    'telephone professionnel',
    'tel pro',
    'phone',
    'numero telephone',
  ],
  email: [
    'email',
    'e mail',
    'mail',
    'courriel',
    'adresse mail',
    'adresse email',
    'adresse e mail',
    'adresse electronique',
    'adresse courriel',
    'mel',
    'messagerie',
    'mail pro',
    'email pro',
  ],
  college: ['college', 'colleges', 'college electoral', 'college adhesion'],
  date_adhesion: [
    'date adhesion',
    'adhesion',
    'adhere depuis',
    'date entree',
    'entree',
    'membre depuis',
    'date inscription',
    'inscription',
    'inscrit le',
    'adhesion le',
    'date premiere adhesion',
  ],
  consentement_annuaire: [
    'consentement annuaire',
    'annuaire',
    'accord annuaire',
    'consentement',
    'parution annuaire',
    'publication annuaire',
    'consentement rgpd',
    'rgpd',
    'accord diffusion',
    'diffusion annuaire',
  ],
  notes: [
    'notes',
    'note',
    'commentaire',
    'commentaires',
    'remarque',
    'remarques',
    'observation',
    'observations',
    'informations complementaires',
  ],
};

const COTISATION_WORDS = new Set([
  'cotisation',
  'cotisations',
  'cotis',
  'cot',
  'adhesion',
  'montant',
  'paiement',
  'regle',
  'reglee',
  'paye',
  'payee',
  'date',
  'reglement',
  'versement',
  'euros',
  'eur',
  'annuelle',
  'cotise',
  'le',
  'montant cotisation',
]);
const PAID_WORDS = new Set(['paiement', 'paye', 'payee', 'regle', 'reglee', 'reglement', 'versement', 'date']);

/**
 * A cotisation column: « Cotisation 2025 », « Cot. 2024 », « Adhésion 2023 (€) » → `cotisation:YYYY`;
 * « Date de paiement 2025 », « Cotisation 2025 payée le » → `cotisation_payee:YYYY`. Null otherwise.
 */
export function cotisationHeaderField(header: string): string | null {
  const words = searchKey(header.replace(/[°º:;€()]/g, ' '))
    .split(' ')
    .filter(Boolean);
  const years = words.filter((word) => /^(20\d{2})$/.test(word));
  if (years.length !== 1) return null;
  const year = Number(years[0]);
  const others = words.filter((word) => word !== years[0] && !STOP_WORDS.has(word));
  if (others.length === 0 || !others.every((word) => COTISATION_WORDS.has(word))) return null;
  // « Date d'adhésion 2025 » is a cotisation payment date too; « Adhésion 2025 » alone is the amount.
  if (others.some((word) => PAID_WORDS.has(word))) return cotisationPaidField(year);
  if (
    !others.some((word) =>
      ['cotisation', 'cotisations', 'cotis', 'cot', 'adhesion', 'montant', 'cotise'].includes(word),
    )
  )
    return null;
  return cotisationField(year);
}

/**
 * How much a cell looks like a column title Maillage knows: 2 for a known title (« Nom », « Cotisation 2025 »),
 * 1 for a title that contains one (« Téléphone portable pro »), 0 otherwise. A long sentence (a title row such as
 * « Liste des adhérents — export du 01/12/2026 ») scores 0: it is not a column title.
 */
export function headerCellScore(header: string): 0 | 1 | 2 {
  if (!header || header.length > 60) return 0;
  if (cotisationHeaderField(header)) return 2;
  const key = headerKey(header);
  if (!key || key.split(' ').length > 5) return 0;
  const padded = ` ${key} `;
  let score: 0 | 1 | 2 = 0;
  for (const synonyms of Object.values(SYNONYMS)) {
    for (const synonym of synonyms) {
      if (synonym === key) return 2;
      if (synonym.length >= 3 && padded.includes(` ${synonym} `)) score = 1;
    }
  }
  return score;
}

/**
 * Suggests a field for each column title, in any order and spelling (accent-, case- and punctuation-insensitive).
 * Each field is used once at most (the best-matching column wins); unknown titles give null.
 */
export function suggestMapping(headers: string[]): (string | null)[] {
  const candidates: { column: number; field: string; score: number }[] = [];
  headers.forEach((header, column) => {
    const cotisation = cotisationHeaderField(header);
    if (cotisation) {
      candidates.push({ column, field: cotisation, score: 1000 });
      return;
    }
    const key = headerKey(header);
    if (!key) return;
    const padded = ` ${key} `;
    for (const [field, synonyms] of Object.entries(SYNONYMS)) {
      let best = 0;
      for (const synonym of synonyms) {
        if (synonym === key) best = Math.max(best, 1000);
        // A synonym inside a longer title (« Téléphone portable pro »): the longest synonym wins.
        else if (synonym.length >= 3 && padded.includes(` ${synonym} `))
          best = Math.max(best, 100 + synonym.length * 10 - key.length);
      }
      if (best > 0) candidates.push({ column, field, score: best });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: (string | null)[] = headers.map(() => null);
  const used = new Set<string>();
  for (const candidate of candidates) {
    if (used.has(candidate.field) || mapping[candidate.column] !== null) continue;
    mapping[candidate.column] = candidate.field;
    used.add(candidate.field);
  }
  // « Nom » and « Prénom » both present: a « Nom et prénom » suggestion elsewhere would duplicate them.
  if (used.has('nom') && used.has('prenom') && used.has('nom_prenom')) {
    mapping[mapping.indexOf('nom_prenom')] = null;
  }
  return mapping;
}

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  mars: 3,
  mar: 3,
  avril: 4,
  avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  juil: 7,
  aout: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  octobre: 10,
  oct: 10,
  novembre: 11,
  nov: 11,
  decembre: 12,
  dec: 12,
};

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullYear(text: string): number {
  const value = Number(text);
  if (text.length === 4) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

/**
 * A French date as typed in a spreadsheet: « 05/03/2025 », « 5/3/25 », « 05-03-2025 », « 05.03.2025 »,
 * « 5 mars 2025 », or ISO « 2025-03-05 » (a time after it is ignored) → '2025-03-05'. Null when not a real date.
 */
export function parseFrenchDate(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:\s+(?:à\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?)?$/.exec(value);
  if (match) return isoOf(fullYear(match[3]!), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})(?:er)?\s+([a-zéèêûô.]+)\s+(\d{4})$/i.exec(value);
  if (match) {
    const month = MONTHS[searchKey(match[2]!).replace(/\s/g, '')];
    return month ? isoOf(Number(match[3]), month, Number(match[1])) : null;
  }
  return null;
}

/** '2025-03-05' → '05/03/2025'. */
export function formatFrenchDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/**
 * An amount in euros as typed: « 45,00 € », « 45 € », « 45€00 », « 1 234,50 », « 1.234,50 », « 45.5 », « EUR 45 » → cents
 * (4500). Null when it is not a positive amount with at most 2 decimals.
 */
export function parseEuroAmount(text: string): number | null {
  const value = text
    .trim()
    // « 45€00 », « 12 € 50 »: a euro sign between digits is the decimal mark.
    .replace(/(\d)[\s\u00A0\u202F]*€[\s\u00A0\u202F]*(?=\d)/g, '$1,')
    .replace(/€|euros?|eur/gi, '')
    .replace(/[\s\u00A0\u202F\u2007']/g, '');
  if (!value || !/^\d[\d.,]*$/.test(value)) return null;
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  let decimalMark: ',' | '.' | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimalMark = lastComma > lastDot ? ',' : '.';
  else if (lastComma >= 0) decimalMark = value.indexOf(',') === lastComma ? ',' : null;
  else if (lastDot >= 0) {
    // « 1.234 » or « 1.234.567 »: thousands; « 45.5 », « 45.50 »: decimals.
    decimalMark = value.indexOf('.') === lastDot && !/^\d{1,3}\.\d{3}$/.test(value) ? '.' : null;
  }
  let integer = value;
  let fraction = '';
  if (decimalMark) {
    const index = value.lastIndexOf(decimalMark);
    integer = value.slice(0, index);
    fraction = value.slice(index + 1);
  }
  const thousands = decimalMark === ',' ? '.' : ',';
  if (decimalMark === null) {
    if (!/^\d{1,3}([.,]\d{3})*$/.test(integer) && !/^\d+$/.test(integer)) return null;
    integer = integer.replace(/[.,]/g, '');
  } else {
    if (integer.includes(decimalMark)) return null;
    if (integer.includes(thousands) && !new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+$`).test(integer)) return null;
    integer = integer.split(thousands).join('');
  }
  if (!/^\d+$/.test(integer || '0') || !/^\d{0,2}$/.test(fraction)) return null;
  const cents = Number(integer || '0') * 100 + Number(fraction.padEnd(2, '0') || '0');
  return Number.isSafeInteger(cents) ? cents : null;
}

/** « M. », « Monsieur », « Mr », « H » → 'M.'; « Mme », « Madame », « Mlle », « F » → 'Mme'; null otherwise. */
export function matchCivility(text: string): 'M.' | 'Mme' | null {
  const key = searchKey(text).replace(/\s/g, '');
  if (['m', 'mr', 'monsieur', 'mon', 'msieur', 'h', 'homme', 'masculin'].includes(key)) return 'M.';
  if (['mme', 'madame', 'mlle', 'mademoiselle', 'melle', 'mle', 'f', 'femme', 'feminin'].includes(key)) return 'Mme';
  return null;
}

/** « oui », « x », « 1 », « vrai » → true; « non », « 0 », « faux » → false; null otherwise. */
export function parseYesNo(text: string): boolean | null {
  const key = searchKey(text);
  if (
    [
      'oui',
      'o',
      'x',
      'yes',
      'y',
      '1',
      'vrai',
      'true',
      'ok',
      'accord',
      'd accord',
      'paye',
      'payee',
      'regle',
      'reglee',
    ].includes(key)
  )
    return true;
  if (['non', 'n', 'no', '0', 'faux', 'false', 'refus', 'refuse'].includes(key)) return false;
  return null;
}

// ---------- Professions ----------

/** Masculine singular of a French word, so that « infirmières », « masseuse », « pharmaciennes » match the aliases. */
function canonicalWord(word: string): string {
  let w = word;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.endsWith('ienne')) return `${w.slice(0, -5)}ien`;
  if (w.endsWith('iere')) return `${w.slice(0, -4)}ier`;
  if (w.endsWith('trice') && w.length > 6) return `${w.slice(0, -5)}teur`;
  if (w.endsWith('euse') && w.length > 5) return `${w.slice(0, -4)}eur`;
  if (w.endsWith('ale') && w.length > 5) return `${w.slice(0, -3)}al`;
  if (w.endsWith('ee') && w.length > 4) return w.slice(0, -1);
  return w;
}

function professionKey(text: string): string {
  const cleaned = text
    // Inclusive writing: « infirmier·ère », « infirmier(e) », « infirmier/ère », « infirmier.e » → masculine.
    .replace(/[·•∙⋅]\s*[a-zàâäéèêëîïôöûüç]+/gi, '')
    .replace(/\(\s*[a-zàâäéèêëîïôöûüç]{1,5}\s*\)/gi, '')
    .replace(/\/\s*(?:e|ère|ere|ienne|euse|rice|trice|ale|es|s)\b/gi, '')
    .replace(/\.(?:e|ère|ere|es)\b/gi, '');
  return searchKey(cleaned)
    .split(' ')
    .filter((word) => word && !['d', 'l'].includes(word))
    .map(canonicalWord)
    .join(' ');
}

/** Médecin specialists named by their title (« Pédiatre ») → the specialty label. */
const SPECIALIST_TITLES: Record<string, string> = {
  cardiologue: 'Cardiologie',
  dermatologue: 'Dermatologie',
  endocrinologue: 'Endocrinologie',
  'gastro enterologue': 'Gastro-entérologie',
  gastroenterologue: 'Gastro-entérologie',
  geriatre: 'Gériatrie',
  gynecologue: 'Gynécologie',
  pediatre: 'Pédiatrie',
  pneumologue: 'Pneumologie',
  psychiatre: 'Psychiatrie',
  pedopsychiatre: 'Psychiatrie',
  rhumatologue: 'Rhumatologie',
  ophtalmologue: 'Ophtalmologie',
  ophtalmologiste: 'Ophtalmologie',
  orl: 'ORL',
  radiologue: 'Radiologie',
  'medecin physique readaptation': 'Médecine physique et de réadaptation',
};

interface AliasEntry {
  code: string;
  specialty?: string;
}

let aliasIndex: Map<string, AliasEntry> | null = null;
let aliasKeysByLength: string[] = [];

function professionAliases(): Map<string, AliasEntry> {
  if (aliasIndex) return aliasIndex;
  const index = new Map<string, AliasEntry>();
  const add = (text: string, entry: AliasEntry) => {
    const key = professionKey(text);
    if (key && !index.has(key)) index.set(key, entry);
  };
  for (const profession of PROFESSIONS) {
    add(profession.label, { code: profession.code });
    add(profession.inclusive, { code: profession.code });
    for (const alias of profession.aliases) {
      const specialty = profession.impliedSpecialty?.[alias];
      add(alias, specialty ? { code: profession.code, specialty } : { code: profession.code });
    }
  }
  for (const [title, specialty] of Object.entries(SPECIALIST_TITLES)) {
    add(title, { code: '10', specialty });
    add(`medecin ${title}`, { code: '10', specialty });
  }
  for (const label of COMMON_SPECIALTY_LABELS) add(`medecin ${label}`, { code: '10', specialty: label });
  add('medecin medecine generale', { code: '10', specialty: 'SM54' });
  add('medecin traitant', { code: '10', specialty: 'SM54' });
  add('infirmier diplome etat', { code: '60' });
  add('masseur kinesitherapeute diplome etat', { code: '70' });
  aliasIndex = index;
  aliasKeysByLength = [...index.keys()].sort((a, b) => b.length - a.length);
  return index;
}

/**
 * A profession as typed (« Infirmière libérale », « IDEL », « Kiné », « Médecin généraliste », « Pédiatre »,
 * « Sage-femme », code « 60 ») → its code, with the spécialité it implies. Accent- and case-insensitive, feminine and
 * plural forms accepted. Null when unknown.
 */
export function matchProfession(text: string): { code: string; specialty?: string } | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const byCode = PROFESSIONS.find((profession) => profession.code.toLowerCase() === trimmed.toLowerCase());
  if (byCode) return { code: byCode.code };
  const index = professionAliases();
  const key = professionKey(trimmed);
  if (!key) return null;
  const exact = index.get(key);
  if (exact) return { ...exact };
  // The longest alias that starts the text: « Kinésithérapeute DE », « Pharmacien adjoint », « Médecin généraliste libéral ».
  const padded = `${key} `;
  for (const alias of aliasKeysByLength) {
    if (alias.length >= 3 && padded.startsWith(`${alias} `)) return { ...index.get(alias)! };
  }
  return null;
}

/** « Médecine générale », « MG », « SM54 » → « Médecine générale » (stored as the label); « pédiatrie » → « Pédiatrie »; other text as typed. */
export function matchSpecialty(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const key = searchKey(trimmed);
  for (const specialty of MEDICAL_SPECIALTIES) {
    if (key === specialty.code.toLowerCase() || key === searchKey(specialty.label)) return specialty.label;
  }
  if (['mg', 'generaliste', 'medecin generaliste', 'medecine generale'].includes(key)) return specialtyLabel('SM54');
  for (const label of COMMON_SPECIALTY_LABELS) if (searchKey(label) === key) return label;
  const title = SPECIALIST_TITLES[key];
  if (title) return title;
  return trimmed;
}

/** The French label of a stored spécialité (a TRE_R38 code or a label). */
export function specialtyLabel(specialty: string | null): string | null {
  if (!specialty) return null;
  return MEDICAL_SPECIALTIES.find((candidate) => candidate.code === specialty)?.label ?? specialty;
}

/** « MSP », « Maison de santé pluriprofessionnelle », « EHPAD », « Pharmacie » → the structure type code; null otherwise. */
export function matchStructureType(text: string): string | null {
  const key = searchKey(text);
  if (!key) return null;
  for (const type of STRUCTURE_TYPES) {
    if (key === type.code.toLowerCase() || key === searchKey(type.label)) return type.code;
    const abbreviation = /\(([^)]+)\)\s*$/.exec(type.label)?.[1];
    if (abbreviation && key === searchKey(abbreviation)) return type.code;
    if (key === searchKey(type.label.replace(/\s*\([^)]*\)\s*$/, ''))) return type.code;
  }
  const keywords: [RegExp, string][] = [
    [/^maison (de )?sante/, 'MSP'],
    [/^centre (de )?sante/, 'CDS'],
    [/^equipe (de )?soins primaires/, 'ESP'],
    [/^(pharmacie|officine)/, 'PHARMA'],
    [/^(laboratoire|labo|lbm)/, 'LABO'],
    [/^(hopital de proximite)/, 'HPROX'],
    [/^(hopital|clinique|ch|chu|etablissement de sante)\b/, 'ETAB'],
    [/^(ehpad|maison de retraite)/, 'EHPAD'],
    [/^(ssiad|service de soins infirmiers)/, 'SSIAD'],
    [/^(had|hospitalisation a domicile)/, 'HAD'],
    [/^(dac|dispositif d appui)/, 'DAC'],
    [/^(cmp|centre medico psychologique)/, 'CMP'],
    [/^(pmi|protection maternelle)/, 'PMI'],
    [/^(saad|aide a domicile|service d aide)/, 'SAAD'],
    [/^(collectivite|mairie|commune|ccas|conseil departemental)/, 'COLLEC'],
    [/^(association|asso)\b/, 'ASSO'],
  ];
  for (const [pattern, code] of keywords) if (pattern.test(key)) return code;
  return null;
}

/** « Libéral », « lib », « Salariée », « Libéral et salarié » → the practice mode; null when not recognised. */
export function matchPracticeMode(text: string): 'liberal' | 'salarie' | 'mixte' | null {
  const key = searchKey(text);
  if (!key) return null;
  const liberal = /\b(liberal|liberale|liberaux|lib|independant|independante|installe|installee)\b/.test(key);
  const salaried = /\b(salarie|salariee|salaries|sal|hospitalier|hospitaliere|fonctionnaire|employe|employee)\b/.test(
    key,
  );
  if (/\bmixte\b/.test(key) || (liberal && salaried)) return 'mixte';
  if (liberal) return 'liberal';
  if (salaried) return 'salarie';
  return null;
}

/** « Personne », « PS », « Structure », « Personne morale » → the member kind; null when not recognised. */
export function matchMemberKind(text: string): 'person' | 'structure' | null {
  const key = searchKey(text);
  if (!key) return null;
  if (/^(structure|personne morale|morale|etablissement|organisme|pm)\b/.test(key)) return 'structure';
  if (/^(personne|personne physique|physique|professionnel|ps|individuel|individu|pp)\b/.test(key)) return 'person';
  return null;
}

const NAME_PARTICLES = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'van',
  'von',
  'der',
  'den',
  'di',
  'da',
  'dos',
  'del',
  'della',
  'ben',
  'el',
  'al',
  'mac',
  'mc',
  "d'",
  "l'",
]);
const TITLES: Record<string, 'M.' | 'Mme' | null> = {
  m: 'M.',
  'm.': 'M.',
  mr: 'M.',
  'mr.': 'M.',
  monsieur: 'M.',
  mme: 'Mme',
  'mme.': 'Mme',
  madame: 'Mme',
  mlle: 'Mme',
  mademoiselle: 'Mme',
  dr: null,
  'dr.': null,
  docteur: null,
  docteure: null,
  pr: null,
  'pr.': null,
  professeur: null,
  professeure: null,
  me: null,
};

const isUpperWord = (word: string) =>
  /\p{Lu}/u.test(word) && word === word.toLocaleUpperCase('fr-FR') && /\p{L}{2,}/u.test(word);

/**
 * Splits a « nom et prénom » cell: « BERNARD Camille » and « Camille BERNARD » (the upper-case words are the last
 * name), « Bernard, Camille » (last name before the comma); otherwise the French order of lists, « Nom Prénom »
 * (« Le Goff Anne »). A title in front (« Mme », « Dr ») is removed; « M. », « Mme » give the civility.
 */
export function splitFullName(text: string): {
  lastName: string | null;
  firstName: string | null;
  civility: 'M.' | 'Mme' | null;
} {
  let value = text.trim().replace(/\s+/g, ' ');
  let civility: 'M.' | 'Mme' | null = null;
  for (;;) {
    const first = value.split(' ')[0] ?? '';
    const lower = first.toLowerCase();
    if (value.includes(' ') && lower in TITLES) {
      civility = civility ?? TITLES[lower] ?? null;
      value = value.slice(first.length).trim();
    } else break;
  }
  if (!value) return { lastName: null, firstName: null, civility };
  if (value.includes(',')) {
    const [last, ...rest] = value.split(',');
    return { lastName: last!.trim() || null, firstName: rest.join(',').trim() || null, civility };
  }
  const words = value.split(' ');
  if (words.length === 1) return { lastName: words[0]!, firstName: null, civility };
  const upper = words.map(isUpperWord);
  if (upper.some(Boolean) && !upper.every(Boolean)) {
    // The upper-case words, contiguous, at the start or at the end.
    const firstUpper = upper.indexOf(true);
    const lastUpper = upper.lastIndexOf(true);
    if (upper.slice(firstUpper, lastUpper + 1).every(Boolean) && (firstUpper === 0 || lastUpper === words.length - 1)) {
      const lastName = words.slice(firstUpper, lastUpper + 1).join(' ');
      const firstName = [...words.slice(0, firstUpper), ...words.slice(lastUpper + 1)].join(' ');
      return { lastName, firstName: firstName || null, civility };
    }
  }
  // « Nom Prénom », the name possibly with particles: « Le Goff Anne », « de La Fontaine Jean ».
  let split = 1;
  while (split < words.length - 1 && NAME_PARTICLES.has(words[split - 1]!.toLowerCase())) split++;
  return { lastName: words.slice(0, split).join(' '), firstName: words.slice(split).join(' ') || null, civility };
}

/** « JEAN-PIERRE » → « Jean-Pierre »; mixed-case names are kept as typed. */
export function tidyFirstName(text: string): string {
  if (text !== text.toLocaleUpperCase('fr-FR') && text !== text.toLocaleLowerCase('fr-FR')) return text;
  return text
    .toLocaleLowerCase('fr-FR')
    .replace(
      /(^|[\s\-'’])(\p{L})/gu,
      (_, separator: string, letter: string) => separator + letter.toLocaleUpperCase('fr-FR'),
    );
}
