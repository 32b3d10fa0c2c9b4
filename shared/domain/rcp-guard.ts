/**
 * Privacy guard for the free-text fields of RCP cases (réunions de concertation pluriprofessionnelle).
 *
 * RCP cases are pseudonymised by design (domain notes §5): the case is known by a random code, and the link with
 * the patient stays in the dossier of the professional who follows them. No direct identifier of the patient may
 * therefore be stored in any RCP text (motif, synthèse de la situation, décisions…). This module finds the direct
 * identifiers a coordinator may type or paste, and builds the French message shown before saving:
 *
 * - `nir`: NIR-shaped numbers (numéro de sécurité sociale, also the INS matricule and the temporary NIA), 13 digits
 *   with or without the 2-digit key, grouped or not (doubled spaces, or in pairs of digits), Corsica 2A/2B included; also any number of at least 6 digits
 *   labelled « NIR », « n° sécu », « sécurité sociale », « carte Vitale ». The key is deliberately NOT checked: a
 *   mistyped NIR is still a NIR.
 * - `ins`: a number labelled « INS » (or « IPP », the hospital patient identifier).
 * - `date_naissance`: a date introduced by a birth cue (né, née, né(e), naissance, DDN…), even without a year; and
 *   any full date (day, month, year) before 2000, since a meeting or follow-up date is never in the past century.
 * - `email`, `telephone` (French numbers: 0X XX XX XX XX, +33, 0033; any « +<country code> » number of 8 to 15
 *   digits however grouped), `adresse` (street number, « bis » or « B », + type of street, « r. » included + name,
 *   with an optional postcode and town), `civilite_nom` (M., Mme, Madame, Monsieur, Mlle, Melle… + name, particles
 *   « de la » included, dot glued or not: « Mme.Dupont »).
 *
 * Decisions about the borderline cases (kept deliberately simple and documented in the tests):
 * - « Dr Martin », « Docteur Martin », « Pr Durand », « M. le Dr Durand »: a professional, allowed.
 * - « Mme X », « M. D. », « Mme DM », « Mme XXX »: placeholder or initials, allowed; « M. XU », « Mme LI »: two
 *   capitals with a vowel are a short surname, flagged.
 * - a lower-case name after an abbreviated or lower-case civility (« Mme dupont », « madame dupont ») is flagged,
 *   unless the word is a common word of a note (« Mme âgée de… », « madame a… ») or ends like a participle or an
 *   imperfect. After « Madame » or « Monsieur » written in full with a capital, a lower-case word is the verb of
 *   a sentence (« Madame perd du poids »): allowed.
 * - a surname written alone (« Dupont chute souvent ») cannot be told from any other word: the guard is a safety
 *   net, not a proof of anonymity, and the screens say so.
 * - « Mme Martin, IDE »: flagged, the guard cannot know that Mme Martin is the nurse; the message says to designate
 *   a professional by « Dr » or by their profession.
 * - year alone (« née en 1948 », « depuis 2019 ») and month + year (« revoir en janvier 2027 ») are not flagged; an
 *   age or a year of birth is not a direct identifier.
 * - full dates from 2000 on without a birth cue (« suivi le 15/12/2026 », « opérée le 12/03/2015 ») are allowed.
 * - « 15 rue » without a street name, « rue des Lilas » without a number: not flagged. Ambiguous types of street
 *   (place, cours, route, impasse, passage…) need a capitalised name: « 2 places », « 3 cours de gym » pass;
 *   after « chemin » or « route », a particle is enough (« 12 chemin des vignes » is flagged, « 1 chemin clinique »
 *   is not).
 * - phone numbers and e-mail addresses are flagged even when they are those of a professional: the text cannot tell,
 *   and contact details belong in the annuaire, not in the case.
 *
 * Pure functions, no Node built-ins and no Electron: bundled into the renderer as well as the main process.
 */

export type IdentifierKind = 'nir' | 'date_naissance' | 'email' | 'telephone' | 'civilite_nom' | 'ins' | 'adresse';

