import type { Candidate } from './labels';

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

export function findAddresses(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(ADDRESS_RE)) {
    out.push({ kind: 'adresse', label: 'adresse', index: m.index, match: m[0].trimEnd() });
  }
}
