/**
 * Checks of the French identifiers a CPTS coordinator types in: SIREN/SIRET of structures, RNA of associations,
 * RPPS/ADELI of health professionals, FINESS of health and social establishments, INSEE commune codes and postcodes.
 *
 * Pure functions, no Node built-ins and no Electron: this module is bundled into the renderer as well as the main
 * process. Every check normalises its input first (see {@link normaliseIdentifier}) and returns either the
 * normalised value or a French message meant for the coordinator, saying precisely what is wrong.
 *
 * An empty input is always reported as an error ("… est vide."): whether a field is optional is the caller's
 * decision, to be made before calling the check.
 */

export type CheckResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * Whitespace (including the no-break spaces U+00A0, U+202F and U+2007 that French formatting and copy-paste from
 * PDFs produce), dots, and dashes (hyphen-minus, Unicode hyphens and dashes, minus sign).
 */
const SEPARATORS = /[\s\u00A0\u2007\u202F\u200B.\-\u2010\u2011\u2012\u2013\u2014\u2212]/g;

/**
 * Canonical form of a typed identifier: trims it, removes every space (including no-break spaces), dot and dash,
 * and uppercases it. "362 521 879 00034" → "36252187900034", "w381.012.345" → "W381012345".
 *
 * It does not remove any other character: a slash, a comma or a letter stays, so that the checks can report it.
 */
export function normaliseIdentifier(input: string): string {
  return input.trim().replace(SEPARATORS, '').toUpperCase();
}

/**
 * Standard Luhn (mod 10) check, ISO/IEC 7812-1 annex B: starting from the rightmost digit (the key), every second
 * digit is doubled, 9 is subtracted from doubled values above 9, and the total must be a multiple of 10.
 *
 * Accepts digits only: an empty string or any non-digit character gives false (no normalisation is done here).
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Message helpers
// ---------------------------------------------------------------------------------------------------------------

function fail(message: string): CheckResult {
  return { ok: false, message };
}

function ok(value: string): CheckResult {
  return { ok: true, value };
}

/** "(1 saisi)", "(12 saisis)": how many characters the user typed, after normalisation. */
function typed(count: number): string {
  return count > 1 ? `${count} saisis` : `${count} saisi`;
}

/** The first character that does not match `allowed`, described for a message, with a hint for O typed as 0. */
function describeForbidden(value: string, allowed: RegExp): string {
  for (const ch of value) {
    if (!allowed.test(ch)) {
      if (ch === 'O') return "« O » n'est pas accepté (la lettre O a-t-elle été saisie à la place du chiffre 0 ?)";
      return `« ${ch} » n'est pas accepté`;
    }
  }
  return '';
}

const DIGIT = /^\d$/;

function digitSum(digits: string): number {
  let sum = 0;
  for (const ch of digits) sum += ch.charCodeAt(0) - 48;
  return sum;
}

// ---------------------------------------------------------------------------------------------------------------
// Structures: RNA, SIREN, SIRET
// ---------------------------------------------------------------------------------------------------------------

const RNA_EXAMPLE = 'exemple : W381012345';

/**
 * RNA (Répertoire national des associations) number: the letter W followed by 9 characters, 10 in all
 * (e.g. W381012345). The characters after the W start with the code of the registering greffe, which may contain a
 * letter (Corsica: W2A…, W2B…), so the 9 characters are accepted as digits or upper-case letters. The RNA has no
 * check digit: only the shape is verified. Source: the RNA files published by the ministère de l'Intérieur on
 * data.gouv.fr (« Répertoire national des associations »). Lower-case input is accepted and uppercased.
 *
 * Associations declared before 2010 and never modified may only have an old prefecture file number: it is not an
 * RNA number and is rejected here.
 */
