import { createRequire } from 'node:module';
import { searchKey } from '@shared/text';

export { searchKey };

/**
 * Reference data of French communes: the Code officiel géographique with populations légales, EPCI,
 * départements and régions, from @etalab/decoupage-administratif (shipped with the app, used offline).
 */

export const COG_YEAR = 2026;
export const REFERENCE_LABEL = `Code officiel géographique ${COG_YEAR} (INSEE) et populations légales, via @etalab/decoupage-administratif`;

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
  commune?: string;
}
interface RawEpci {
  code: string;
  nom: string;
  type?: string;
  membres: { code: string }[];
}
interface RawArea {
  code: string;
  nom: string;
  typeLiaison?: number;
  region?: string;
}

export interface CommuneRef {
  code: string;
  nom: string;
  kind: 'commune' | 'arrondissement';
  /** For an arrondissement municipal: the code of its commune (Paris, Lyon, Marseille). */
  parentCode: string | null;
  departementCode: string;
  regionCode: string;
  codesPostaux: string[];
  population: number;
  epciCode: string | null;
  /** Accent-free, lower-case name with separators turned into spaces. */
  key: string;
}

export interface EpciRef {
  code: string;
  nom: string;
  memberCount: number;
}

export interface AreaRef {
  code: string;
  nom: string;
  /** « de l'Isère », « du Nord »… from the INSEE liaison type. */
  withPreposition: string;
  regionCode: string | null;
}

export interface CommuneReference {
  year: number;
  label: string;
  communes: CommuneRef[];
  byCode: Map<string, CommuneRef>;
  epcis: Map<string, EpciRef>;
  departements: Map<string, AreaRef>;
  regions: Map<string, AreaRef>;
}

/** Régions that have an Agence régionale de santé (the 18 régions of France, overseas ones included). */
const ARS_REGION_CODES = [
  '01',
  '02',
  '03',
  '04',
  '06',
  '11',
  '24',
  '27',
  '28',
  '32',
  '44',
  '52',
  '53',
  '75',
  '76',
  '84',
  '93',
  '94',
];

/** INSEE « type de nom en clair » (TNCC) → the French preposition before the name. */
const PREPOSITIONS = ['de ', "d'", 'du ', 'de la ', 'des ', "de l'", 'des ', 'de las ', 'de los '];

function withPreposition(area: RawArea): string {
  const preposition = PREPOSITIONS[area.typeLiaison ?? 0] ?? 'de ';
  // Names such as « La Réunion » already carry their article.
  if (preposition === 'de la ' && /^La /.test(area.nom)) return `de ${area.nom}`;
  return `${preposition}${area.nom}`;
}

let cached: CommuneReference | null = null;

/** Loads the reference once (about 0.3 s) and keeps it in memory. */
export function loadCommuneReference(): CommuneReference {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const rawCommunes = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const rawEpcis = require('@etalab/decoupage-administratif/data/epci.json') as RawEpci[];
  const rawDepartements = require('@etalab/decoupage-administratif/data/departements.json') as RawArea[];
  const rawRegions = require('@etalab/decoupage-administratif/data/regions.json') as RawArea[];

  const epcis = new Map<string, EpciRef>();
  const epciOfCommune = new Map<string, string>();
  for (const epci of rawEpcis) {
    epcis.set(epci.code, { code: epci.code, nom: epci.nom, memberCount: epci.membres.length });
    for (const member of epci.membres) epciOfCommune.set(member.code, epci.code);
  }

  const departements = new Map<string, AreaRef>();
  for (const dep of rawDepartements) {
    departements.set(dep.code, {
      code: dep.code,
      nom: dep.nom,
      withPreposition: withPreposition(dep),
      regionCode: dep.region ?? null,
    });
  }
  const regions = new Map<string, AreaRef>();
  for (const region of rawRegions) {
    regions.set(region.code, {
      code: region.code,
      nom: region.nom,
      withPreposition: withPreposition(region),
      regionCode: region.code,
    });
  }

  const communes: CommuneRef[] = [];
  for (const raw of rawCommunes) {
    if (raw.type !== 'commune-actuelle' && raw.type !== 'arrondissement-municipal') continue;
    const isArrondissement = raw.type === 'arrondissement-municipal';
    communes.push({
      code: raw.code,
      nom: raw.nom,
      kind: isArrondissement ? 'arrondissement' : 'commune',
      parentCode: isArrondissement ? (raw.commune ?? null) : null,
      departementCode: raw.departement ?? '',
      regionCode: raw.region ?? '',
      codesPostaux: raw.codesPostaux ?? [],
      population: raw.population ?? 0,
      epciCode: epciOfCommune.get(isArrondissement ? (raw.commune ?? raw.code) : raw.code) ?? null,
      key: searchKey(raw.nom),
    });
  }
  cached = {
    year: COG_YEAR,
    label: REFERENCE_LABEL,
    communes,
    byCode: new Map(communes.map((commune) => [commune.code, commune])),
    epcis,
    departements,
    regions,
  };
  return cached;
}

