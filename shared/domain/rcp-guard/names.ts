import type { Candidate } from './labels';
import { fold } from './patterns';

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

export function findCivilityNames(text: string, out: Candidate[]): void {
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

export function findNameCues(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(NAME_CUE_RE)) {
    const name = m.groups?.['name'] ?? '';
    const first = name.split(/\s+|(?<=['’])/u).find((w) => !PARTICLES.has(fold(w)) && !/^[dD]['’]$/.test(w));
    if (first === undefined || NOT_A_NAME.has(fold(first)) || isPlaceholderOrInitials(first)) continue;
    out.push({ kind: 'civilite_nom', label: 'nomNaissance', index: m.index, match: m[0] });
  }
}
