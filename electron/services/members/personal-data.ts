/**
 * RGPD access request (art. 15): everything Maillage holds about one member.
 */
import { type Kysely, type Transaction, sql } from 'kysely';
import { crisisPlanEventLabel } from '@shared/domain/fiche-labels';
import { protocolDeclarationKindLabel, protocolMemberRoleLabel } from '@shared/domain/protocol-labels';
import { ATTENDANCE, DECISION_STATUSES, meetingTypeLabel } from '@shared/domain/meetings';
import type { DB } from '../../db/schema';
import { displayNameOf } from './record';
import { getMember } from './member';

type Db = Kysely<DB> | Transaction<DB>;

/** Labels of the audit actions a member can read in their export (others are shown as recorded). */
const AUDIT_ACTIONS: Record<string, string> = {
  create: 'création de la fiche',
  update: 'modification de la fiche',
  cotisation: 'cotisation enregistrée',
  'cotisation-delete': 'cotisation supprimée',
  mandate: 'mandat ajouté',
  'mandate-delete': 'mandat supprimé',
  depart: 'départ enregistré',
  reinstate: 'réintégration',
  delete: 'suppression',
};

/**
 * RGPD art. 15: everything Maillage holds about a member, in plain French keys: the record, cotisations and
 * mandates, meetings attended, general-assembly presences, pouvoirs given or held, officer roles (organiser,
 * president or secretary of a session), decisions they own (in meetings and in RCP cases: for an RCP case only
 * its code, dates and status, the action itself being about a patient), the fiches actions they pilot or are
 * référent of and the crisis plan steps they led, their place in the teams of protocols and in the declarations
 * to the ARS, the uses of protocols they applied (counted per protocol and year: the log is about patients), and
 * the journal entries about them.
 */
