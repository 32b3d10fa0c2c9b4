/**
 * One row of an annexe indicateurs read into an indicator and its target for the year, or the French reasons it
 * cannot be: unknown mission, amount not in euros and cents, tiers that cannot be read or are not ordered in the
 * indicator's direction (`validateTarget`), text the indicator's schema refuses. Values the annex leaves implicit
 * are read the way annexes write them: no cible and no tier is an action paid all or nothing (oui/non); « % » makes
 * a taux; tiers whose thresholds go down, or a cible below the baseline, make an indicator à la baisse.
 */
import {
  formatIndicatorValue,
  type IndicatorDirection,
  type IndicatorValueType,
  type PaymentRule,
  type Tier,
  validateTarget,
} from '@shared/domain/aci/attainment';
import { type AnnexField, type IndicatorData, indicatorSchema, requirementSchema } from '@shared/contract';
import { ACI_MISSION_CODES, type AciMissionCode } from '@shared/domain/aci';
import type { IndicatorDataSource, IndicatorKind } from '@shared/domain/indicator-labels';
import { PAYMENT_RULE_LABELS } from '@shared/domain/indicator-labels';
import { parseEuroAmount, parseFrenchDate } from '@shared/domain/import-mapping';
import { formatEurosFromCents, NBSP } from '@shared/format';
import { searchKey } from '@shared/text';

/** A row that can be imported: the indicator (without its contract), its target and the evidence it requires. */
export interface AnnexRow {
  indicator: Omit<IndicatorData, 'contractId'>;
  target: { rule: PaymentRule; targetValue: number | null; maxCents: number; tiers: Tier[] };
  requirements: string[];
  summary: string;
}

export type ParsedRow = { ok: true; row: AnnexRow } | { ok: false; errors: string[]; partial: Partial<AnnexRow> };

const MISSION_KEYWORDS: [string, AciMissionCode][] = [
  ['acces', 'acces'],
  ['medecin traitant', 'acces'],
  ['soins non programmes', 'acces'],
  ['sas', 'acces'],
  ['telesante', 'acces'],
  ['parcours', 'parcours'],
  ['prevention', 'prevention'],
  ['crise', 'crise'],
  ['qualite', 'qualite'],
  ['pertinence', 'qualite'],
  ['accompagnement', 'accompagnement'],
];

/** « Accès aux soins », « Mission 2 - Parcours pluriprofessionnels », « prevention » → the mission code. */
export function matchMission(text: string): AciMissionCode | null {
  const key = ` ${searchKey(text)} `;
  if ((ACI_MISSION_CODES as readonly string[]).includes(key.trim())) return key.trim() as AciMissionCode;
  return MISSION_KEYWORDS.find(([word]) => key.includes(` ${word} `) || key.includes(` ${word}`))?.[1] ?? null;
}

interface ParsedValue {
  value: number;
  percent: boolean;
  days: boolean;
  /** « ≤ », « < » written before the value. */
  atMost: boolean;
  /** The lower bound of a range « 51–100 » (then `value` is its upper bound). */
  low?: number;
}

