/**
 * What the contract page and the dashboard show first: the current contract and year, the next anniversary and
 * dialogue de gestion, and what needs attention (deadlines passed or near, payments late, amounts to enter).
 */
import type { Kysely } from 'kysely';
import type { ContractDetail, ContractOverview } from '@shared/contract';
import { formatEurosFromCents, pl } from '@shared/format';
import type { DB } from '../../db/schema';
import { plusDays } from './guards';
import { getContract } from './records';

/** The contract the app follows: the active one, else the latest signed. */
async function currentContractId(db: Kysely<DB>): Promise<number | null> {
  const row = await db
    .selectFrom('aci_contract')
    .select('id')
    .orderBy((eb) => eb.case().when('status', '=', 'actif').then(0).else(1).end())
    .orderBy('signed_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

function nextDialogue(contract: ContractDetail, today: string, nextAnniversaryOn: string | null) {
  const planned = contract.years
    .flatMap((year) => year.dialogues.map((dialogue) => ({ yearIndex: year.index, heldOn: dialogue.heldOn })))
    .filter((dialogue) => dialogue.heldOn >= today)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn))[0];
  if (planned) return { ...planned, dueAround: null };
  // The dialogue of a year is held at its end: the latest ended year without one is due, else the current year’s.
  const ended = contract.years.filter((year) => year.endOn < today && !year.dialogues.length);
  const pending = ended[ended.length - 1];
  if (pending) return { yearIndex: pending.index, heldOn: null, dueAround: plusDays(pending.endOn, 1) };
  const current = contract.years.find((year) => year.current);
  return current ? { yearIndex: current.index, heldOn: null, dueAround: nextAnniversaryOn } : null;
}

function warningsOf(contract: ContractDetail): string[] {
  const warnings: string[] = [];
  for (const mission of contract.missions) {
    for (const [step, status] of [
      ['démarrage', mission.startStatus],
      ['déploiement', mission.deployStatus],
    ] as const) {
      if (status && (status.code === 'depassee' || status.code === 'proche'))
        warnings.push(`${mission.shortLabel}, ${step} : ${status.label}.`);
    }
  }
  const late = contract.years.flatMap((year) => year.payments.filter((line) => line.status === 'en_retard'));
  if (late.length) {
    const known = late.reduce((sum, line) => sum + (line.expectedCents ?? 0), 0);
    warnings.push(
      `${late.length} ${pl(late.length, 'versement attendu n’est pas arrivé', 'versements attendus ne sont pas arrivés')}${
        known ? ` (${formatEurosFromCents(known)} au total)` : ''
      }.`,
    );
  }
  const current = contract.years.find((year) => year.current);
  if (current) {
    if (current.fonctionnement.cents === null)
      warnings.push(`${current.label} : montant de fonctionnement à saisir (taille ou montant du contrat).`);
    const missing = contract.missions.filter(
      (mission) => !current.envelopes.some((envelope) => envelope.missionCode === mission.code),
    );
    if (missing.length)
      warnings.push(
        `${current.label} : ${pl(missing.length, 'enveloppe', 'enveloppes')} à saisir pour ${missing
          .map((mission) => mission.shortLabel)
          .join(', ')}.`,
      );
  }
  return warnings;
}

export async function contractOverview(db: Kysely<DB>, today: string): Promise<ContractOverview> {
  const id = await currentContractId(db);
  if (id === null)
    return { today, contract: null, currentYear: null, nextAnniversaryOn: null, nextDialogue: null, warnings: [] };
  const contract = await getContract(db, id, today);
  const current = contract.years.find((year) => year.current) ?? null;
  const anniversaries = [...contract.years.map((year) => year.startOn), plusDays(contract.endOn, 1)];
  const nextAnniversaryOn = anniversaries.find((date) => date > today) ?? null;
  return {
    today,
    contract,
    currentYear: current
      ? {
          id: current.id,
          index: current.index,
          label: current.label,
          periodLabel: current.periodLabel,
          startOn: current.startOn,
          endOn: current.endOn,
        }
      : null,
    nextAnniversaryOn,
    nextDialogue: nextDialogue(contract, today, nextAnniversaryOn),
    warnings: warningsOf(contract),
  };
}