export async function personalData(db: Db, id: number, today: string) {
  const detail = await getMember(db, id, today);
  const { participations, presences, proxies, roles, decisions, caseDecisions, history } = await readActivity(db, id);
  const healthProject = await readHealthProjectRoles(db, id);
  const protocols = await readProtocolRoles(db, id);
  const given = proxies.filter((proxy) => proxy.mandant_member_id === id);
  const held = proxies.filter((proxy) => proxy.mandant_member_id !== id);
  return {
    export: 'Données personnelles détenues par la CPTS dans Maillage',
    exportedOn: today,
    member: {
      type: detail.data.kind === 'person' ? 'personne' : 'structure',
      ...detail.data,
      profession: detail.professionLabel,
      commune: detail.communeName,
      college: detail.collegeName,
      structureExercice: detail.structureMemberName ?? detail.data.structureLabel,
      dateSortie: detail.leftOn,
      motifSortie: detail.leftReason,
    },
    cotisations: detail.cotisations.map(({ year, amountCents, paidOn, mode }) => ({
      annee: year,
      montantEuros: amountCents / 100,
      payeeLe: paidOn,
      mode,
    })),
    mandats: detail.mandates.map(({ roleLabel: role, label, startOn, endOn }) => ({
      mandat: role,
      precision: label,
      debut: startOn,
      fin: endOn,
    })),
    reunions: participations.map((row) => ({
      ...meetingOf(row),
      presence: labelOf(ATTENDANCE, row.attendance),
      tempsMinutes: row.minutes_spent,
    })),
    presencesAssemblees: presences.map((row) => ({
      ...meetingOf(row),
      present: row.present === 1,
      arrivee: row.arrived_at,
      depart: row.left_at,
    })),
    pouvoirs: {
      donnes: given.map((row) => ({
        ...meetingOf(row),
        mandataire: displayNameOf({
          kind: row.mandataire_kind,
          last_name: row.mandataire_last_name,
          first_name: row.mandataire_first_name,
          structure_name: row.mandataire_structure_name,
          erased_at: row.mandataire_erased_at,
        }),
        recuLe: row.received_on,
      })),
      detenus: held.map((row) => ({
        ...meetingOf(row),
        mandant: displayNameOf({
          kind: row.mandant_kind,
          last_name: row.mandant_last_name,
          first_name: row.mandant_first_name,
          structure_name: row.mandant_structure_name,
          erased_at: row.mandant_erased_at,
        }),
        recuLe: row.received_on,
      })),
    },
    roles: roles.flatMap((row) => [
      ...(row.organiser_member_id === id ? [{ ...meetingOf(row), role: 'organisateur' }] : []),
      ...(row.president_member_id === id ? [{ ...meetingOf(row), role: 'président de séance' }] : []),
      ...(row.secretaire_member_id === id ? [{ ...meetingOf(row), role: 'secrétaire de séance' }] : []),
    ]),
    decisions: decisions.map((row) => ({
      ...meetingOf(row),
      decision: row.text,
      echeance: row.due_on,
      statut: labelOf(DECISION_STATUSES, row.status),
      faiteLe: row.done_on,
    })),
    projetDeSante: {
      fichesActions: healthProject.fiches.map((row) => ({
        code: row.code,
        fiche: row.title,
        role: row.role,
      })),
      planDeCrise: healthProject.crisisPlan.map((row) => ({
        etape: crisisPlanEventLabel(row.kind),
        date: row.occurred_on,
        role: 'référent',
      })),
    },
    protocoles: {
      equipes: protocols.teams.map((row) => ({
        code: row.code,
        protocole: row.title,
        role: protocolMemberRoleLabel(row.role),
        entree: row.joined_on,
        sortie: row.left_on,
        adhesionSigneeLe: row.adhesion_signed_on,
      })),
      declarationsArs: protocols.declarations.map((row) => ({
        code: row.code,
        protocole: row.title,
        declaration: protocolDeclarationKindLabel(row.kind),
        date: row.declared_on,
        role: [row.referent ? 'référent de la déclaration' : null, row.declared ? 'membre de l’équipe déclarée' : null]
          .filter(Boolean)
          .join(', '),
      })),
      utilisations: {
        note: 'Utilisations des protocoles que vous avez appliqués ou dont vous étiez le délégant, comptées par protocole et par année : le journal des utilisations porte sur des patients, anonymes.',
        parAnnee: protocols.uses.map((row) => ({
          code: row.code,
          protocole: row.title,
          annee: Number(row.year),
          appliques: Number(row.applied),
          commeDelegant: Number(row.as_delegant),
        })),
      },
    },
    decisionsRcp: {
      note: 'Actions confiées lors de RCP : seuls le code du cas, l’échéance et le statut figurent ici, le texte de l’action concernant un patient.',
      actions: caseDecisions.map((row) => ({
        ...meetingOf(row),
        cas: row.code,
        echeance: row.due_on,
        statut: labelOf(DECISION_STATUSES, row.status),
      })),
    },
    historique: history.map((entry) => ({
      date: entry.at,
      action: entry.action,
      libelle:
        entry.entity === 'ag_proxy'
          ? entry.action === 'create'
            ? 'pouvoir enregistré'
            : `pouvoir : ${entry.action}`
          : (AUDIT_ACTIONS[entry.action] ?? entry.action),
      detail: entry.detail,
    })),
  };
}

const MEETING_COLUMNS = [
  'meeting.id as meeting_id',
  'meeting.title as meeting_title',
  'meeting.date as meeting_date',
  'meeting.type as meeting_type',
] as const;

