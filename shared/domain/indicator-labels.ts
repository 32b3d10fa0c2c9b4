/**
 * French labels of the codes an indicator's life carries beyond its own traits: payment rules, measure statuses
 * and result statuses, and the evidence labels offered when a requirement is added. The indicator's own
 * vocabularies (kind, value type, direction, data source, evidence « livrables ») live with the library of
 * indicators seen in signed contracts (`@shared/domain/aci`) and are re-exported here, so that a screen, a PDF or
 * an export finds every indicator label in one place. Pure data.
 */
import type { MeasureStatus, PaymentRule, TargetStatus } from './aci/attainment';
import { EVIDENCE_LABELS } from './aci/indicator-vocabulary';

export {
  EVIDENCE_LABELS,
  INDICATOR_DATA_SOURCE_LABELS,
  INDICATOR_DATA_SOURCES,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_DIRECTIONS,
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  INDICATOR_VALUE_TYPE_LABELS,
  INDICATOR_VALUE_TYPES,
  type IndicatorDataSource,
  type IndicatorKind,
} from './aci/indicator-vocabulary';

export const PAYMENT_RULES = ['tout_ou_rien', 'paliers', 'proportionnel'] as const satisfies readonly PaymentRule[];
export const PAYMENT_RULE_LABELS: Record<PaymentRule, string> = {
  tout_ou_rien: 'Tout ou rien',
  paliers: 'Par paliers',
  proportionnel: 'Au prorata',
};

export const MEASURE_STATUSES = ['brouillon', 'declare', 'valide'] as const satisfies readonly MeasureStatus[];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  brouillon: 'Brouillon',
  declare: 'Déclaré',
  valide: 'Validé par la CPAM',
};

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  non_mesure: 'Non mesuré',
  atteint: 'Atteint',
  partiel: 'Partiellement atteint',
  non_atteint: 'Non atteint',
};

/** The usual tier labels of an annex, in rank order; a tier may also carry free text. */
export const TIER_LABEL_SUGGESTIONS = ['socle', 'intermédiaire', 'objectif'] as const;

/** The « livrables » of the signed annexes, offered as labels when an evidence requirement is added. */
export const EVIDENCE_LABEL_SUGGESTIONS: readonly string[] = Object.values(EVIDENCE_LABELS);
