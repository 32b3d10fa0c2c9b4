/**
 * The columns of an « annexe indicateurs » (ACI contract) and how their titles are recognised: the CPAM's tables name them in many
 * ways (« Indicateur », « Libellé de l’indicateur », « Valeur initiale », « Situation initiale », « Montant (€) »…).
 */
import type { AnnexField } from '../contract/annex';
import { headerKey } from './import-mapping';

export const ANNEX_FIELD_LABELS: Record<AnnexField, string> = {
  mission: 'Mission',
  code: 'Code de l’indicateur',
  indicateur: 'Indicateur (libellé)',
  nature: 'Nature (moyens, processus, résultat)',
  type_valeur: 'Type de valeur (oui/non, nombre, taux, délai)',
  sens: 'Sens (hausse, baisse, atteindre)',
  valeur_initiale: 'Valeur initiale',
  date_valeur_initiale: 'Date de la valeur initiale',
  cible: 'Cible',
  regle: 'Règle de paiement',
  paliers: 'Paliers « seuil → montant »',
  montant: 'Montant (€)',
  source: 'Source des données',
  justificatifs: 'Justificatifs attendus',
};

/** Column titles met in annexes, as header keys (accents, case, « de », « du »… removed). */
const SYNONYMS: Record<AnnexField, string[]> = {
  mission: ['mission', 'missions', 'mission aci', 'axe', 'volet'],
  code: ['code', 'code indicateur', 'ref', 'reference', 'id', 'identifiant'],
  indicateur: [
    'indicateur',
    'indicateurs',
    'libelle',
    'libelle indicateur',
    'intitule',
    'intitule indicateur',
    'action',
    'actions',
    'objectif',
  ],
  nature: ['nature', 'nature indicateur', 'type indicateur', 'categorie'],
  type_valeur: ['type valeur', 'type', 'format', 'unite'],
  sens: ['sens', 'direction', 'evolution attendue', 'sens evolution'],
  valeur_initiale: [
    'valeur initiale',
    'initial',
    'initiale',
    'situation initiale',
    'point depart',
    'valeur reference',
    'reference initiale',
    'baseline',
  ],
  date_valeur_initiale: ['date valeur initiale', 'date initiale', 'date reference', 'date situation initiale'],
  cible: ['cible', 'valeur cible', 'objectif cible', 'cible annee', 'resultat attendu', 'objectif chiffre'],
  regle: ['regle', 'regle paiement', 'modalite', 'modalite paiement', 'modalite remuneration', 'mode calcul'],
  paliers: ['paliers', 'palier', 'seuils', 'seuils montants', 'paliers remuneration'],
  montant: [
    'montant',
    'montant eur',
    'montant euros',
    'valorisation',
    'remuneration',
    'remuneration variable',
    'montant variable',
    'part variable',
  ],
  source: ['source', 'source donnees', 'origine donnees', 'donnees'],
  justificatifs: ['justificatifs', 'justificatif', 'livrables', 'pieces justificatives', 'preuves', 'elements preuve'],
};

export const ANNEX_FIELD_CODES = Object.keys(ANNEX_FIELD_LABELS) as AnnexField[];

/** The key of a column title; « € » counts as « eur ». */
function keyOf(header: string): string {
  return headerKey(header.replace(/€/g, ' eur '));
}

/** 2: the title is a known name of the field; 1: it starts with one (« Indicateur ACI 2026 »); 0: neither. */
function scoreFor(field: AnnexField, key: string): 0 | 1 | 2 {
  if (key === '') return 0;
  if (SYNONYMS[field].includes(key)) return 2;
  return SYNONYMS[field].some((synonym) => key.startsWith(`${synonym} `)) ? 1 : 0;
}

/** How much a cell looks like an annex column title (for finding the header row under a title row). */
export function annexHeaderScore(cell: string): number {
  const key = keyOf(cell);
  return Math.max(0, ...ANNEX_FIELD_CODES.map((field) => scoreFor(field, key)));
}

/** The field each column most likely holds (null: ignored); a field is given to one column only, the best match. */
export function suggestAnnexMapping(headers: readonly string[]): (AnnexField | null)[] {
  const keys = headers.map(keyOf);
  const mapping: (AnnexField | null)[] = headers.map(() => null);
  const candidates: { column: number; field: AnnexField; score: number }[] = [];
  keys.forEach((key, column) => {
    for (const field of ANNEX_FIELD_CODES) {
      const score = scoreFor(field, key);
      if (score > 0) candidates.push({ column, field, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const taken = new Set<AnnexField>();
  for (const { column, field } of candidates) {
    if (mapping[column] !== null || taken.has(field)) continue;
    mapping[column] = field;
    taken.add(field);
  }
  return mapping;
}