/** The member's traces in meetings, assemblies, decisions and the journal, each list in date order. */
async function readActivity(db: Db, id: number) {
  const [participations, presences, proxies, roles, decisions, caseDecisions] = await Promise.all([
    db
      .selectFrom('meeting_participant')
      .innerJoin('meeting', 'meeting.id', 'meeting_participant.meeting_id')
      .select([...MEETING_COLUMNS, 'meeting_participant.attendance', 'meeting_participant.minutes_spent'])
      .where('meeting_participant.member_id', '=', id)
      .orderBy('meeting.date')
      .orderBy('meeting.id')
      .execute(),
    db
      .selectFrom('ag_presence')
      .innerJoin('meeting', 'meeting.id', 'ag_presence.meeting_id')
      .select([...MEETING_COLUMNS, 'ag_presence.present', 'ag_presence.arrived_at', 'ag_presence.left_at'])
      .where('ag_presence.member_id', '=', id)
      .orderBy('meeting.date')
      .orderBy('meeting.id')
      .execute(),
    db
      .selectFrom('ag_proxy')
      .innerJoin('meeting', 'meeting.id', 'ag_proxy.meeting_id')
      .innerJoin('member as mandant', 'mandant.id', 'ag_proxy.mandant_member_id')
      .innerJoin('member as mandataire', 'mandataire.id', 'ag_proxy.mandataire_member_id')
      .select([
        ...MEETING_COLUMNS,
        'ag_proxy.id',
        'ag_proxy.received_on',
        'ag_proxy.mandant_member_id',
        'mandant.kind as mandant_kind',
        'mandant.last_name as mandant_last_name',
        'mandant.first_name as mandant_first_name',
        'mandant.structure_name as mandant_structure_name',
        'mandant.erased_at as mandant_erased_at',
        'mandataire.kind as mandataire_kind',
        'mandataire.last_name as mandataire_last_name',
        'mandataire.first_name as mandataire_first_name',
        'mandataire.structure_name as mandataire_structure_name',
        'mandataire.erased_at as mandataire_erased_at',
      ])
      .where((eb) => eb.or([eb('ag_proxy.mandant_member_id', '=', id), eb('ag_proxy.mandataire_member_id', '=', id)]))
      .orderBy('meeting.date')
      .orderBy('ag_proxy.id')
      .execute(),
    db
      .selectFrom('meeting')
      .select([
        ...MEETING_COLUMNS,
        'meeting.organiser_member_id',
        'meeting.president_member_id',
        'meeting.secretaire_member_id',
      ])
      .where((eb) =>
        eb.or([
          eb('meeting.organiser_member_id', '=', id),
          eb('meeting.president_member_id', '=', id),
          eb('meeting.secretaire_member_id', '=', id),
        ]),
      )
      .orderBy('meeting.date')
      .orderBy('meeting.id')
      .execute(),
    db
      .selectFrom('decision')
      .innerJoin('meeting', 'meeting.id', 'decision.meeting_id')
      .select([...MEETING_COLUMNS, 'decision.text', 'decision.due_on', 'decision.status', 'decision.done_on'])
      .where('decision.owner_member_id', '=', id)
      .orderBy('meeting.date')
      .orderBy('decision.id')
      .execute(),
    db
      .selectFrom('rcp_case_decision')
      .innerJoin('meeting_participant', 'meeting_participant.id', 'rcp_case_decision.owner_participant_id')
      .innerJoin('rcp_case', 'rcp_case.id', 'rcp_case_decision.case_id')
      .innerJoin('meeting', 'meeting.id', 'rcp_case.meeting_id')
      .select([...MEETING_COLUMNS, 'rcp_case.code', 'rcp_case_decision.due_on', 'rcp_case_decision.status'])
      .where('meeting_participant.member_id', '=', id)
      .orderBy('meeting.date')
      .orderBy('rcp_case_decision.id')
      .execute(),
  ]);
  const proxyIds = proxies.map((proxy) => String(proxy.id));
  const history = await db
    .selectFrom('audit_log')
    .select(['at', 'action', 'entity', 'detail'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'member'), eb('entity_id', '=', String(id))]),
        ...(proxyIds.length ? [eb.and([eb('entity', '=', 'ag_proxy'), eb('entity_id', 'in', proxyIds)])] : []),
      ]),
    )
    .orderBy('at')
    .orderBy('id')
    .execute();
  return { participations, presences, proxies, roles, decisions, caseDecisions, history };
}

