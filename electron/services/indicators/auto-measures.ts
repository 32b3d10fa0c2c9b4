/**
 * Values Maillage measures from its own data for an indicator (`indicator.auto_measure`): RCP held and the
 * professions present, active members (all, or of one profession), new members, meetings of a fiche action's
 * working group and their participants, protocols in force, their uses and the professionals who applied them. Each comes with a French explanation of how it was computed over its
 * period; the coordinator freezes it as a measure (`computed_from` keeps the explanation).
 */
import { sql, type Kysely } from 'kysely';
import type { AutoMeasureEntry, LiveValue, MeasureRow } from '@shared/contract';
import type { IndicatorValueType } from '@shared/domain/aci/attainment';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import { formatDateLong as formatDate } from '@shared/format';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { UserError } from '../errors';
import { countProfessionalsWithUse, countProtocolsInForce, countUses } from '../protocols/stats';
import { assertMeasurable } from './measures';
import { assertIndicator, type Db, toMeasureRow, yearOfIndicator } from './rows';

/** A profession-bound code is written `adherents_profession:<code of the profession>`. */
const PROFESSION_PREFIX = 'adherents_profession:';

export const AUTO_MEASURES: readonly AutoMeasureEntry[] = [
  {
    code: 'rcp_tenues',
    label: 'RCP tenues',
    explanation: 'Nombre de réunions de type RCP dont le statut est « tenue », datées dans la période.',
    needs: null,
  },
  {
    code: 'rcp_professions',
    label: 'Professions présentes en RCP',
    explanation:
      'Nombre de professions de santé différentes parmi les participants présents aux RCP tenues dans la période (la profession de l’adhérent, ou celle notée pour un invité).',
    needs: null,
  },
  {
    code: 'adherents_actifs',
    label: 'Adhérents',
    explanation:
      'Nombre d’adhérents (personnes et structures) membres à la fin de la période : entrés au plus tard ce jour-là, sans sortie avant.',
    needs: null,
  },
  {
    code: PROFESSION_PREFIX,
    label: 'Adhérents d’une profession',
    explanation: 'Nombre d’adhérents de la profession choisie, membres à la fin de la période.',
    needs: 'profession',
  },
  {
    code: 'adherents_professions',
    label: 'Professions représentées parmi les adhérents',
    explanation: 'Nombre de professions de santé différentes parmi les adhérents membres à la fin de la période.',
    needs: null,
  },
  {
    code: 'nouveaux_adherents',
    label: 'Nouveaux adhérents',
    explanation: 'Nombre d’adhérents entrés dans la CPTS pendant la période (date d’adhésion dans la période).',
    needs: null,
  },
  {
    code: 'reunions_fiche',
    label: 'Réunions de la fiche action',
    explanation: 'Nombre de réunions liées à la fiche action de l’indicateur et tenues dans la période.',
    needs: 'fiche',
  },
  {
    code: 'participants_fiche',
    label: 'Participants aux réunions de la fiche action',
    explanation:
      'Nombre de personnes présentes aux réunions tenues de la fiche action dans la période : chaque adhérent compté une fois, chaque invité présent compté à chaque réunion.',
    needs: 'fiche',
  },
  {
    code: 'protocoles_en_vigueur',
    label: 'Protocoles en vigueur',
    explanation:
      'Nombre de protocoles de la bibliothèque dont une version est en vigueur à la fin de la période (protocoles archivés exclus).',
    needs: null,
  },
  {
    code: 'utilisations_protocoles',
    label: 'Utilisations des protocoles',
    explanation: 'Nombre d’utilisations notées au journal des protocoles, tous protocoles confondus, dans la période.',
    needs: null,
  },
  {
    code: 'professionnels_protocoles',
    label: 'Professionnels ayant appliqué un protocole',
    explanation:
      'Nombre de professionnels différents ayant au moins une utilisation d’un protocole notée au journal dans la période.',
    needs: null,
  },
];

/** The catalogue entry of a code (`adherents_profession:10` → the profession entry), null when unknown. */
export function autoMeasureEntry(code: string): AutoMeasureEntry | null {
  if (code.startsWith(PROFESSION_PREFIX)) return AUTO_MEASURES.find((entry) => entry.code === PROFESSION_PREFIX)!;
  return AUTO_MEASURES.find((entry) => entry.code === code) ?? null;
}