export interface IdentifierFinding {
  kind: IdentifierKind;
  /** the matched text */
  match: string;
  index: number;
  message: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------------

/**
 * How a finding is named in the messages: singular with its article, plural without (a count is prepended), and
 * an optional relative clause written after the quoted text.
 */
interface Label {
  one: string;
  many: string;
  /** « , qui peut être une date de naissance »: written after the quoted matches. */
  clauseOne?: string;
  clauseMany?: string;
  /**
   * `remove`: a number or contact details, to be deleted (nothing replaces them). `replace`: what to write instead,
   * gathered in the « par exemple … » of the last sentence.
   */
  remove?: true;
  replace?: readonly string[];
}

const AGE = "l'âge ou la tranche d'âge plutôt que la date de naissance";

const LABELS = {
  nir: { one: 'un numéro de sécurité sociale', many: 'numéros de sécurité sociale', remove: true },
  ins: { one: 'un identifiant national de santé', many: 'identifiants nationaux de santé', remove: true },
  ipp: { one: 'un identifiant patient hospitalier', many: 'identifiants patient hospitaliers', remove: true },
  birth: { one: 'une date de naissance', many: 'dates de naissance', replace: [AGE] },
  oldDate: {
    one: 'une date complète antérieure à 2000',
    many: 'dates complètes antérieures à 2000',
    clauseOne: ', qui peut être une date de naissance',
    clauseMany: ', qui peuvent être des dates de naissance',
    replace: [AGE, "l'année seule pour un antécédent"],
  },
  email: { one: 'une adresse électronique', many: 'adresses électroniques', remove: true },
  telephone: { one: 'un numéro de téléphone', many: 'numéros de téléphone', remove: true },
  civilite_nom: {
    one: "un nom précédé d'une civilité",
    many: "noms précédés d'une civilité",
    replace: [
      '« le patient », « la patiente » ou le code du cas plutôt que le nom',
      '« Dr » ou la profession pour désigner un professionnel',
    ],
  },
  nomNaissance: {
    one: "un nom de naissance ou d'épouse",
    many: "noms de naissance ou d'épouse",
    replace: ['« le patient », « la patiente » ou le code du cas plutôt que le nom'],
  },
  adresse: {
    one: 'une adresse postale',
    many: 'adresses postales',
    replace: ["le lieu de vie (domicile, EHPAD, résidence autonomie…) plutôt que l'adresse"],
  },
} satisfies Record<string, Label>;

type LabelKey = keyof typeof LABELS;

interface Candidate {
  kind: IdentifierKind;
  label: LabelKey;
  index: number;
  match: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces of patterns
// ---------------------------------------------------------------------------------------------------------------

/** One optional separator inside a number: one to three spaces (a doubled space is a common slip), or a dot or a dash. */
const SEP_REQUIRED = '(?:[ \\t\\u00A0\\u2007\\u202F]{1,3}|[.\\-\\u2010\\u2011])';
const SEP = `${SEP_REQUIRED}?`;
/** Not glued to a letter or a digit on the left. */
const LEFT = '(?<![\\p{L}\\p{N}])';

/** Accent-free lower case, to compare words with the stop lists. */
function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function digitsOf(text: string): string {
  return text.replace(/[^0-9AaBb]/g, '').toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------------
// NIR (numéro de sécurité sociale), INS and other labelled patient numbers
// ---------------------------------------------------------------------------------------------------------------

/**
 * NIR shape, separators allowed between the groups only (sexe, année, mois, département, commune, ordre, clé):
 * « 1 84 12 75 123 456 78 », « 184127512345678 », « 2 84 12 2A 123 456 ». Separators inside a group are refused
 * so that an 11-digit RPPS followed by a number (« 10003198511 12 ») is not read as a NIR. A number preceded by a
 * digit and a dot, dash or slash is part of something else.
 */
const NIR_RE = new RegExp(
  `${LEFT}(?<![\\p{N}][.\\-/,])` +
    `[1-478]${SEP}\\d{2}${SEP}\\d{2}${SEP}(?:\\d{2}|2[AaBb])${SEP}\\d{3}${SEP}\\d{3}(?:${SEP}\\d{2})?` +
    '(?![\\p{N}])(?![AaBb](?![\\p{L}]))',
  'gu',
);

/** Months 01–12, or the conventional 20–42 and 50–99 used when the month of birth is unknown. */
function plausibleNirMonth(digits: string): boolean {
  const month = Number(digits.slice(3, 5));
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
}

/**
 * A NIR copied in pairs of digits, as some read it aloud or type it: « 18 41 27 51 23 45 67 8 » (15 digits) or
 * « 18 41 27 51 23 45 6 » (13). The pairs do not follow the groups of the NIR, so this needs its own pattern.
 */
const NIR_PAIRS_RE = new RegExp(
  `${LEFT}(?<![\\p{N}][.\\-/,])[1-478]\\d(?:${SEP}\\d{2}){5,6}${SEP}\\d(?![\\p{N}])`,
  'gu',
);

function findNirs(text: string, out: Candidate[]): void {
  for (const m of [...text.matchAll(NIR_RE), ...text.matchAll(NIR_PAIRS_RE)]) {
    const digits = digitsOf(m[0]);
    if (digits.length !== 13 && digits.length !== 15) continue;
    if (!plausibleNirMonth(digits)) continue;
    out.push({ kind: 'nir', label: 'nir', index: m.index, match: m[0] });
  }
}

/**
 * A label naming a patient number, then a number of at least 6 digits: « INS : 1 84 … », « NIR 184… »,
 * « n° sécu 1841275 », « n° de sécurité sociale … », « carte Vitale … », « IPP 00123456 ».
 */
const LABELLED_NUMBER_RE = new RegExp(
  `${LEFT}(?:` +
    '(?<ins>matricule\\s+INS|INS(?:[\\- ]?[CA])?|identifiant\\s+national\\s+de\\s+sant[ée])' +
    '|(?<ipp>IPP)' +
    '|(?<nir>NIR|NIA|(?:n°|n[or]\\.?|num(?:[ée]ro)?\\.?)\\s*(?:de\\s+)?(?:s[ée]cu(?:rit[ée]\\s+sociale)?|ss)' +
    '|s[ée]curit[ée]\\s+sociale|carte\\s+vitale|immatriculation)' +
    ')(?![\\p{L}])' +
    '\\s*(?:(?:n°|no|num[ée]ro)\\s*)?[:=\\-–]?\\s*' +
    `\\d(?:${SEP}(?:\\d|(?<=2)[AaBb](?![\\p{L}])))*(?![\\p{N}])`,
  'giu',
);

function findLabelledNumbers(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(LABELLED_NUMBER_RE)) {
    const groups = m.groups ?? {};
    const labelText = groups['ins'] ?? groups['ipp'] ?? groups['nir'] ?? '';
    const number = m[0].slice(labelText.length);
    if (digitsOf(number).length < 6) continue;
    const label: LabelKey = groups['ins'] ? 'ins' : groups['ipp'] ? 'ipp' : 'nir';
    out.push({ kind: label === 'nir' ? 'nir' : 'ins', label, index: m.index, match: m[0].trimEnd() });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------

const MONTHS =
  'janvier|janv|f[ée]vrier|f[ée]vr?|mars|avril|avr|mai|juin|juillet|juil|ao[uû]t|septembre|sept|octobre|oct|novembre|nov|d[ée]cembre|d[ée]c';

const MONTH_NUMBERS: ReadonlyArray<[string, number]> = [
  ['jan', 1],
  ['fev', 2],
  ['mar', 3],
  ['avr', 4],
  ['mai', 5],
  ['juin', 6],
  ['juil', 7],
  ['aou', 8],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
];

function monthNumber(name: string): number | null {
  const folded = fold(name);
  for (const [prefix, month] of MONTH_NUMBERS) if (folded.startsWith(prefix)) return month;
  return null;
}

/** Day-month-year with one of / . - (spaces around allowed), or yyyy-mm-dd. */
const NUMERIC_DATE = '\\d{1,2}\\s*[/.\\-]\\s*\\d{1,2}\\s*[/.\\-]\\s*(?:\\d{4}|\\d{2})';
const ISO_DATE = '\\d{4}-\\d{1,2}-\\d{1,2}';
/** « 3 mars 1948 », « 1er avril 1950 », « 12 déc. 1937 ». */
const TEXT_DATE_WITH_YEAR = `(?:1er|\\d{1,2})\\s+(?:${MONTHS})(?![\\p{L}])\\.?\\s+\\d{4}`;
/** After a birth cue, the year may be missing or written with 2 digits, and a space may separate the numbers. */
const TEXT_DATE_ANY = `(?:1er|\\d{1,2})\\s+(?:${MONTHS})(?![\\p{L}])\\.?(?:\\s+(?:\\d{4}|\\d{2})(?![\\p{N}]))?`;
const SPACED_DATE = '\\d{1,2}\\s+\\d{1,2}\\s+(?:\\d{4}|\\d{2})';
const DAY_MONTH = '\\d{1,2}\\s*[/.]\\s*\\d{1,2}';
/** « DDN:03031948 », « né le 030348 »: digits glued together, only after a birth cue. */
const COMPACT_DATE = '\\d{8}|\\d{6}';

const DATE_END = '(?![\\p{N}])(?!\\s*[/.\\-]\\s*\\p{N})';

/** Full dates anywhere (kept if the year is before 2000). */
const FULL_DATE_RE = new RegExp(
  `${LEFT}(?<![\\p{N}]\\s*[/.\\-]\\s*)(?:${ISO_DATE}|${NUMERIC_DATE}|${TEXT_DATE_WITH_YEAR})${DATE_END}`,
  'giu',
);

/**
 * A birth cue, an optional place (« à Saint-Étienne », « au Maroc »), an optional connector (« le », « : »,
 * « du »), then a date, possibly without its year. The cue is part of the match: it is what makes it a birth date.
 */
const BIRTH_CUE =
  '(?:date\\s+de\\s+naissance|date\\s+naiss\\.?|naissance|n[ée]\\s*\\(\\s*e\\s*\\)s?|né(?:es?|s)?|nees?|ne(?=\\s+le\\s)|d\\.?\\s?d\\.?\\s?n\\.?|dob)';
const BIRTH_PLACE = "(?:\\s+(?:à|a|au|aux|en)\\s+[\\p{L}'’\\-]+(?:\\s+[\\p{L}'’\\-]+){0,3}?)?";
const BIRTH_CONNECTOR = '\\s*(?:[:=\\-–]\\s*)?(?:(?:le|du|en\\s+date\\s+du|au)\\s+)?';
const BIRTH_DATE_RE = new RegExp(
  `${LEFT}${BIRTH_CUE}(?![\\p{L}])${BIRTH_PLACE}${BIRTH_CONNECTOR}` +
    `(?<date>${ISO_DATE}|${NUMERIC_DATE}|${TEXT_DATE_ANY}|${SPACED_DATE}|${DAY_MONTH}|${COMPACT_DATE})${DATE_END}`,
  'giu',
);

interface ParsedDate {
  day: number;
  month: number;
  /** Four-digit year, or null when the date has none. */
  year: number | null;
  twoDigitYear: boolean;
  /** The separator of a numeric date (« / », « . », « - », « » for spaces), null for a date written in words. */
  separator: string | null;
}

/** Two-digit years up to five years ahead are read as 20xx, the others as 19xx. */
function expandYear(twoDigits: number): number {
  const pivot = (new Date().getFullYear() % 100) + 5;
  return twoDigits <= pivot ? 2000 + twoDigits : 1900 + twoDigits;
}

function parseDate(raw: string): ParsedDate | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return checked(Number(m[3]), Number(m[2]), m[1]!, '-');
  m = /^(\d{1,2})\s*([/.\-]|\s)\s*(\d{1,2})\s*([/.\-]|\s)\s*(\d{4}|\d{2})$/.exec(s);
  if (m) {
    if (m[2]!.trim() !== m[4]!.trim()) return null;
    return checked(Number(m[1]), Number(m[3]), m[5]!, m[2]!.trim());
  }
  m = /^(1er|\d{1,2})\s+([\p{L}]+)\.?(?:\s+(\d{4}|\d{2}))?$/iu.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month === null) return null;
    return checked(m[1]!.toLowerCase() === '1er' ? 1 : Number(m[1]), month, m[3] ?? null, null);
  }
  m = /^(\d{1,2})\s*([/.])\s*(\d{1,2})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[3]), null, m[2]!);
  // Glued digits: ddmmyyyy or ddmmyy, else yyyymmdd.
  m = /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const dayFirst = checked(Number(m[1]), Number(m[2]), m[3]!, '');
    if (dayFirst) return dayFirst;
    const yearFirst = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    if (yearFirst) return checked(Number(yearFirst[3]), Number(yearFirst[2]), yearFirst[1]!, '');
  }
  return null;
}

