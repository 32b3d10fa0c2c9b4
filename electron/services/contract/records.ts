/**
 * A contract as the screens read it: signatories, missions with where their deadlines stand today, contract years
 * with taille, fonctionnement, envelopes, payments (expected against received), dialogues and documents.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  ACI_MISSION_CODES,
  ACI_MISSIONS,
  aciMission,
  aciVersion,
  contractYears,
  deadlineStatus,
  expectedPayments,
  missionDeadlines,
  fonctionnementAmount,
  sizeClassFor,
  type AciMissionCode,
  type Taille,
} from '@shared/domain/aci';
import type {
  ContractDetail,
  ContractDocumentRow,
  ContractListRow,
  ContractMissionRow,
  ContractYearRow,
  FonctionnementView,
} from '@shared/contract';
import {
  CONTRACT_DOCUMENT_KIND_LABELS,
  CONTRACT_STATUS_LABELS,
  FONCTIONNEMENT_SOURCE_LABELS,
  MISSION_CATEGORY_LABELS,
  SIGNATORY_PARTY_LABELS,
  type ContractDocumentKind,
} from '@shared/domain/contract-labels';
import type { DB } from '../../db/schema';
import { assertContract, type ContractRow, versionCode, type YearRow } from './guards';
import { missionShortLabel, paymentLines, paymentTotals } from './payment-lines';

type Db = Kysely<DB> | Transaction<DB>;

const MISSION_ORDER: readonly AciMissionCode[] = ACI_MISSION_CODES;
const byMission = (a: { mission_code: AciMissionCode }, b: { mission_code: AciMissionCode }) =>
  MISSION_ORDER.indexOf(a.mission_code) - MISSION_ORDER.indexOf(b.mission_code);

/** The taille that counts for a year: the one entered, else the population's. */
export function effectiveTaille(year: Pick<YearRow, 'taille' | 'population'>): {
  taille: Taille | null;
  fromPopulation: boolean;
} {
  if (year.taille !== null) return { taille: year.taille as Taille, fromPopulation: false };
  const band = year.population === null ? null : sizeClassFor(year.population);
  return { taille: band?.taille ?? null, fromPopulation: band !== null };
}

/** The fonctionnement of a year: the amount entered, else the established amount of the ACI for its taille. */
export function fonctionnementView(contract: ContractRow, year: YearRow): FonctionnementView {
  const { taille } = effectiveTaille(year);
  const established =
    taille === null ? null : fonctionnementAmount(versionCode(contract.aci_version), taille, contract.signed_on);
  const reference = established
    ? {
        cents: established.amountCents,
        sourceTag: established.sourceTag,
        source: established.source,
        condition: established.condition,
      }
    : null;
  const entered = year.fonctionnement_cents;
  const source =
    entered === null ? (reference ? 'reference' : 'absent') : entered === reference?.cents ? 'reference' : 'saisi';
  return {
    cents: entered ?? reference?.cents ?? null,
    source,
    sourceLabel: FONCTIONNEMENT_SOURCE_LABELS[source],
    reference,
  };
}

function documentRow(row: {
  id: number;
  kind: string;
  title: string | null;
  file_name: string;
  size: number;
  added_at: string;
}): ContractDocumentRow {
  const kind = (row.kind in CONTRACT_DOCUMENT_KIND_LABELS ? row.kind : 'autre') as ContractDocumentKind;
  return {
    id: row.id,
    kind,
    kindLabel: CONTRACT_DOCUMENT_KIND_LABELS[kind],
    title: row.title,
    fileName: row.file_name,
    size: row.size,
    addedAt: row.added_at,
  };
}