/**
 * The French problem of giving an indicator this automatic measure, null when it may. Maillage counts: the
 * indicator is a number (pass its value type; a stored indicator already passed this check).
 */
export function autoMeasureProblem(
  code: string,
  ficheId: number | null,
  valueType: IndicatorValueType = 'nombre',
): string | null {
  const entry = autoMeasureEntry(code);
  if (!entry) return 'Cette mesure automatique n’existe pas dans Maillage.';
  if (valueType !== 'nombre') {
    return 'Maillage mesure des nombres (réunions, professions, adhérents) : choisissez le type de valeur « Nombre » pour cet indicateur.';
  }
  if (entry.needs === 'profession') {
    const profession = code.slice(PROFESSION_PREFIX.length);
    if (!PROFESSION_BY_CODE.has(profession)) return 'Choisissez la profession des adhérents à compter.';
  }
  if (entry.needs === 'fiche' && ficheId === null) {
    return 'Cette mesure compte les réunions d’une fiche action : rattachez d’abord l’indicateur à sa fiche.';
  }
  return null;
}

/** Health professions only: coordination, usagers and other roles of Maillage's own codes are not counted. */
const healthProfession = sql<boolean>`profession_code is not null and profession_code not like 'X-%'`;

async function countRcpHeld(db: Db, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('meeting')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', 'rcp')
    .where('status', '=', 'tenue')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countRcpProfessions(db: Db, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom((qb) =>
      qb
        .selectFrom('meeting_participant as p')
        .innerJoin('meeting as m', 'm.id', 'p.meeting_id')
        .leftJoin('member', 'member.id', 'p.member_id')
        .select(sql<string>`coalesce(member.profession_code, p.profession_code)`.as('profession_code'))
        .where('m.type', '=', 'rcp')
        .where('m.status', '=', 'tenue')
        .where('m.date', '>=', from)
        .where('m.date', '<=', to)
        .where('p.attendance', '=', 'present')
        .as('present'),
    )
    .select(sql<number>`count(distinct profession_code)`.as('n'))
    .where(healthProfession)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Members at the end of the day `on`: joined by then (or without a date), not left, not erased. */
function membersOn(db: Db, on: string) {
  return db
    .selectFrom('member')
    .where('erased_at', 'is', null)
    .where((eb) => eb.or([eb('joined_on', 'is', null), eb('joined_on', '<=', on)]))
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', on)]));
}

async function countMembers(db: Db, on: string, professionCode: string | null): Promise<number> {
  let query = membersOn(db, on).select((eb) => eb.fn.countAll<number>().as('n'));
  if (professionCode !== null) query = query.where('profession_code', '=', professionCode);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

async function countMemberProfessions(db: Db, on: string): Promise<number> {
  const row = await membersOn(db, on)
    .select(sql<number>`count(distinct profession_code)`.as('n'))
    .where(healthProfession)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countNewMembers(db: Db, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('joined_on', '>=', from)
    .where('joined_on', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function ficheMeetingsHeld(db: Db, ficheId: number, from: string, to: string) {
  return db
    .selectFrom('fiche_action_meeting as fm')
    .innerJoin('meeting as m', 'm.id', 'fm.meeting_id')
    .where('fm.fiche_id', '=', ficheId)
    .where('m.status', '=', 'tenue')
    .where('m.date', '>=', from)
    .where('m.date', '<=', to);
}

async function countFicheMeetings(db: Db, ficheId: number, from: string, to: string): Promise<number> {
  const row = await ficheMeetingsHeld(db, ficheId, from, to)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countFicheParticipants(db: Db, ficheId: number, from: string, to: string): Promise<number> {
  const row = await ficheMeetingsHeld(db, ficheId, from, to)
    .innerJoin('meeting_participant as p', 'p.meeting_id', 'm.id')
    .where('p.attendance', '=', 'present')
    .select(sql<number>`count(distinct p.member_id) + sum(case when p.member_id is null then 1 else 0 end)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n ?? 0);
}

/** The value of an automatic measure over a period (ISO dates, inclusive). */
export async function computeAutoMeasure(
  db: Db,
  code: string,
  ficheId: number | null,
  from: string,
  to: string,
): Promise<number> {
  const problem = autoMeasureProblem(code, ficheId);
  if (problem) throw new UserError('invalid_input', problem, { autoMeasure: problem });
  if (code.startsWith(PROFESSION_PREFIX)) return countMembers(db, to, code.slice(PROFESSION_PREFIX.length));
  switch (code) {
    case 'rcp_tenues':
      return countRcpHeld(db, from, to);
    case 'rcp_professions':
      return countRcpProfessions(db, from, to);
    case 'adherents_actifs':
      return countMembers(db, to, null);
    case 'adherents_professions':
      return countMemberProfessions(db, to);
    case 'nouveaux_adherents':
      return countNewMembers(db, from, to);
    case 'reunions_fiche':
      return countFicheMeetings(db, ficheId!, from, to);
    case 'participants_fiche':
      return countFicheParticipants(db, ficheId!, from, to);
    case 'protocoles_en_vigueur':
      return countProtocolsInForce(db, to);
    case 'utilisations_protocoles':
      return countUses(db, from, to);
    case 'professionnels_protocoles':
      return countProfessionalsWithUse(db, from, to);
    default:
      throw new UserError('invalid_input', 'Cette mesure automatique n’existe pas dans Maillage.');
  }
}

/** « Adhérents de la profession Infirmier » for a profession-bound code, the catalogue label otherwise. */
export function autoMeasureLabel(code: string): string {
  const entry = autoMeasureEntry(code);
  if (!entry) return code;
  if (entry.needs !== 'profession') return entry.label;
  const profession = PROFESSION_BY_CODE.get(code.slice(PROFESSION_PREFIX.length));
  return profession ? `Adhérents : ${profession.label}` : entry.label;
}

/**
 * The live value of an indicator's automatic measure over its contract year, up to today when the year is not
 * over (a count « at the end of the period » is then today's).
 */
export async function liveValue(
  db: Kysely<DB>,
  indicatorId: number,
  contractYearId: number,
  today: string,
): Promise<LiveValue> {
  const indicator = await assertIndicator(db, indicatorId);
  const year = await yearOfIndicator(db, indicator, contractYearId);
  if (!indicator.auto_measure) {
    throw new UserError(
      'invalid_input',
      'Maillage ne mesure pas cet indicateur lui-même : choisissez une mesure automatique dans sa fiche, ou saisissez la mesure.',
    );
  }
  if (today < year.start_on) {
    throw new UserError(
      'invalid_input',
      `L’année ${year.year_index} du contrat commence le ${formatDate(year.start_on)} : il n’y a encore rien à mesurer.`,
    );
  }
  const periodStart = year.start_on;
  const periodEnd = today < year.end_on ? today : year.end_on;
  const value = await computeAutoMeasure(db, indicator.auto_measure, indicator.fiche_id, periodStart, periodEnd);
  const entry = autoMeasureEntry(indicator.auto_measure)!;
  return {
    value,
    periodStart,
    periodEnd,
    explanation: `${autoMeasureLabel(indicator.auto_measure)}, du ${formatDate(periodStart)} au ${formatDate(periodEnd)} : ${entry.explanation}`,
  };
}

/** Stores the live value as a draft measure, with how it was computed: the coordinator's « figer la mesure ». */
export async function freezeMeasure(
  db: Kysely<DB>,
  indicatorId: number,
  contractYearId: number,
  today: string,
): Promise<MeasureRow> {
  const live = await liveValue(db, indicatorId, contractYearId, today);
  return db.transaction().execute(async (trx) => {
    const indicator = await assertIndicator(trx, indicatorId);
    const year = await yearOfIndicator(trx, indicator, contractYearId);
    await assertMeasurable(trx, indicator, year, live.value);
    const row = await trx
      .insertInto('indicator_measure')
      .values({
        indicator_id: indicatorId,
        contract_year_id: contractYearId,
        value: live.value,
        period_start: live.periodStart,
        period_end: live.periodEnd,
        measured_on: today,
        source: 'Maillage',
        status: 'brouillon',
        computed_from: live.explanation,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, 'create', 'indicator_measure', String(row.id), 'mesure figée');
    return toMeasureRow(row, year.year_index);
  });
}