function checked(day: number, month: number, yearText: string | null, separator: string | null): ParsedDate | null {
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  if (yearText === null) return { day, month, year: null, twoDigitYear: false, separator };
  const twoDigitYear = yearText.length === 2;
  const year = twoDigitYear ? expandYear(Number(yearText)) : Number(yearText);
  if (year < 1880 || year > 2099) return null;
  return { day, month, year, twoDigitYear, separator };
}

function findDates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(BIRTH_DATE_RE)) {
    const date = m.groups?.['date'];
    if (date === undefined || parseDate(date) === null) continue;
    out.push({ kind: 'date_naissance', label: 'birth', index: m.index, match: m[0] });
  }
  for (const m of text.matchAll(FULL_DATE_RE)) {
    const parsed = parseDate(m[0]);
    if (parsed === null || parsed.year === null || parsed.year >= 2000) continue;
    // « 1-0-12 »-like dashes with a 2-digit year are posologies, not dates.
    if (parsed.twoDigitYear && parsed.separator === '-') continue;
    out.push({ kind: 'date_naissance', label: 'oldDate', index: m.index, match: m[0] });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// E-mail addresses and phone numbers
// ---------------------------------------------------------------------------------------------------------------

const EMAIL_RE = /(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}/gu;

/** 0X XX XX XX XX (spaces, dots, dashes or nothing), +33 X XX XX XX XX, +33 (0)X…, 0033 X… */
const PHONE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}+])(?:(?:\\+|00)\\s?33\\s?(?:\\(0\\)\\s?|0)?[1-9]|0[1-9])(?:${SEP}\\d{2}){4}(?![\\p{N}])`,
  'gu',
);

/**
 * Any « +<country code> » number, grouped as it comes (« +262 692 12 34 56 », « +33 6 12 345 678 »,
 * « +44 20 7946 0958 »): 8 to 15 digits in all (E.164), an optional « (0) » not counted.
 */
const INTL_PHONE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}+])\\+\\s?[1-9]\\d{0,2}(?:\\s?\\(0\\))?(?:(?:${SEP_REQUIRED}\\d{1,4}){1,8}|\\d{5,12})(?![\\p{N}])`,
  'gu',
);

