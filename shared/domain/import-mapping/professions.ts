/** Recognition of professions, specialties, structure types, practice modes and member kinds as written in files. */
import { searchKey } from '../../text';
import { MEDICAL_SPECIALTIES, COMMON_SPECIALTY_LABELS, PROFESSIONS, STRUCTURE_TYPES } from '../professions';

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