export function checkRna(input: string): CheckResult {
  const value = normaliseIdentifier(input);
  if (value === '') return fail('Le numéro RNA est vide : saisissez W suivi de 9 caractères (exemple : W381012345).');
  if (!value.startsWith('W')) {
    return fail(
      `Le numéro RNA commence par W suivi de 9 caractères (${RNA_EXAMPLE}). La saisie « ${value} » ne commence pas par W.`,
    );
  }
  const rest = value.slice(1);
  const forbidden = describeForbidden(rest, /^[0-9A-Z]$/);
  if (forbidden !== '') {
    return fail(
      `Le numéro RNA ne contient que des chiffres et des lettres après le W (${RNA_EXAMPLE}) : ${forbidden}.`,
    );
  }
  if (rest.length !== 9) {
    const count = rest.length > 1 ? `${rest.length} caractères ont été saisis` : `${rest.length} caractère a été saisi`;
    return fail(`Le numéro RNA commence par W suivi de 9 caractères (${RNA_EXAMPLE}). ${count} après le W.`);
  }
  return ok(value);
}

/**
 * SIREN (Système d'identification du répertoire des entreprises): 9 digits, the last one being a Luhn key computed
 * over the 9 digits (INSEE; article R123-221 of the Code de commerce; python-stdnum stdnum/fr/siren.py).
 * La Poste's SIREN 356000000 satisfies the Luhn rule and is therefore accepted like any other.
 */
export function checkSiren(input: string): CheckResult {
  const value = normaliseIdentifier(input);
  if (value === '') return fail('Le SIREN est vide : saisissez les 9 chiffres.');
  const forbidden = describeForbidden(value, DIGIT);
  if (forbidden !== '') return fail(`Le SIREN ne contient que des chiffres : ${forbidden}.`);
  if (value.length !== 9) {
    const hint =
      value.length === 14 ? " Il s'agit peut-être d'un SIRET : le SIREN correspond à ses 9 premiers chiffres." : '';
    return fail(`Le SIREN doit comporter 9 chiffres (${typed(value.length)}).${hint}`);
  }
  if (!luhnValid(value)) {
    return fail(`Le SIREN ${value} n'est pas valide : la clé de contrôle ne correspond pas. Vérifiez la saisie.`);
  }
  return ok(value);
}

const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/**
 * SIRET (Système d'identification du répertoire des établissements): 14 digits, the SIREN of the legal unit
 * (9 digits) followed by the NIC of the establishment (5 digits, the last being the key). The key is a Luhn key
 * computed over the 14 digits, and the SIREN part must itself be a valid SIREN.
 *
 * La Poste exception, as implemented by python-stdnum (stdnum/fr/siret.py): La Poste has too many establishments
 * for the Luhn key, so its SIRET (starting with 356000000) are valid when the sum of their 14 digits is a multiple
 * of 5; the head office 35600000000048 is the exception to the exception and is checked with Luhn (which it
 * passes).
 */