function findContacts(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(EMAIL_RE)) out.push({ kind: 'email', label: 'email', index: m.index, match: m[0] });
  for (const m of text.matchAll(PHONE_RE)) {
    out.push({ kind: 'telephone', label: 'telephone', index: m.index, match: m[0] });
  }
  for (const m of text.matchAll(INTL_PHONE_RE)) {
    const digits = m[0].replace(/\(0\)/g, '').replace(/\D/g, '').length;
    if (digits >= 8 && digits <= 15) out.push({ kind: 'telephone', label: 'telephone', index: m.index, match: m[0] });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Civility + name
// ---------------------------------------------------------------------------------------------------------------

/** Case-sensitive on purpose: « M. » must be a capital M, and the name must start with a capital letter. */
const CIVILITY =
  '(?:M\\.|M(?=\\s)|Mr\\.?|MM\\.|[Mm]mes?\\.?|MMES?\\.?|[Mm]lles?\\.?|MLLES?\\.?|[Mm]elles?\\.?|MELLES?\\.?|[Mm]adame|MADAME|[Mm]onsieur|MONSIEUR|' +
  '[Mm]ademoiselle|MADEMOISELLE|[Mm]essieurs|MESSIEURS|[Mm]esdames|MESDAMES)';
const NAME_WORD = "\\p{Lu}[\\p{L}'’\\-]*\\p{L}";
const PARTICLE = "(?:(?:de|du|des|van|von|di|da|del|ben|le|la)\\s+|[dD]['’])";
/** A name typed in lower case (« Mme dupont »): one word of letters, no apostrophe (« n'a », « s'est »). */
const LOWER_NAME_WORD = '\\p{Ll}[\\p{Ll}\\-]*\\p{Ll}';
const CIVILITY_RE = new RegExp(
  // « Mme Dupont », « Mme.Dupont » (dot glued to the name)
  `(?<![\\p{L}\\p{N}])${CIVILITY}(?:(?<=\\.)\\s*|(?![\\p{L}])\\s+)` +
    `(?:(?<name>${PARTICLE}{0,2}${NAME_WORD}(?:\\s+${PARTICLE}{0,2}${NAME_WORD}){0,3})` +
    `|(?<lower>${LOWER_NAME_WORD}))(?![\\p{L}\\p{N}'’])`,
  'gu',
);

/**
 * Lower-case words that commonly follow « Madame » or « Monsieur » in a clinical note and are not a name:
 * articles, pronouns, prepositions and conjunctions, auxiliaries and the verbs of a situation (« Madame vit
 * seule », « Monsieur refuse… »), adjectives of age and family status. Words ending like a past participle
 * (« hospitalisée ») or an imperfect (« souhaitait ») are not names either. Accent-free, lower case.
 */
const NOT_A_LOWER_NAME = new Set(
  (
    'le la les un une des du de au aux et ou ni mais donc car or qui que quoi dont se ne il elle lui leur leurs son sa ses ' +
    'ce cet cette ces sur sous dans par pour avec sans chez vers entre depuis apres avant pendant selon contre ' +
    'egalement aussi toujours encore deja bien tres plus moins pas jamais souvent parfois seulement ainsi alors puis ' +
    'ensuite non oui meme tout toute tous toutes quant lorsque quand comme si ' +
    'est etait sera serait ete etre avait aura aurait ont sont fait faisait fera peut pouvait pourra pourrait doit ' +
    'devait devra devrait veut voulait voudrait souhaite desire aimerait aime va allait ira vient venait viendra vit ' +
    'vivait reste habite presente refuse accepte dit signale rapporte relate decrit exprime evoque beneficie souffre ' +
    'sort rentre retourne revient part quitte arrive prend mange boit dort fume marche tombe chute semble parait ' +
    'demande garde continue necessite releve participe pense sait connait comprend ressent consulte pese conduit ' +
    'gere prepare dispose utilise recoit percoit suit poursuit oublie adhere decline temoigne retrouve conserve ' +
    'craint redoute envisage attend ignore nie minimise manifeste montre tient voit entend appelle telephone ' +
    'sollicite interroge repond explique indique declare confirme precise reconnait estime trouve cherche ' +
    'hesite insiste regrette apprecie supporte tolere prefere choisit decide veille aide soutient accompagne ' +
    'agee age seule seul veuve veuf mariee marie celibataire divorcee divorce retraitee retraite enceinte ' +
    'autonome dependante dependant grabataire alitee alite'
  ).split(' '),
);

function isLowerCaseName(word: string): boolean {
  const folded = fold(word);
  if (NOT_A_LOWER_NAME.has(folded) || NOT_A_NAME.has(folded)) return false;
  return !/(?:ée?s?|ait|aient|ment)$/u.test(word.normalize('NFC'));
}

/**
 * Capitalised words after a civility that are not a patient's name: titles of professionals (« M. le Dr »),
 * professions, roles and placeholders.
 */
const NOT_A_NAME = new Set([
  'dr',
  'dre',
  'docteur',
  'docteure',
  'doct',
  'pr',
  'pre',
  'professeur',
  'professeure',
  'prof',
  'me',
  'maitre',
  'le',
  'la',
  'les',
  'medecin',
  'infirmier',
  'infirmiere',
  'ide',
  'idel',
  'ipa',
  'kine',
  'kinesitherapeute',
  'pharmacien',
  'pharmacienne',
  'mt',
  'mg',
  'sf',
  'sage',
  'aide',
  'auxiliaire',
  'as',
  'aes',
  'ash',
  'assistant',
  'assistante',
  'psychologue',
  'ergotherapeute',
  'dieteticien',
  'dieteticienne',
  'orthophoniste',
  'podologue',
  'cadre',
  'coordinateur',
  'coordinatrice',
  'coordonnateur',
  'coordonnatrice',
  'maire',
  'president',
  'presidente',
  'directeur',
  'directrice',
  'patient',
  'patiente',
  'cas',
  'anonyme',
  'inconnu',
  'inconnue',
  'ald',
  'gir',
  'ehpad',
  'ssiad',
  'had',
  'ssr',
  'smr',
  'cpts',
  'msp',
  'rcp',
]);

const PARTICLES = new Set(['de', 'du', 'des', 'van', 'von', 'di', 'da', 'del', 'ben', 'le', 'la']);

/**
 * Placeholders (« X », « XXX ») and initials without dots (« DM ») are not names. Two capitals with a vowel are a
 * short surname (« M. XU », « Mme LI »), not initials.
 */
function isPlaceholderOrInitials(word: string): boolean {
  return /^[Xx]+$/.test(word) || /^\p{Lu}$/u.test(word) || (/^\p{Lu}{2}$/u.test(word) && !/[AEIOUY]/.test(word));
}

function findCivilityNames(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(CIVILITY_RE)) {
    const lower = m.groups?.['lower'];
    if (lower !== undefined) {
      // « Madame perd du poids », « Monsieur tousse »: a capitalised civility in full starts a sentence about the
      // patient, and the verb that follows cannot all be listed. Only « Mme dupont » and « madame dupont » are read.
      const civility = m[0].slice(0, m[0].length - lower.length).trim();
      if (/^\p{Lu}/u.test(civility) && /^(?:madame|monsieur|mademoiselle|messieurs|mesdames)$/i.test(civility))
        continue;
      if (isLowerCaseName(lower))
        out.push({ kind: 'civilite_nom', label: 'civilite_nom', index: m.index, match: m[0] });
      continue;
    }
    const name = m.groups?.['name'];
    if (name === undefined) continue;
    // Words of the name, particles glued with an apostrophe (« d'Artagnan ») split off.
    const words = name.split(/\s+|(?<=['’])/u);
    const significant = words.filter((w) => !PARTICLES.has(fold(w)) && !/^[dD]['’]$/.test(w));
    const first = significant[0];
    if (first === undefined || NOT_A_NAME.has(fold(first)) || isPlaceholderOrInitials(first)) continue;
    // « Mme Dupont IDE »: drop trailing roles from the quoted text.
    let matched = m[0];
    const kept = [...significant];
    while (kept.length > 1 && NOT_A_NAME.has(fold(kept[kept.length - 1]!))) {
      const last = kept.pop()!;
      matched = matched.slice(0, matched.lastIndexOf(last)).trimEnd();
    }
    out.push({ kind: 'civilite_nom', label: 'civilite_nom', index: m.index, match: matched });
  }
}

/** « née Durand », « épouse Martin », « veuve Petit »: a birth or married name, without a civility. */
const NAME_CUE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:[Nn]ée|NÉE|[Nn]ee|NEE|[Éé]pouse|ÉPOUSE|EPOUSE|[Ee]pouse|[Éé]p\\.|[Vv]euve|VEUVE|[Vv]ve)\\s+` +
    `(?<name>${PARTICLE}?${NAME_WORD}(?:[\\s\\-]+${NAME_WORD}){0,2})(?![\\p{L}\\p{N}])`,
  'gu',
);

function findNameCues(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(NAME_CUE_RE)) {
    const name = m.groups?.['name'] ?? '';
    const first = name.split(/\s+|(?<=['’])/u).find((w) => !PARTICLES.has(fold(w)) && !/^[dD]['’]$/.test(w));
    if (first === undefined || NOT_A_NAME.has(fold(first)) || isPlaceholderOrInitials(first)) continue;
    out.push({ kind: 'civilite_nom', label: 'nomNaissance', index: m.index, match: m[0] });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Postal addresses
// ---------------------------------------------------------------------------------------------------------------

/** Types of street that mean nothing else: any word may follow (« 12 rue lecourbe »). */
const STREET_TYPES = 'rue|avenue|boulevard|bld|blvd|allée|allee|quai|faubourg|fbg|ruelle|venelle';
/** Country roads: a lower-case name is accepted after a particle (« 12 chemin des vignes », not « 1 chemin clinique »). */
const ROAD_TYPES = 'chemin|route';
/**
 * Types of street that are also ordinary words or abbreviations (« 2 places », « 3 cours de gym », « 1 impasse
 * thérapeutique », « 2 bd »): the name must then start with a capital letter.
 */
const AMBIGUOUS_STREET_TYPES =
  'r(?=\\.)|av|ave|bd|place|pl|chemin|route|rte|cours|square|résidence|residence|lotissement|lieu-dit|hameau|passage|' +
  'voie|sentier|montée|montee|rond-point|esplanade|parvis|cité|cite|villa|domaine|traverse|impasse|imp|' +
  'promenade|mail|chaussée|chaussee';

const STREET_PARTICLE = "(?:(?:de\\s+la|de\\s+l['’]|du|des|de|la|le|les|l['’]|d['’]|aux|au)\\s*)";
const ANY_WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*";
const CAP_WORD = "\\p{Lu}[\\p{L}\\p{N}'’\\-]*";
const MORE_NAME_WORDS = `(?:\\s+(?:(?:de|du|des|la|le|l['’]|d['’])\\s*)?\\p{Lu}[\\p{L}'’\\-]*){0,4}`;
const POSTCODE_TOWN = `(?:\\s*,?\\s*\\d{5}(?:\\s+\\p{Lu}[\\p{L}'’\\-]*(?:[\\s\\-]+\\p{Lu}[\\p{L}'’\\-]*){0,3})?(?![\\p{L}\\p{N}]))?`;
const STREET_NUMBER = '(?<![\\p{L}\\p{N}.,/])\\d{1,4}(?:\\s?(?:bis|ter|quater|[A-D]))?(?![\\p{L}\\p{N}])\\s*,?\\s*';

/** Case-insensitive alternatives spelled out letter by letter (no /i flag: with /u it would make \p{Lu} match
 * lower-case letters too). */
function anyCase(alternatives: string): string {
  return alternatives.replace(/\p{L}/gu, (ch) => {
    const upper = ch.toUpperCase();
    return upper === ch ? ch : `[${ch}${upper}]`;
  });
}

const ADDRESS_RE = new RegExp(
  `${STREET_NUMBER}(?:` +
    `(?:${anyCase(STREET_TYPES)})(?![\\p{L}])\\.?\\s+${STREET_PARTICLE}{0,2}${ANY_WORD}` +
    '|' +
    `(?:${anyCase(AMBIGUOUS_STREET_TYPES)})(?![\\p{L}])\\.?\\s+${STREET_PARTICLE}{0,2}${CAP_WORD}` +
    '|' +
    `(?:${anyCase(ROAD_TYPES)})(?![\\p{L}])\\s+${STREET_PARTICLE}{1,2}${ANY_WORD}` +
    `)${MORE_NAME_WORDS}${POSTCODE_TOWN}`,
  'gu',
);

function findAddresses(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(ADDRESS_RE)) {
    out.push({ kind: 'adresse', label: 'adresse', index: m.index, match: m[0].trimEnd() });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

const QUOTE_MAX = 60;
const COUNT_WORDS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];

function quote(match: string): string {
  const oneLine = match.replace(/\s+/g, ' ').trim();
  const shown = oneLine.length > QUOTE_MAX ? `${oneLine.slice(0, QUOTE_MAX - 1)}…` : oneLine;
  return `« ${shown} »`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** « un numéro de téléphone (« 06 12 34 56 78 ») », « deux dates … (« … », « … »), qui peuvent être … ». */
function describe(key: LabelKey, matches: readonly string[]): string {
  const label: Label = LABELS[key];
  const count = matches.length;
  const shown = matches.slice(0, 3).map(quote).join(', ') + (count > 3 ? ', …' : '');
  const name = count === 1 ? label.one : `${COUNT_WORDS[count] ?? String(count)} ${label.many}`;
  const clause = (count === 1 ? label.clauseOne : label.clauseMany) ?? '';
  return `${name} (${shown})${clause}`;
}

function findingMessage(c: Candidate): string {
  return (
    `${capitalise(describe(c.label, [c.match]))} : cette donnée identifie directement le patient et ne peut pas ` +
    'être enregistrée dans un cas de RCP, qui est pseudonymisé.'
  );
}

/** Detected identifiers, overlaps resolved (the longer one is kept), in the order of the text. */
function collect(text: string): Candidate[] {
  if (!text) return [];
  const candidates: Candidate[] = [];
  findLabelledNumbers(text, candidates);
  findNirs(text, candidates);
  findDates(text, candidates);
  findContacts(text, candidates);
  findCivilityNames(text, candidates);
  findNameCues(text, candidates);
  findAddresses(text, candidates);

  // Longest first (then leftmost, then detection order): a kept candidate excludes those overlapping it.
  const ordered = candidates
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.match.length - a.c.match.length || a.c.index - b.c.index || a.order - b.order);
  const kept: Candidate[] = [];
  for (const { c } of ordered) {
    const end = c.index + c.match.length;
    if (kept.some((k) => c.index < k.index + k.match.length && k.index < end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/**
 * Every direct identifier of a patient found in `text`, in the order of the text. When two detections overlap
 * (« INS : 1 84 … » is also a NIR), the longer one is kept. `index` is the position of `match` in `text`.
 */
export function findDirectIdentifiers(text: string): IdentifierFinding[] {
  return collect(text).map((c) => ({ kind: c.kind, match: c.match, index: c.index, message: findingMessage(c) }));
}

function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

const KEEP_LINK = 'le lien avec le patient et ses coordonnées restent dans le dossier du professionnel qui le suit';

/**
 * null when the text is acceptable; otherwise one French message naming the field, listing what was found (kind
 * and quoted text, grouped by kind) and saying why it cannot be stored and what to write instead.
 */
export function rcpTextProblem(text: string, fieldLabel?: string): string | null {
  const findings = collect(text);
  if (findings.length === 0) return null;

  // Grouped by label, in the order of the first occurrence of each.
  const groups = new Map<LabelKey, string[]>();
  for (const f of findings) {
    const list = groups.get(f.label) ?? [];
    list.push(f.match);
    groups.set(f.label, list);
  }

  const parts: string[] = [];
  const replacements: string[] = [];
  let removed = 0;
  let replaced = 0;
  for (const [key, matches] of groups) {
    parts.push(describe(key, matches));
    const label: Label = LABELS[key];
    if (label.remove) removed += matches.length;
    for (const r of label.replace ?? []) if (!replacements.includes(r)) replacements.push(r);
    if (label.replace) replaced += matches.length;
  }

  const subject = fieldLabel?.trim() ? `Le texte « ${fieldLabel.trim()} »` : 'Le texte';
  const examples = `(par exemple ${replacements.join(' ; ')})`;
  let action: string;
  if (replaced === 0) {
    action = `${removed > 1 ? 'Supprimez-les' : 'Supprimez-la'} : ${KEEP_LINK}.`;
  } else if (removed === 0) {
    action =
      replaced > 1
        ? `Remplacez-les par des informations non identifiantes ${examples}.`
        : `Remplacez-la par une information non identifiante ${examples}.`;
  } else {
    action =
      `Supprimez les numéros et coordonnées (${KEEP_LINK}) et remplacez le reste par des informations non ` +
      `identifiantes ${examples}.`;
  }
  return (
    `${subject} contient ${frenchList(parts)} : les cas de RCP sont pseudonymisés, aucune donnée identifiant ` +
    'directement le patient (nom, NIR, date de naissance, adresse, téléphone, courriel) ne peut être enregistrée. ' +
    action
  );
}