/** The fiches actions a member pilots or is référent of, and the crisis plan steps they were référent for. */
async function readHealthProjectRoles(db: Db, id: number) {
  const [piloted, referent, crisisPlan] = await Promise.all([
    db.selectFrom('fiche_action').select(['code', 'title']).where('pilot_member_id', '=', id).orderBy('code').execute(),
    db
      .selectFrom('fiche_action_member')
      .innerJoin('fiche_action', 'fiche_action.id', 'fiche_action_member.fiche_id')
      .select(['fiche_action.code', 'fiche_action.title', 'fiche_action_member.role'])
      .where('fiche_action_member.member_id', '=', id)
      .orderBy('fiche_action.code')
      .execute(),
    db
      .selectFrom('crisis_plan_event')
      .select(['kind', 'occurred_on'])
      .where('referent_member_id', '=', id)
      .orderBy('occurred_on')
      .execute(),
  ]);
  const fiches = [
    ...piloted.map((row) => ({ ...row, role: 'pilote' })),
    ...referent.map((row) => ({ code: row.code, title: row.title, role: row.role ?? 'référent' })),
  ];
  return { fiches, crisisPlan };
}

/**
 * The member's memberships in protocol teams, the ARS declarations naming them (as référent or in the declared team)
 * and the uses they applied or were délégant of, counted per protocol and year.
 */
async function readProtocolRoles(db: Db, id: number) {
  const [teams, declarations, uses] = await Promise.all([
    db
      .selectFrom('protocol_member')
      .innerJoin('protocol', 'protocol.id', 'protocol_member.protocol_id')
      .select([
        'protocol.code',
        'protocol.title',
        'protocol_member.role',
        'protocol_member.joined_on',
        'protocol_member.left_on',
        'protocol_member.adhesion_signed_on',
      ])
      .where('protocol_member.member_id', '=', id)
      .orderBy('protocol.title')
      .orderBy('protocol_member.joined_on')
      .execute(),
    db
      .selectFrom('protocol_declaration as d')
      .innerJoin('protocol', 'protocol.id', 'd.protocol_id')
      .select([
        'protocol.code',
        'protocol.title',
        'd.kind',
        'd.declared_on',
        sql<number>`d.referent_member_id is ${id}`.as('referent'),
        sql<number>`exists (select 1 from json_each(d.team_snapshot) where json_extract(value, '$.memberId') = ${id})`.as(
          'declared',
        ),
      ])
      .where((eb) =>
        eb.or([
          eb('d.referent_member_id', '=', id),
          sql<boolean>`exists (select 1 from json_each(d.team_snapshot) where json_extract(value, '$.memberId') = ${id})`,
        ]),
      )
      .orderBy('d.declared_on')
      .execute(),
    db
      .selectFrom('protocol_use as u')
      .innerJoin('protocol', 'protocol.id', 'u.protocol_id')
      .select([
        'protocol.code',
        'protocol.title',
        sql<string>`substr(u.used_on, 1, 4)`.as('year'),
        sql<number>`sum(case when u.professional_member_id = ${id} then 1 else 0 end)`.as('applied'),
        sql<number>`sum(case when u.delegant_member_id = ${id} then 1 else 0 end)`.as('as_delegant'),
      ])
      .where((eb) => eb.or([eb('u.professional_member_id', '=', id), eb('u.delegant_member_id', '=', id)]))
      .groupBy(['protocol.id', sql`substr(u.used_on, 1, 4)`])
      .orderBy('protocol.title')
      .orderBy(sql`substr(u.used_on, 1, 4)`)
      .execute(),
  ]);
  return {
    teams,
    declarations: declarations.map((row) => ({
      ...row,
      referent: Boolean(row.referent),
      declared: Boolean(row.declared),
    })),
    uses,
  };
}

/** The meeting a line of the export is about, in the export's French keys. */
function meetingOf(row: { meeting_title: string; meeting_date: string; meeting_type: string }) {
  return { reunion: row.meeting_title, type: meetingTypeLabel(row.meeting_type), date: row.meeting_date };
}

function labelOf(list: readonly { code: string; label: string }[], code: string | null): string | null {
  return code ? (list.find((item) => item.code === code)?.label ?? code) : null;
}
