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
 *
 * Layout: one module per family of detectors (`nir`: NIR, INS and labelled numbers; `dates`; `contacts`: e-mail
 * and phone; `names`: civility + name; `addresses`), their shared pattern pieces (`patterns`) and the wording of
 * each kind (`labels`); this index collects the detections and writes the messages.
 */

export type { IdentifierFinding, IdentifierKind } from './labels';
import { findAddresses } from './addresses';
import { findContacts } from './contacts';
import { findDates } from './dates';
import { type Candidate, type IdentifierFinding, type Label, type LabelKey, LABELS } from './labels';
import { findCivilityNames, findNameCues } from './names';
import { findLabelledNumbers, findNirs } from './nir';

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
