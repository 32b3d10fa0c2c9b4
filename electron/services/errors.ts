import type { ApiErrorCode } from '@shared/contract';

/** An error the user can act on, with a French message. Services throw it; IPC returns it as is. */
export class UserError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** What each table holds, as a user would say it (« un autre adhérent », « ce collège »). */
const TABLE_LABELS: Record<string, string> = {
  cpts: 'la fiche de la CPTS',
  territory_commune: 'une commune du territoire',
  audit_log: 'le journal des modifications',
  college: 'un collège',
  member: 'un adhérent',
  mandate: 'un mandat',
  cotisation: 'une cotisation',
  cotisation_rate: 'un barème de cotisation',
  app_setting: 'un paramètre',
  erased_identity: 'la liste d’opposition',
  meeting: 'une réunion',
  agenda_item: 'un point de l’ordre du jour',
  meeting_participant: 'un participant',
  decision: 'une décision',
  meeting_document: 'un document joint',
  rcp_motif: 'un motif de RCP',
  rcp_case: 'un cas de RCP',
  rcp_case_decision: 'une décision de cas de RCP',
  statutory_rules_version: 'une version des règles statutaires',
  ag_presence: 'une présence à l’assemblée',
  ag_proxy: 'un pouvoir',
  resolution: 'une résolution',
  formality: 'une formalité',
  document: 'un document',
  aci_contract: 'un contrat ACI',
  aci_contract_signatory: 'un signataire du contrat',
  aci_contract_year: 'une année de contrat',
  aci_contract_mission: 'une mission du contrat',
  aci_envelope: 'une enveloppe de mission',
  aci_payment: 'un versement',
  aci_dialogue: 'un dialogue de gestion',
  partnership: 'un partenariat',
  fiche_action: 'une fiche action',
  fiche_action_commune: 'une commune de la fiche action',
  fiche_action_member: 'un référent de la fiche action',
  fiche_action_partner: 'un partenaire de la fiche action',
  fiche_action_milestone: 'une étape de la fiche action',
  fiche_action_budget: 'une ligne de budget',
  fiche_action_meeting: 'une réunion liée à la fiche action',
  indicator: 'un indicateur',
  indicator_target: 'une cible d’indicateur',
  indicator_tier: 'un palier',
  indicator_measure: 'une mesure d’indicateur',
  evidence_requirement: 'un justificatif attendu',
  evidence: 'un justificatif',
  document_link: 'un document joint',
  crisis_plan_event: 'une étape du plan de crise',
  protocol: 'un protocole',
  protocol_version: 'une version de protocole',
  protocol_profession: 'une profession du protocole',
  protocol_step: 'une étape du protocole',
  protocol_member: 'un membre de l’équipe du protocole',
  protocol_declaration: 'une déclaration à l’ARS',
  protocol_use: 'une utilisation du protocole',
  protocol_yearly_report: 'un suivi annuel transmis à l’ARS',
  protocol_session: 'une séance de présentation du protocole',
  protocol_document: 'un document du protocole',
};

/** Columns a user can recognise; others are described by their table only. Keys: `table.column`. */
const COLUMN_LABELS: Record<string, string> = {
  'college.name': 'nom du collège',
  'college.voting_right': 'droit de vote du collège',
  'member.rpps': 'numéro RPPS',
  'member.kind': 'type d’adhérent (personne ou structure)',
  'member.practice_mode': 'mode d’exercice',
  'member.college_id': 'collège',
  'mandate.role': 'rôle du mandat',
  'mandate.start_on': 'date de début du mandat',
  'cotisation.year': 'année de cotisation',
  'cotisation.member_id': 'adhérent de la cotisation',
  'cotisation_rate.member_type': 'type d’adhérent du barème',
  'meeting.title': 'titre de la réunion',
  'meeting.date': 'date de la réunion',
  'meeting.status': 'statut de la réunion',
  'meeting.rcp_kind': 'type de RCP',
  'meeting.first_round_meeting_id': 'deuxième convocation (une seule par assemblée)',
  'meeting.convocation_round': 'numéro de convocation',
  'meeting.pv_status': 'statut du procès-verbal',
  'agenda_item.title': 'titre du point',
  'meeting_participant.attendance': 'présence du participant',
  'decision.status': 'statut de la décision',
  'meeting_document.stored_name': 'fichier du document',
  'rcp_motif.label': 'libellé du motif',
  'rcp_case.code': 'code du cas',
  'rcp_case.sex': 'sexe du patient',
  'rcp_case.follow_up_status': 'suivi du cas',
  'rcp_case_decision.status': 'statut de la décision',
  'statutory_rules_version.effective_from': 'date d’entrée en vigueur des règles',
  'ag_presence.present': 'présence',
  'resolution.title': 'titre de la résolution',
  'formality.label': 'libellé de la formalité',
  'document.stored_name': 'fichier du document',
  'aci_contract.status': 'statut du contrat',
  'aci_contract.duration_years': 'durée du contrat',
  'aci_contract_signatory.party': 'signataire',
  'aci_contract_year.year_index': 'numéro de l’année de contrat',
  'aci_contract_year.taille': 'taille de la CPTS',
  'aci_contract_year.population': 'population',
  'aci_contract_year.fonctionnement_cents': 'montant de fonctionnement',
  'aci_contract_mission.mission_code': 'mission',
  'aci_envelope.mission_code': 'mission',
  'aci_envelope.fixed_cents': 'part fixe',
  'aci_envelope.variable_max_cents': 'part variable maximale',
  'aci_payment.kind': 'nature du versement',
  'aci_payment.payer': 'payeur',
  'aci_payment.expected_cents': 'montant attendu',
  'aci_payment.received_cents': 'montant reçu',
  'aci_dialogue.variable_validated_cents': 'part variable validée',
  'partnership.type': 'type de partenariat',
  'partnership.fiches_total': 'nombre de fiches',
  'fiche_action.code': 'code de la fiche action',
  'fiche_action.status': 'statut de la fiche action',
  'fiche_action.cpts_role': 'rôle de la CPTS',
  'fiche_action_budget.year': 'année du budget',
  'fiche_action_budget.source': 'source de financement',
  'fiche_action_budget.planned_cents': 'budget prévu',
  'fiche_action_budget.actual_cents': 'budget réalisé',
  'indicator.code': 'code de l’indicateur',
  'indicator.kind': 'nature de l’indicateur',
  'indicator.value_type': 'type de valeur',
  'indicator.direction': 'sens de l’indicateur',
  'indicator.data_source': 'source des données',
  'indicator_target.indicator_id': 'cible (une seule par indicateur et par année)',
  'indicator_target.payment_rule': 'règle de rémunération',
  'indicator_target.max_cents': 'montant maximal',
  'indicator_tier.rank': 'rang du palier',
  'indicator_tier.amount_cents': 'montant du palier',
  'indicator_measure.status': 'statut de la mesure',
  'evidence.checked': 'justificatif vérifié',
  'document_link.kind': 'nature du document',
  'crisis_plan_event.kind': 'étape du plan de crise',
  'protocol.code': 'code du protocole',
  'protocol.family': 'famille du protocole',
  'protocol.review_every_months': 'périodicité de révision',
  'protocol_version.number': 'numéro de version',
  'protocol_version.status': 'statut de la version',
  'protocol_profession.profession_code': 'profession (une seule fois par version)',
  'protocol_member.role': 'rôle dans l’équipe',
  'protocol_use.outcome': 'issue de la prise en charge',
  'protocol_use.age_band': 'tranche d’âge',
  'protocol_use.sex': 'sexe',
};