/** « 66,26 % », « ≤ 50 », « 30 jours », « 1 234,5 », « oui » → the value, what it says of its type; null otherwise. */
export function parseValue(text: string): ParsedValue | null {
  const raw = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  const yesNo = searchKey(raw);
  if (yesNo === 'oui') return { value: 1, percent: false, days: false, atMost: false };
  if (yesNo === 'non') return { value: 0, percent: false, days: false, atMost: false };
  const range = /^(\d[\d ]*(?:[.,]\d+)?)\s*(?:%\s*)?[–—-]\s*(\d[\d ]*(?:[.,]\d+)?\s*(?:%|jours?|j)?)$/i.exec(raw);
  if (range) {
    const low = parseValue(range[1]!);
    const high = parseValue(range[2]!);
    return low && high ? { ...high, low: low.value } : null;
  }
  const match = /^(≤|≥|<=|>=|<|>)?\s*(-?\d[\d ]*(?:[.,]\d+)?)\s*(%|jours?|j)?$/i.exec(raw);
  if (!match) return null;
  const value = Number(match[2]!.replace(/ /g, '').replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const unit = (match[3] ?? '').toLowerCase();
  return {
    value,
    percent: unit === '%',
    days: unit.startsWith('j'),
    atMost: match[1] === '≤' || match[1]?.startsWith('<') === true,
  };
}

interface ParsedTier {
  label: string;
  value: ParsedValue;
  amountCents: number;
}

/**
 * « socle 69,70 % → 1 000 € ; intermédiaire 72,40 % → 2 500 € », one tier per « ; », line or « | »; the arrow may be
 * « → », « -> », « => » or « : »; a threshold may be a range « 51–100 ». Tiers are ranked by amount, the one that
 * pays least first (annexes write them in either order: « ≤ 50 → 9 000 € ; 51–100 → 6 000 € … »).
 */
export function parseTiers(text: string): { tiers: ParsedTier[]; errors: string[] } {
  const tiers: ParsedTier[] = [];
  const errors: string[] = [];
  const parts = text
    .split(/[;\n|]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  for (const part of parts) {
    const arrow = /\s*(?:→|->|=>)\s*/.exec(part) ?? /\s*:\s*(?=[^:]*$)/.exec(part);
    const left = arrow ? part.slice(0, arrow.index) : '';
    const right = arrow ? part.slice(arrow.index + arrow[0].length) : '';
    const labelled = /^([A-Za-zÀ-ÿ’' ]*?)\s*[(:]?\s*((?:≤|≥|<=|>=|<|>)?\s*-?\d.*?)\)?$/.exec(left);
    const value = labelled ? parseValue(labelled[2]!) : null;
    const amountCents = parseEuroAmount(right);
    if (!labelled || !value || amountCents === null) {
      errors.push(`Palier « ${part} » illisible : écrivez « seuil → montant », par exemple « 69,70 % → 1 000 € ».`);
      continue;
    }
    tiers.push({ label: labelled[1]!.trim(), value, amountCents });
  }
  return { tiers: tiers.sort((a, b) => a.amountCents - b.amountCents), errors };
}

const RULES: [string, PaymentRule][] = [
  ['tout ou rien', 'tout_ou_rien'],
  ['binaire', 'tout_ou_rien'],
  ['palier', 'paliers'],
  ['prorata', 'proportionnel'],
  ['proportionnel', 'proportionnel'],
];
const VALUE_TYPES: [string, IndicatorValueType][] = [
  ['oui', 'oui_non'],
  ['binaire', 'oui_non'],
  ['taux', 'taux'],
  ['%', 'taux'],
  ['pourcentage', 'taux'],
  ['delai', 'delai'],
  ['jour', 'delai'],
  ['nombre', 'nombre'],
  ['effectif', 'nombre'],
];
const DIRECTIONS: [string, IndicatorDirection][] = [
  ['hausse', 'hausse'],
  ['augment', 'hausse'],
  ['baisse', 'baisse'],
  ['diminu', 'baisse'],
  ['redui', 'baisse'],
  ['atteindre', 'atteindre'],
];
const KINDS: [string, IndicatorKind][] = [
  ['moyen', 'moyens'],
  ['processus', 'processus'],
  ['resultat', 'resultat'],
];
const SOURCES: [string, IndicatorDataSource][] = [
  ['cpam', 'cpam'],
  ['assurance maladie', 'cpam'],
  ['ars', 'ars'],
  ['partenaire', 'partenaire'],
  ['cpts', 'cpts'],
  ['declaratif', 'cpts'],
];

function lookup<T>(text: string, table: [string, T][]): T | null {
  const key = searchKey(text).replace(/ /g, ' ');
  if (key === '') return null;
  return table.find(([word]) => key.includes(word))?.[1] ?? null;
}

const FIELD_NAMES: Partial<Record<AnnexField, string>> = {
  regle: 'Règle de paiement',
  type_valeur: 'Type de valeur',
  sens: 'Sens',
  nature: 'Nature',
};

/** « Par paliers : ≤ 219 → 3 000 € ; ≤ 50 → 9 000 € », « Tout ou rien : ≥ 40, 3 000 € », « Oui / non, 2 000 € ». */
function summaryOf(row: Omit<AnnexRow, 'summary'>): string {
  const { valueType, direction } = row.indicator;
  const show = (value: number) => formatIndicatorValue(valueType, value);
  const sign = direction === 'baisse' ? '≤' : '≥';
  const { target } = row;
  if (target.rule === 'paliers') {
    const tiers = target.tiers.map((tier) =>
      `${sign} ${show(tier.threshold)} → ${formatEurosFromCents(tier.amountCents)}`.replace(/ /g, NBSP),
    );
    return `${PAYMENT_RULE_LABELS.paliers} : ${tiers.join(' ; ')}`;
  }
  const level = valueType === 'oui_non' ? 'oui' : `${sign}${NBSP}${show(target.targetValue ?? 0)}`;
  return `${PAYMENT_RULE_LABELS[target.rule]} : ${level}, ${formatEurosFromCents(target.maxCents)}`;
}

/** Reads one row (cells by field) into an indicator and its target, or the French reasons it cannot be. */
export function parseAnnexRow(cells: Partial<Record<AnnexField, string>>): ParsedRow {
  const errors: string[] = [];
  const text = (field: AnnexField) => (cells[field] ?? '').trim();

  const missionCode = text('mission') ? matchMission(text('mission')) : null;
  if (!text('mission')) errors.push('Mission manquante.');
  else if (!missionCode) {
    errors.push(
      `Mission inconnue « ${text('mission')} » : accès aux soins, parcours, prévention, crises sanitaires, qualité ou accompagnement.`,
    );
  }
  if (!text('indicateur')) errors.push('Libellé de l’indicateur manquant.');

  const parse = (field: AnnexField, name: string): ParsedValue | null => {
    if (!text(field)) return null;
    const value = parseValue(text(field));
    if (!value) errors.push(`${name} « ${text(field)} » : un nombre est attendu (par exemple 66,26 % ou 219).`);
    return value;
  };
  const baseline = parse('valeur_initiale', 'Valeur initiale');
  const cible = parse('cible', 'Cible');
  const { tiers: parsedTiers, errors: tierErrors } = text('paliers')
    ? parseTiers(text('paliers'))
    : { tiers: [], errors: [] };
  errors.push(...tierErrors);

  let amountCents: number | null = null;
  if (text('montant')) {
    amountCents = parseEuroAmount(text('montant'));
    if (amountCents === null) {
      errors.push(
        `Montant « ${text('montant')} » : un montant positif en euros et centimes est attendu (par exemple 3 500 €).`,
      );
    }
  }
  const baselineOn = text('date_valeur_initiale') ? parseFrenchDate(text('date_valeur_initiale')) : null;
  if (text('date_valeur_initiale') && !baselineOn) {
    errors.push(`Date de la valeur initiale « ${text('date_valeur_initiale')} » : une date jj/mm/aaaa est attendue.`);
  }

  const named = <T>(field: AnnexField, table: [string, T][]): T | null => {
    if (!text(field)) return null;
    const found = lookup(text(field), table);
    if (found === null) errors.push(`${FIELD_NAMES[field]} « ${text(field)} » inconnu.`);
    return found;
  };
  const values = [baseline, cible, ...parsedTiers.map((tier) => tier.value)].filter((v): v is ParsedValue => !!v);
  const rule: PaymentRule = named('regle', RULES) ?? (parsedTiers.length > 0 ? 'paliers' : 'tout_ou_rien');
  const binary = !cible && parsedTiers.length === 0 && !baseline;
  const valueType: IndicatorValueType =
    named('type_valeur', VALUE_TYPES) ??
    (binary || (cible && /^(oui|non)$/i.test(text('cible')))
      ? 'oui_non'
      : values.some((v) => v.percent)
        ? 'taux'
        : values.some((v) => v.days)
          ? 'delai'
          : 'nombre');
  const tiersGoDown =
    parsedTiers.length > 1 &&
    parsedTiers.every((tier, i) => i === 0 || tier.value.value < parsedTiers[i - 1]!.value.value);
  const direction: IndicatorDirection =
    named('sens', DIRECTIONS) ??
    (values.some((v) => v.atMost) || tiersGoDown || (cible && baseline && cible.value < baseline.value)
      ? 'baisse'
      : valueType === 'oui_non'
        ? 'atteindre'
        : 'hausse');
  const kind: IndicatorKind = named('nature', KINDS) ?? (baseline || parsedTiers.length > 0 ? 'resultat' : 'moyens');
  const dataSource: IndicatorDataSource = text('source') ? (lookup(text('source'), SOURCES) ?? 'autre') : 'cpts';

  // A range « 51–100 » is reached at its upper bound going down, at its lower bound going up.
  const tiers: Tier[] = parsedTiers.map((tier, index) => ({
    rank: index + 1,
    label: tier.label,
    threshold: direction === 'baisse' ? tier.value.value : (tier.value.low ?? tier.value.value),
    amountCents: tier.amountCents,
  }));
  const topAmount = tiers.at(-1)?.amountCents ?? null;
  const maxCents = amountCents ?? (rule === 'paliers' ? topAmount : null);
  if (maxCents === null && !text('montant')) errors.push('Montant manquant : indiquez ce que rapporte l’indicateur.');
  const targetValue = rule === 'paliers' ? null : (cible?.value ?? (valueType === 'oui_non' ? 1 : null));
  const target = { rule, targetValue, maxCents: maxCents ?? 0, tiers: rule === 'paliers' ? tiers : [] };
  if (rule !== 'paliers' && tiers.length > 0) {
    errors.push(`Des paliers sont donnés pour un indicateur payé « ${PAYMENT_RULE_LABELS[rule].toLowerCase()} ».`);
  }
  const traits = { valueType, direction, baseline: baseline?.value ?? null };
  if (maxCents !== null) {
    errors.push(
      ...validateTarget({ rule, targetValue, maxAmountCents: maxCents, tiers: target.tiers }, traits).filter(
        (message) => !errors.includes(message),
      ),
    );
  }

  const indicator = indicatorSchema.omit({ contractId: true }).safeParse({
    missionCode: missionCode ?? 'acces',
    code: text('code') || null,
    label: text('indicateur'),
    kind,
    valueType,
    direction,
    dataSource,
    baselineValue: baseline?.value ?? null,
    baselineOn,
    baselineSource: dataSource === 'autre' ? text('source').slice(0, 300) : null,
  });
  if (!indicator.success) {
    for (const issue of indicator.error.issues) if (!errors.includes(issue.message)) errors.push(issue.message);
  }
  const requirements = text('justificatifs')
    .split(/[;\n•]+/)
    .map((label) => label.trim().replace(/^[-–]\s*/, ''))
    .filter(Boolean);
  for (const label of requirements) {
    const checked = requirementSchema.safeParse({ indicatorId: 1, label });
    if (!checked.success) errors.push(`Justificatif « ${label.slice(0, 40)} » : ${checked.error.issues[0]!.message}`);
  }
  if (errors.length > 0 || !indicator.success) return { ok: false, errors, partial: { requirements } };
  const row = { indicator: indicator.data, target, requirements: [...new Set(requirements)] };
  return { ok: true, row: { ...row, summary: summaryOf(row) } };
}