export async function getContract(db: Db, contractId: number, today: string): Promise<ContractDetail> {
  const contract = await assertContract(db, contractId);
  const [signatories, missions, years] = await Promise.all([
    db.selectFrom('aci_contract_signatory').selectAll().where('contract_id', '=', contractId).orderBy('id').execute(),
    db.selectFrom('aci_contract_mission').selectAll().where('contract_id', '=', contractId).execute(),
    db
      .selectFrom('aci_contract_year')
      .selectAll()
      .where('contract_id', '=', contractId)
      .orderBy('year_index')
      .execute(),
  ]);
  const yearIds = years.map((year) => year.id);
  const none = [-1];
  const [envelopes, payments, dialogues, documents] = await Promise.all([
    db
      .selectFrom('aci_envelope')
      .selectAll()
      .where('contract_year_id', 'in', yearIds.length ? yearIds : none)
      .execute(),
    db
      .selectFrom('aci_payment')
      .selectAll()
      .where('contract_year_id', 'in', yearIds.length ? yearIds : none)
      .execute(),
    db
      .selectFrom('aci_dialogue')
      .selectAll()
      .where('contract_year_id', 'in', yearIds.length ? yearIds : none)
      .orderBy('held_on')
      .execute(),
    db
      .selectFrom('document_link')
      .innerJoin('document', 'document.id', 'document_link.document_id')
      .select([
        'document.id',
        'document.title',
        'document.file_name',
        'document.size',
        'document.added_at',
        'document_link.kind',
        'document_link.contract_year_id',
      ])
      .where('document_link.contract_id', '=', contractId)
      .orderBy('document.added_at')
      .orderBy('document.id')
      .execute(),
  ]);

  const version = aciVersion(versionCode(contract.aci_version));
  const schedule = contractYears(contract.signed_on, contract.anniversary_on, years.length || 1);
  const fonctionnement = new Map(years.map((year) => [year.id, fonctionnementView(contract, year)]));
  const expected = expectedPayments({
    signedOn: contract.signed_on,
    anniversaryOn: contract.anniversary_on,
    yearCount: years.length || 1,
    fonctionnementCents: years.map((year) => fonctionnement.get(year.id)!.cents),
    missions: missions.map((mission) => ({
      missionCode: mission.mission_code,
      startOn: mission.started_on ?? mission.start_deadline_on,
      fixedCents: years.map(
        (year) =>
          envelopes.find((row) => row.contract_year_id === year.id && row.mission_code === mission.mission_code)
            ?.fixed_cents ?? null,
      ),
    })),
  });

  const minutesIds = new Set(dialogues.map((dialogue) => dialogue.minutes_document_id));
  const yearRows: ContractYearRow[] = years.map((year) => {
    const calendar = schedule.find((candidate) => candidate.index === year.year_index);
    const yearEnvelopes = envelopes
      .filter((row) => row.contract_year_id === year.id)
      .sort(byMission)
      .map((row) => ({
        missionCode: row.mission_code,
        missionLabel: missionShortLabel(row.mission_code)!,
        fixedCents: row.fixed_cents,
        variableMaxCents: row.variable_max_cents,
        note: row.note,
      }));
    const fixedCents = yearEnvelopes.reduce((sum, row) => sum + row.fixedCents, 0);
    const variableMaxCents = yearEnvelopes.reduce((sum, row) => sum + row.variableMaxCents, 0);
    const view = fonctionnement.get(year.id)!;
    const lines = paymentLines(
      expected.filter((payment) => payment.yearIndex === year.year_index),
      payments.filter((payment) => payment.contract_year_id === year.id),
      today,
    );
    const { taille, fromPopulation } = effectiveTaille(year);
    return {
      id: year.id,
      index: year.year_index,
      label: calendar?.label ?? `Année ${year.year_index}`,
      periodLabel: calendar?.periodLabel ?? '',
      startOn: year.start_on,
      endOn: year.end_on,
      current: year.start_on <= today && today <= year.end_on,
      taille,
      tailleFromPopulation: fromPopulation,
      population: year.population,
      populationRefYear: year.population_ref_year,
      fonctionnement: view,
      envelopes: yearEnvelopes,
      totals: { fixedCents, variableMaxCents, maxCents: (view.cents ?? 0) + fixedCents + variableMaxCents },
      payments: lines,
      paymentTotals: paymentTotals(lines, today),
      dialogues: dialogues
        .filter((dialogue) => dialogue.contract_year_id === year.id)
        .map((dialogue) => {
          const minutes = documents.find((document) => document.id === dialogue.minutes_document_id);
          return {
            id: dialogue.id,
            heldOn: dialogue.held_on,
            participants: dialogue.participants,
            documentsSent: dialogue.documents_sent,
            outcome: dialogue.outcome,
            variableValidatedCents: dialogue.variable_validated_cents,
            targetsAmended: dialogue.targets_amended === 1,
            amendmentNote: dialogue.amendment_note,
            minutes: minutes ? documentRow(minutes) : null,
          };
        }),
      documents: documents
        .filter((document) => document.contract_year_id === year.id && !minutesIds.has(document.id))
        .map(documentRow),
    };
  });

  const missionRows: ContractMissionRow[] = [...missions].sort(byMission).map((mission) => {
    const reference =
      aciMission(version.code, mission.mission_code) ??
      ACI_MISSIONS.find((candidate) => candidate.code === mission.mission_code)!;
    return {
      id: mission.id,
      code: mission.mission_code,
      label: reference.label,
      shortLabel: reference.shortLabel,
      category: reference.category,
      categoryLabel: MISSION_CATEGORY_LABELS[reference.category],
      startedOn: mission.started_on,
      deployedOn: mission.deployed_on,
      startDeadlineOn: mission.start_deadline_on,
      deployDeadlineOn: mission.deploy_deadline_on,
      deadlineNote: missionDeadlines(contract.signed_on, mission.mission_code, version.code)?.countedFromNote ?? null,
      startStatus: deadlineStatus(mission.start_deadline_on, mission.started_on, today),
      deployStatus: deadlineStatus(mission.deploy_deadline_on, mission.deployed_on, today),
      note: mission.note,
    };
  });

  const sum = (pick: (year: ContractYearRow) => number) => yearRows.reduce((total, year) => total + pick(year), 0);
  const first = years[0];
  const last = years[years.length - 1];
  return {
    id: contract.id,
    number: contract.number,
    aciVersion: version.code,
    aciVersionLabel: version.shortLabel,
    signedOn: contract.signed_on,
    anniversaryOn: first?.start_on ?? contract.anniversary_on ?? contract.signed_on,
    endOn: last?.end_on ?? contract.signed_on,
    durationYears: contract.duration_years,
    status: contract.status,
    statusLabel: CONTRACT_STATUS_LABELS[contract.status],
    previousContractId: contract.previous_contract_id,
    note: contract.note,
    signatories: signatories.map((row) => ({
      id: row.id,
      party: row.party,
      partyLabel: SIGNATORY_PARTY_LABELS[row.party],
      organisation: row.organisation,
      name: row.signatory_name,
      role: row.signatory_role,
      signedOn: row.signed_on,
    })),
    missions: missionRows,
    years: yearRows,
    documents: documents.filter((document) => document.contract_year_id === null).map(documentRow),
    totals: {
      fixedCents: sum((year) => year.totals.fixedCents),
      variableMaxCents: sum((year) => year.totals.variableMaxCents),
      fonctionnementCents: sum((year) => year.fonctionnement.cents ?? 0),
      receivedCents: sum((year) => year.paymentTotals.receivedCents),
    },
  };
}