export function arsRegions(
  reference: CommuneReference = loadCommuneReference(),
): { code: string; nom: string; arsName: string }[] {
  return ARS_REGION_CODES.flatMap((code) => {
    const region = reference.regions.get(code);
    return region ? [{ code, nom: region.nom, arsName: `ARS ${region.nom}` }] : [];
  }).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
}

export function cpamSuggestion(departement: AreaRef): string {
  return `CPAM ${departement.withPreposition}`;
}

const CODE_QUERY = /^(\d{1,5}|2[ab]\d{0,3})$/i;

/**
 * Finds communes by name (accent- and case-insensitive, words in any order, « st » = « saint »),
 * by INSEE code or by postcode. Best matches first, then the most populated.
 */
export function searchCommunes(
  query: string,
  limit = 20,
  reference: CommuneReference = loadCommuneReference(),
): CommuneRef[] {
  const trimmed = query.trim();
  if (!trimmed) return [];
  // Only the best `limit` hits are kept, in order: a one-letter query matches most of France's 35 000 communes,
  // and sorting them all would cost more than the search itself.
  const scored: { commune: CommuneRef; score: number }[] = [];
  const better = (a: { commune: CommuneRef; score: number }, b: { commune: CommuneRef; score: number }) =>
    b.score - a.score ||
    b.commune.population - a.commune.population ||
    a.commune.nom.localeCompare(b.commune.nom, 'fr');
  const keep = (commune: CommuneRef, score: number) => {
    const entry = { commune, score };
    if (scored.length >= limit && better(entry, scored[scored.length - 1]!) >= 0) return;
    let index = scored.length;
    while (index > 0 && better(entry, scored[index - 1]!) < 0) index -= 1;
    scored.splice(index, 0, entry);
    if (scored.length > limit) scored.pop();
  };

  if (CODE_QUERY.test(trimmed.replace(/\s/g, ''))) {
    const code = trimmed.replace(/\s/g, '').toUpperCase();
    for (const commune of reference.communes) {
      let score = 0;
      if (commune.code === code) score = 100;
      else if (commune.codesPostaux.includes(code)) score = 90;
      else if (commune.code.startsWith(code)) score = 50;
      else if (commune.codesPostaux.some((postcode) => postcode.startsWith(code))) score = 40;
      if (score > 0) keep(commune, score);
    }
  } else {
    const key = searchKey(trimmed);
    if (!key) return [];
    const words = key.split(' ');
    for (const commune of reference.communes) {
      const name = commune.key;
      let score = 0;
      if (name === key) score = 100;
      else if (name.startsWith(key)) score = 80;
      else if (words.every((word) => name.startsWith(word) || name.includes(` ${word}`))) score = 60;
      else if (name.includes(key)) score = 30;
      if (score > 0) keep(commune, score);
    }
  }
  return scored.map((entry) => entry.commune);
}
