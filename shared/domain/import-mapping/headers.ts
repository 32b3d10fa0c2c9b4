/** Automatic mapping of French column titles to import fields. */
import { searchKey } from '../../text';
import { cotisationField, cotisationPaidField, type FixedImportField } from './fields';

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
