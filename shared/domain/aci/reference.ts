/**
 * ACI CPTS reference data: the versions of the accord, the missions each version sets, the size classes and the
 * amounts that are established nationally. Everything here is data, versioned, with its source on every row: the
 * ACI is renegotiated (announced for 2026), and a new version is a new row, not a new `if`.
 *
 * Source tags, as in the team's domain notes:
 * - `V`: read in the cited source;
 * - `R`: reported by a secondary source (press, consultancy, a CPTS's own documents);
 * - `GK`: general knowledge, not verified;
 * - `inf`: arithmetic or inference from `V`/`R` facts.
 *
 * The per-mission € grid (ACI articles 7–8, fixed and variable envelopes by taille) is NOT known nationally: no
 * mission amount is exported here. Each CPTS enters the envelopes of its own contract.
 */

export type SourceTag = 'V' | 'R' | 'GK' | 'inf';

/** Where a row of reference data comes from. */
export interface Sourced {
  sourceTag: SourceTag;
  /** The source as the domain notes cite it (title, reference or address). */
  source: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Versions of the accord
// ---------------------------------------------------------------------------------------------------------------

export const ACI_VERSION_CODES = ['aci_2019', 'avenant_2'] as const;
export type AciVersionCode = (typeof ACI_VERSION_CODES)[number];

export interface AciVersion extends Sourced {
  code: AciVersionCode;
  label: string;
  /** « ACI CPTS de 2019 », « avenant 2 » */
  shortLabel: string;
  signedOn: string;
  /** The act that approved it, with its Journal officiel reference. */
  approvedBy: string;
  /** Date of the Journal officiel that published the approval. */
  publishedOn: string;
  /** First day in force. */
  effectiveFrom: string;
  /** Tag of `effectiveFrom` when it is less certain than the rest of the row. */
  effectiveFromTag: SourceTag;
}

export const ACI_VERSIONS: readonly AciVersion[] = [
  {
    code: 'aci_2019',
    label: 'Accord conventionnel interprofessionnel CPTS du 20 juin 2019',
    shortLabel: 'ACI CPTS de 2019',
    signedOn: '2019-06-20',
    approvedBy: 'Arrêté du 21 août 2019 (NOR SSAS1924409A), JORF n°0196 du 24 août 2019',
    publishedOn: '2019-08-24',
    effectiveFrom: '2019-08-25',
    effectiveFromTag: 'V',
    sourceTag: 'V',
    source:
      'Texte publié au JORF n°0196 du 24 août 2019 (slideshare.net « accord-national-sur-les-aides-aux-cpts » ; juriblio.fr, arrêté du 21 août 2019, annexe)',
  },
  {
    code: 'avenant_2',
    label: 'Avenant 2 à l’accord conventionnel interprofessionnel CPTS, signé le 20 décembre 2021',
    shortLabel: 'avenant 2',
    signedOn: '2021-12-20',
    approvedBy: 'Avis JORFTEXT000045443303, JO du 31 mars 2022',
    publishedOn: '2022-03-31',
    // In force the day after the publication of its approval notice: general rule, not read in the avenant.
    effectiveFrom: '2022-04-01',
    effectiveFromTag: 'GK',
    sourceTag: 'V',
    source:
      'legifrance.gouv.fr, avis JORFTEXT000045443303 ; texte en annexe II de juriblio.fr/docs/avis-divers/179661031',
  },
];

/** The version with this code (throws on an unknown code: codes come from this file). */
export function aciVersion(code: AciVersionCode): AciVersion {
  const version = ACI_VERSIONS.find((candidate) => candidate.code === code);
  if (!version) throw new RangeError(`Version de l’ACI inconnue : ${code}`);
  return version;
}

/** The version in force on a date (ISO), or null before the ACI CPTS existed. */
export function currentAciVersion(onDate: string): AciVersion | null {
  let current: AciVersion | null = null;
  for (const version of ACI_VERSIONS) if (version.effectiveFrom <= onDate) current = version;
  return current;
}

// ---------------------------------------------------------------------------------------------------------------
// Missions
// ---------------------------------------------------------------------------------------------------------------

export const ACI_MISSION_CODES = ['acces', 'parcours', 'prevention', 'crise', 'qualite', 'accompagnement'] as const;
export type AciMissionCode = (typeof ACI_MISSION_CODES)[number];

export type AciMissionCategory = 'socle' | 'optionnelle';

export interface AciMission extends Sourced {
  versionCode: AciVersionCode;
  code: AciMissionCode;
  label: string;
  /** Short name for table columns and charts. */
  shortLabel: string;
  /** Sub-themes the mission groups (accès aux soins: médecin traitant, soins non programmés, télésanté). */
  subThemes: readonly string[];
  category: AciMissionCategory;
  /** Months after the signature by which the mission must start; null when the CPTS chooses (optional mission). */
  startDelayMonths: number | null;
  /** Months after the signature by which the mission must be deployed; null when the CPTS chooses. */
  deployDelayMonths: number | null;
  /** False for the crisis mission: the contract sets no result indicator for it. */
  hasResultIndicators: boolean;
}

const ACCES_SUB_THEMES = [
  'Accès à un médecin traitant',
  'Soins non programmés (service d’accès aux soins, SAS)',
  'Recours à la télésanté (télémédecine, télésoin)',
] as const;

const PAPS_CALENDAR = 'hauts-de-france.paps.sante.fr, missions et calendrier de déploiement (mis à jour le 30/11/2023)';

/** Missions common to both versions, with the calendar the PAPS page gives for the accord as amended. */
const MISSIONS_2019: readonly Omit<AciMission, 'versionCode'>[] = [
  {
    code: 'acces',
    label: 'Amélioration de l’accès aux soins',
    shortLabel: 'Accès aux soins',
    subThemes: ACCES_SUB_THEMES,
    category: 'socle',
    startDelayMonths: 6,
    deployDelayMonths: 18,
    hasResultIndicators: true,
    sourceTag: 'V',
    source: `${PAPS_CALENDAR} ; télésanté : reagjir.fr (19/07/2019), urpsml-centre.org (réunion du 04/07/2019)`,
  },
  {
    code: 'parcours',
    label: 'Organisation de parcours pluriprofessionnels autour du patient',
    shortLabel: 'Parcours',
    subThemes: [],
    category: 'socle',
    startDelayMonths: 12,
    deployDelayMonths: 24,
    hasResultIndicators: true,
    sourceTag: 'V',
    source: PAPS_CALENDAR,
  },
  {
    code: 'prevention',
    label: 'Développement des actions coordonnées de prévention',
    shortLabel: 'Prévention',
    subThemes: [],
    category: 'socle',
    startDelayMonths: 12,
    deployDelayMonths: 24,
    hasResultIndicators: true,
    sourceTag: 'V',
    source: PAPS_CALENDAR,
  },
  {
    code: 'qualite',
    label: 'Développement de la qualité et de la pertinence des soins',
    shortLabel: 'Qualité',
    subThemes: [],
    category: 'optionnelle',
    startDelayMonths: null,
    deployDelayMonths: null,
    hasResultIndicators: true,
    sourceTag: 'V',
    source: PAPS_CALENDAR,
  },
  {
    code: 'accompagnement',
    label: 'Accompagnement des professionnels de santé sur le territoire',
    shortLabel: 'Accompagnement',
    subThemes: [],
    category: 'optionnelle',
    startDelayMonths: null,
    deployDelayMonths: null,
    hasResultIndicators: true,
    sourceTag: 'V',
    source: PAPS_CALENDAR,
  },
];

const CRISE: Omit<AciMission, 'versionCode'> = {
  code: 'crise',
  label: 'Réponse aux crises sanitaires graves',
  shortLabel: 'Crises sanitaires',
  subThemes: [],
  category: 'socle',
  startDelayMonths: 6,
  deployDelayMonths: 18,
  hasResultIndicators: false,
  sourceTag: 'V',
  source: `${PAPS_CALENDAR} ; pas d’indicateur de résultat : lepharmaciendefrance.fr`,
};

/** Display order of the missions: the socle ones first, in the order of the accord. */
const MISSION_ORDER: readonly AciMissionCode[] = [
  'acces',
  'parcours',
  'prevention',
  'crise',
  'qualite',
  'accompagnement',
];
const byMissionOrder = (a: { code: AciMissionCode }, b: { code: AciMissionCode }) =>
  MISSION_ORDER.indexOf(a.code) - MISSION_ORDER.indexOf(b.code);

/**
 * The missions of each version. The 2019 accord has no crisis mission; avenant 2 adds it as a fourth socle mission
 * and leaves the others as they were.
 */
export const ACI_MISSIONS: readonly AciMission[] = [
  ...MISSIONS_2019.map((mission) => ({
    ...mission,
    versionCode: 'aci_2019' as const,
    // The PAPS page describes the accord as amended; the socle calendar predates the avenant.
    sourceTag: mission.category === 'socle' ? ('inf' as const) : mission.sourceTag,
  })),
  ...[...MISSIONS_2019, CRISE]
    .sort(byMissionOrder)
    .map((mission) => ({ ...mission, versionCode: 'avenant_2' as const })),
];

/** The missions a version sets, socle first, in the order of the accord. */
export function missionsFor(versionCode: AciVersionCode): AciMission[] {
  return ACI_MISSIONS.filter((mission) => mission.versionCode === versionCode);
}

/** One mission of a version, or null when the version does not have it (the crisis mission in 2019). */
export function aciMission(versionCode: AciVersionCode, code: AciMissionCode): AciMission | null {
  return ACI_MISSIONS.find((mission) => mission.versionCode === versionCode && mission.code === code) ?? null;
}

/** The first version (by date in force) that sets a mission, or null if none does. */
export function versionIntroducing(code: AciMissionCode): AciVersion | null {
  return ACI_VERSIONS.find((version) => aciMission(version.code, code) !== null) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Size classes (taille)
// ---------------------------------------------------------------------------------------------------------------

export type Taille = 1 | 2 | 3 | 4;

export interface SizeClassBand {
  taille: Taille;
  /** Inclusive lower bound of the population. */
  min: number;
  /** Exclusive upper bound of the population, null for the last band. */
  max: number | null;
  label: string;
}

export interface SizeClassTable extends Sourced {
  version: string;
  bands: SizeClassBand[];
}

export const SIZE_CLASS_TABLES: SizeClassTable[] = [
  {
    version: 'ACI CPTS 2019 (avenant 2)',
    sourceTag: 'V',
    source:
      'Accord conventionnel interprofessionnel CPTS du 20 juin 2019, tailles de communauté (hauts-de-france.paps.sante.fr)',
    bands: [
      { taille: 1, min: 0, max: 40_000, label: 'moins de 40 000 habitants' },
      { taille: 2, min: 40_000, max: 80_000, label: 'de 40 000 à 80 000 habitants' },
      { taille: 3, min: 80_000, max: 175_000, label: 'de 80 000 à 175 000 habitants' },
      { taille: 4, min: 175_000, max: null, label: 'plus de 175 000 habitants' },
    ],
  },
];

export const CURRENT_SIZE_CLASS_TABLE: SizeClassTable = SIZE_CLASS_TABLES[SIZE_CLASS_TABLES.length - 1]!;

/** The ACI size class for a population, or null for an empty territory. */
export function sizeClassFor(
  population: number,
  table: SizeClassTable = CURRENT_SIZE_CLASS_TABLE,
): SizeClassBand | null {
  if (!Number.isFinite(population) || population <= 0) return null;
  return table.bands.find((band) => population >= band.min && (band.max === null || population < band.max)) ?? null;
}

/** Length of an ACI contract, in years. */
export const ACI_CONTRACT_YEARS = 5;

/** Where the contract length comes from. */
export const ACI_CONTRACT_YEARS_SOURCE: Sourced = {
  sourceTag: 'V',
  source: 'concourspluripro.fr ; medaviz.com (« 5 ans renouvelable »)',
};

// ---------------------------------------------------------------------------------------------------------------
// Established amounts
// ---------------------------------------------------------------------------------------------------------------

/**
 * - `lettre_intention`: aid paid once the lettre d'intention is validated, before the contract;
 * - `fonctionnement`: yearly operating envelope;
 * - `fonctionnement_majore`: the same raised by 75 % for the CPTS that signed their contract by 31 December 2021.
 */
export type AciAmountComponent = 'lettre_intention' | 'fonctionnement' | 'fonctionnement_majore';

export interface AciAmount extends Sourced {
  versionCode: AciVersionCode;
  component: AciAmountComponent;
  taille: Taille;
  amountCents: number;
  /** The row applies only to contracts signed on or before this date (ISO); null when unconditional. */
  signedOnOrBefore: string | null;
  /** The condition in French, as the sources word it; null when unconditional. */
  condition: string | null;
}

const euros = (amount: number) => amount * 100;

const FONCTIONNEMENT_BASE: readonly [Taille, number, 'V' | 'inf'][] = [
  [1, 50_000, 'V'],
  [2, 60_000, 'inf'],
  [3, 75_000, 'inf'],
  [4, 90_000, 'V'],
];
const FONCTIONNEMENT_BASE_SOURCE: Record<'V' | 'inf', string> = {
  V: 'Sénat, rapport d’information n° 32 (2025-2026), senat.fr/rap/r25-032/r25-0325.html (« 50 000 à 90 000 € »)',
  inf: 'Montant majoré d’avenant 2 divisé par 1,75 ; cohérent avec la fourchette du Sénat (r25-0325)',
};
const FONCTIONNEMENT_MAJORE: readonly [Taille, number][] = [
  [1, 87_500],
  [2, 105_000],
  [3, 131_250],
  [4, 157_500],
];
const LETTRE_INTENTION: readonly [Taille, number][] = [
  [1, 15_000],
  [2, 17_500],
  [3, 25_000],
  [4, 30_000],
];
const MAJORATION_DEADLINE = '2021-12-31';

/** The 2019 base amounts; under a later version, `carriedOver` explains why they still apply (an inference). */
function baseFonctionnement(versionCode: AciVersionCode, carriedOver: string | null): AciAmount[] {
  return FONCTIONNEMENT_BASE.map(([taille, amount, tag]) => ({
    versionCode,
    component: 'fonctionnement',
    taille,
    amountCents: euros(amount),
    signedOnOrBefore: null,
    condition: null,
    sourceTag: carriedOver ? 'inf' : tag,
    source: carriedOver ? `${FONCTIONNEMENT_BASE_SOURCE[tag]} ; ${carriedOver}` : FONCTIONNEMENT_BASE_SOURCE[tag],
  }));
}

/**
 * The amounts that are established nationally, per version and taille. Avenant 2 keeps the 2019 base for the
 * contracts signed from 2022 on (the notes know of no other change).
 */
export const ACI_AMOUNTS: readonly AciAmount[] = [
  ...baseFonctionnement('aci_2019', null),
  ...baseFonctionnement('avenant_2', 'base de 2019 que l’avenant 2 ne majore que pour les contrats signés avant 2022'),
  ...FONCTIONNEMENT_MAJORE.map(
    ([taille, amount]): AciAmount => ({
      versionCode: 'avenant_2',
      component: 'fonctionnement_majore',
      taille,
      amountCents: euros(amount),
      signedOnOrBefore: MAJORATION_DEADLINE,
      condition: 'Majoration de 75 % pour un contrat signé avant le 31/12/2021',
      sourceTag: 'V',
      source: 'Presse : lepharmaciendefrance.fr ; rhumatologie.lequotidiendumedecin.fr (avenant 2)',
    }),
  ),
  ...LETTRE_INTENTION.map(
    ([taille, amount]): AciAmount => ({
      versionCode: 'avenant_2',
      component: 'lettre_intention',
      taille,
      amountCents: euros(amount),
      signedOnOrBefore: null,
      condition: 'Après validation de la lettre d’intention',
      sourceTag: 'V',
      source: 'Presse : leconcoursmedical.fr (novembre 2020) ; Le Quotidien du médecin (« 15 000 € T1 … 30 000 € T4 »)',
    }),
  ),
];

/**
 * The yearly fonctionnement amount for a contract signed on `signedOn`, under a version, for a taille: the
 * majorated amount when its condition holds, else the base amount. Null when no amount is established.
 */
export function fonctionnementAmount(versionCode: AciVersionCode, taille: Taille, signedOn: string): AciAmount | null {
  const rows = ACI_AMOUNTS.filter((row) => row.versionCode === versionCode && row.taille === taille);
  const majorated = rows.find(
    (row) =>
      row.component === 'fonctionnement_majore' && row.signedOnOrBefore !== null && signedOn <= row.signedOnOrBefore,
  );
  return majorated ?? rows.find((row) => row.component === 'fonctionnement') ?? null;
}

/** The aid paid once the lettre d'intention is validated, or null when the version sets none. */
export function letterOfIntentAidAmount(versionCode: AciVersionCode, taille: Taille): AciAmount | null {
  return (
    ACI_AMOUNTS.find(
      (row) => row.versionCode === versionCode && row.taille === taille && row.component === 'lettre_intention',
    ) ?? null
  );
}