const NOTHING_SAVED = 'Rien n’a été enregistré.';

/** `table.column` pairs named in a SQLite constraint message (« UNIQUE constraint failed: member.rpps »). */
function namedColumns(message: string): { table: string; column: string }[] {
  const after = message.split(/constraint failed:?/i)[1] ?? '';
  return [...after.matchAll(/([a-z_]+)\.([a-z_]+)/gi)].map((match) => ({ table: match[1]!, column: match[2]! }));
}

/** For CHECK constraints SQLite gives the expression (« status in (…) »): find a known column of any table in it. */
function checkedColumn(message: string): { table: string; column: string } | null {
  const after = (message.split(/constraint failed:?/i)[1] ?? '').trim();
  const word = after.match(/^[a-z_]+/i)?.[0];
  if (!word) return null;
  const key = Object.keys(COLUMN_LABELS).find((candidate) => candidate.endsWith(`.${word}`));
  return key ? { table: key.split('.')[0]!, column: word } : null;
}

function describeColumn(target: { table: string; column: string } | null | undefined): string | null {
  if (!target) return null;
  const column = COLUMN_LABELS[`${target.table}.${target.column}`];
  if (column) return column;
  const table = TABLE_LABELS[target.table];
  return table ? `une information de ${table}` : null;
}

/**
 * Turns a SQLite constraint failure (better-sqlite3 codes SQLITE_CONSTRAINT_*) into a French UserError,
 * naming the field where the table and column are known. Returns null for any other error.
 * The raw SQLite text never reaches the user.
 */
export function constraintError(error: unknown): UserError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return null;
  const message = error instanceof Error ? error.message : '';
  const columns = namedColumns(message);
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY': {
      const labels = columns.map((target) => COLUMN_LABELS[`${target.table}.${target.column}`]).filter(Boolean);
      const table = columns[0] ? TABLE_LABELS[columns[0].table] : undefined;
      if (labels.length === 1)
        return new UserError(
          'conflict',
          `Cette valeur existe déjà : le champ « ${labels[0]} » doit être unique. ${NOTHING_SAVED}`,
        );
      if (table)
        return new UserError(
          'conflict',
          `Cet enregistrement existe déjà (${table} identique est déjà présent). ${NOTHING_SAVED}`,
        );
      return new UserError('conflict', `Cet enregistrement existe déjà : il ferait doublon. ${NOTHING_SAVED}`);
    }
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return new UserError(
        'conflict',
        `Cette opération fait référence à un élément qui n’existe plus, ou supprimerait un élément encore utilisé ailleurs. Actualisez l’écran et réessayez. ${NOTHING_SAVED}`,
      );
    case 'SQLITE_CONSTRAINT_NOTNULL': {
      const field = describeColumn(columns[0]);
      return new UserError(
        'invalid_input',
        `Une information obligatoire manque${field ? ` : ${field}` : ''}. ${NOTHING_SAVED}`,
      );
    }
    case 'SQLITE_CONSTRAINT_CHECK': {
      const field = describeColumn(checkedColumn(message));
      return new UserError(
        'invalid_input',
        `Une valeur n’est pas acceptée${field ? ` pour le champ « ${field} »` : ''}. ${NOTHING_SAVED}`,
      );
    }
    default:
      return new UserError(
        'conflict',
        `La base de données a refusé cette modification car elle contredit des données existantes. ${NOTHING_SAVED}`,
      );
  }
}