export async function listContracts(db: Db): Promise<ContractListRow[]> {
  const rows = await db
    .selectFrom('aci_contract')
    .leftJoin('aci_contract_year', 'aci_contract_year.contract_id', 'aci_contract.id')
    .select((eb) => [
      'aci_contract.id',
      'aci_contract.number',
      'aci_contract.aci_version',
      'aci_contract.signed_on',
      'aci_contract.anniversary_on',
      'aci_contract.duration_years',
      'aci_contract.status',
      'aci_contract.previous_contract_id',
      eb.fn.min('aci_contract_year.start_on').as('start_on'),
      eb.fn.max('aci_contract_year.end_on').as('end_on'),
    ])
    .groupBy('aci_contract.id')
    .orderBy('aci_contract.signed_on', 'desc')
    .orderBy('aci_contract.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    aciVersion: versionCode(row.aci_version),
    aciVersionLabel: aciVersion(versionCode(row.aci_version)).shortLabel,
    signedOn: row.signed_on,
    startOn: row.start_on ?? row.anniversary_on ?? row.signed_on,
    endOn: row.end_on ?? row.signed_on,
    durationYears: row.duration_years,
    status: row.status,
    statusLabel: CONTRACT_STATUS_LABELS[row.status],
    previousContractId: row.previous_contract_id,
  }));
}