export function checkSiret(input: string): CheckResult {
  const value = normaliseIdentifier(input);
  if (value === '') return fail('Le SIRET est vide : saisissez les 14 chiffres.');
  const forbidden = describeForbidden(value, DIGIT);
  if (forbidden !== '') return fail(`Le SIRET ne contient que des chiffres : ${forbidden}.`);
  if (value.length !== 14) {
    const hint =
      value.length === 9
        ? " Il s'agit peut-être d'un SIREN : le SIRET y ajoute les 5 chiffres du numéro de l'établissement (NIC)."
        : '';
    return fail(`Le SIRET doit comporter 14 chiffres (${typed(value.length)}).${hint}`);
  }
  if (value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE_SIRET) {
    if (digitSum(value) % 5 !== 0) {
      return fail(
        `Le SIRET ${value} n'est pas valide : pour un établissement de La Poste, la somme des chiffres doit être un multiple de 5. Vérifiez la saisie.`,
      );
    }
  } else if (!luhnValid(value)) {
    return fail(`Le SIRET ${value} n'est pas valide : la clé de contrôle ne correspond pas. Vérifiez la saisie.`);
  }
  const siren = value.slice(0, 9);
  if (!luhnValid(siren)) {
    return fail(
      `Le SIRET ${value} n'est pas valide : ses 9 premiers chiffres (${siren}) ne forment pas un SIREN valide. Vérifiez la saisie.`,
    );
  }
  return ok(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Health professionals and establishments: RPPS, ADELI, FINESS
// ---------------------------------------------------------------------------------------------------------------

/**
 * RPPS (Répertoire partagé des professionnels intervenant dans le système de santé) number: 11 digits, the last one
 * being a Luhn key computed over the 11 digits (Agence du numérique en santé, annuaire santé / référentiel RPPS).
 */
export function checkRpps(input: string): CheckResult {
  const value = normaliseIdentifier(input);
  if (value === '') return fail('Le numéro RPPS est vide : saisissez les 11 chiffres.');
  const forbidden = describeForbidden(value, DIGIT);
  if (forbidden !== '') return fail(`Le numéro RPPS ne contient que des chiffres : ${forbidden}.`);
  if (value.length !== 11) {
    const hint = value.length === 9 ? " Il s'agit peut-être d'un numéro ADELI (9 chiffres)." : '';
    return fail(`Le numéro RPPS doit comporter 11 chiffres (${typed(value.length)}).${hint}`);
  }
  if (!luhnValid(value)) {
    return fail(
      `Le numéro RPPS n'est pas valide (clé de contrôle incorrecte). Vérifiez la saisie des 11 chiffres (${value}).`,
    );
  }
  return ok(value);
}

/** 2 digits or 2A/2B (Corsica), then `rest` digits. */
function departementThenDigits(value: string, rest: number): boolean {
  return new RegExp(`^(?:\\d{2}|2[AB])\\d{${rest}}$`).test(value);
}

/**
 * ADELI (Automatisation des listes) number of the health professionals not (yet) in the RPPS: 9 characters, the
 * département of registration (2 digits, or 2A/2B for Corsica) followed by 7 digits (profession code, serial
 * number and key). The ADELI key algorithm is not published by the ministry, so only the shape is checked here;
 * a wrong digit is not detected.
 */
export function checkAdeli(input: string): CheckResult {
  const value = normaliseIdentifier(input);
  if (value === '') return fail('Le numéro ADELI est vide : saisissez les 9 caractères.');
  const forbidden = describeForbidden(value, /^[0-9AB]$/);
  if (forbidden !== '') {
    return fail(`Le numéro ADELI ne contient que des chiffres (ou 2A/2B en tête pour la Corse) : ${forbidden}.`);
  }
  if (value.length !== 9) {
    const hint = value.length === 11 ? " Il s'agit peut-être d'un numéro RPPS (11 chiffres)." : '';
    return fail(`Le numéro ADELI doit comporter 9 caractères (${typed(value.length)}).${hint}`);
  }
  if (!departementThenDigits(value, 7)) {
    return fail(
      'Le numéro ADELI commence par le département (2 chiffres, ou 2A/2B pour la Corse) suivi de 7 chiffres.',
    );
  }
  return ok(value);
}

/**
 * FINESS (Fichier national des établissements sanitaires et sociaux) number, for a legal entity (EJ) or an
 * establishment (ET): 9 characters, the département (2 digits, or 2A/2B for Corsica) followed by 7 digits, the last
 * being a Luhn key computed over the 9 characters (the omnistate-style FINESS check). For Corsica the letter is
 * replaced before computing the key: 2A → 20 and 2B → 21, i.e. 'A' → '0' and 'B' → '1' in position 2.
 * This Corsican substitution is the project's chosen convention: it has not been checked against an official
 * DREES publication, so a real 2A/2B number rejected for its key should be reported.
 */
export function checkFiness(input: string): CheckResult {
  const value = normaliseIdentifier(input);
  if (value === '') return fail('Le numéro FINESS est vide : saisissez les 9 caractères.');
  const forbidden = describeForbidden(value, /^[0-9AB]$/);
  if (forbidden !== '') {
    return fail(`Le numéro FINESS ne contient que des chiffres (ou 2A/2B en tête pour la Corse) : ${forbidden}.`);
  }
  if (value.length !== 9) {
    return fail(`Le numéro FINESS doit comporter 9 caractères (${typed(value.length)}).`);
  }
  if (!departementThenDigits(value, 7)) {
    return fail(
      'Le numéro FINESS commence par le département (2 chiffres, ou 2A/2B pour la Corse) suivi de 7 chiffres.',
    );
  }
  const digits = value.slice(0, 1) + value.slice(1, 2).replace('A', '0').replace('B', '1') + value.slice(2);
  if (!luhnValid(digits)) {
    return fail(
      `Le numéro FINESS ${value} n'est pas valide : la clé de contrôle (dernier chiffre) ne correspond pas. Vérifiez la saisie.`,
    );
  }
  return ok(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Places: INSEE commune code, postcode
// ---------------------------------------------------------------------------------------------------------------

/**
 * INSEE commune code (code officiel géographique, COG): 5 characters, either a metropolitan département
 * (01 to 19, 2A, 2B, 21 to 95) followed by 3 digits, or an overseas département/collectivité 971 to 978 followed by
 * 2 digits (Guadeloupe 971, Martinique 972, Guyane 973, La Réunion 974, Saint-Pierre-et-Miquelon 975, Mayotte 976,
 * Saint-Barthélemy 977, Saint-Martin 978). Source: INSEE, COG. Pacific collectivities (98x) are not accepted.
 *
 * This is not a postcode check: Grenoble is 38185 (INSEE) but 38000 (postcode); Ajaccio is 2A004 but 20000.
 * Whether the code belongs to an existing commune is not checked here.
 */
export function checkInseeCommune(input: string): CheckResult {
  const value = normaliseIdentifier(input);
  if (value === '') return fail('Le code commune INSEE est vide : saisissez les 5 caractères (exemple : 38185).');
  const forbidden = describeForbidden(value, /^[0-9AB]$/);
  if (forbidden !== '') {
    return fail(`Le code commune INSEE ne contient que des chiffres (ou 2A/2B en tête pour la Corse) : ${forbidden}.`);
  }
  if (value.length !== 5) {
    return fail(
      `Le code commune INSEE doit comporter 5 caractères (${typed(value.length)}) ; exemple : 38185 pour Grenoble.`,
    );
  }
  if (/^20\d{3}$/.test(value)) {
    return fail(
      `Le code commune INSEE ${value} n'existe pas : en Corse, il commence par 2A ou 2B (exemple : 2A004 pour Ajaccio). Les codes en 20 sont des codes postaux.`,
    );
  }
  const metropole = /^(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])\d{3}$/;
  const outreMer = /^97[1-8]\d{2}$/;
  if (!metropole.test(value) && !outreMer.test(value)) {
    return fail(
      `Le code commune INSEE ${value} n'est pas valide : il commence par le département (01 à 95, 2A ou 2B pour la Corse, 971 à 978 outre-mer) suivi du numéro de la commune (exemple : 38185 pour Grenoble).`,
    );
  }
  return ok(value);
}

/**
 * French postcode (code postal, La Poste): 5 digits. Only the shape is checked, not that the postcode exists.
 * Corsican postcodes are numeric (20xxx); 2A/2B only appear in INSEE codes.
 */
export function checkPostcode(input: string): CheckResult {
  const value = normaliseIdentifier(input);
  if (value === '') return fail('Le code postal est vide : saisissez les 5 chiffres (exemple : 38000).');
  const forbidden = describeForbidden(value, DIGIT);
  if (forbidden !== '') {
    const corse = /^2[AB]/.test(value)
      ? ' En Corse, le code postal commence par 20 (2A et 2B sont réservés au code commune INSEE).'
      : '';
    return fail(`Le code postal ne contient que des chiffres : ${forbidden}.${corse}`);
  }
  if (value.length !== 5) {
    return fail(`Le code postal doit comporter 5 chiffres (${typed(value.length)}) ; exemple : 38000.`);
  }
  return ok(value);
}
