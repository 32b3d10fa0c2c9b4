/**
 * The payments of a contract year as the coordinator follows them: the schedule computed from the contract
 * (`expectedPayments`, never stored) merged with the payments she recorded, expected against received.
 */
import type { Selectable } from 'kysely';
import type { AciMissionCode, ExpectedPayment } from '@shared/domain/aci';
import { ACI_MISSION_CODES, ACI_MISSIONS } from '@shared/domain/aci';
import type { PaymentLine } from '@shared/contract';
import {
  PAYER_LABELS,
  PAYMENT_KIND_LABELS,
  PAYMENT_STATUS_LABELS,
  type PaymentStatus,
} from '@shared/domain/contract-labels';
import type { AciPaymentTable } from '../../db/schema';

export type PaymentRecord = Selectable<AciPaymentTable>;

const MISSION_ORDER: readonly AciMissionCode[] = ACI_MISSION_CODES;

export function missionShortLabel(code: AciMissionCode | null): string | null {
  if (code === null) return null;
  return ACI_MISSIONS.find((mission) => mission.code === code)?.shortLabel ?? code;
}

function statusOf(
  line: Pick<PaymentLine, 'expectedOn' | 'expectedCents' | 'receivedOn' | 'receivedCents'>,
  today: string,
) {
  let status: PaymentStatus;
  if (line.receivedOn !== null || line.receivedCents !== null) {
    status =
      line.expectedCents !== null && line.receivedCents !== null && line.receivedCents < line.expectedCents
        ? 'recu_partiel'
        : 'recu';
  } else status = line.expectedOn !== null && line.expectedOn < today ? 'en_retard' : 'a_venir';
  return { status, statusLabel: PAYMENT_STATUS_LABELS[status] };
}

function gapOf(expectedCents: number | null, receivedCents: number | null): number | null {
  return expectedCents !== null && receivedCents !== null ? receivedCents - expectedCents : null;
}

/**
 * One line per expected payment of the year, with what was received against it, plus the recorded payments the
 * schedule does not foresee. A recorded payment answers the expected one of the same kind and mission, at the same
 * expected date when it gives one, else the earliest still unanswered.
 */
export function paymentLines(
  expected: readonly ExpectedPayment[],
  recorded: readonly PaymentRecord[],
  today: string,
): PaymentLine[] {
  const open = [...expected];
  const lines: PaymentLine[] = [];
  const sameKind = (row: PaymentRecord) => (candidate: ExpectedPayment) =>
    candidate.kind === row.kind && candidate.missionCode === row.mission_code;
  const ordered = [...recorded].sort(
    (a, b) => (a.expected_on ?? a.received_on ?? '').localeCompare(b.expected_on ?? b.received_on ?? '') || a.id - b.id,
  );
  const matched = new Map<ExpectedPayment, PaymentRecord>();
  for (const row of ordered) {
    const candidates = open.filter(sameKind(row));
    const match = candidates.find((candidate) => candidate.expectedOn === row.expected_on) ?? candidates[0];
    if (match) {
      matched.set(match, row);
      open.splice(open.indexOf(match), 1);
    }
  }
  const used = new Set(matched.values());
  const fromRecord = (row: PaymentRecord, schedule: ExpectedPayment | null): PaymentLine => {
    const expectedOn = row.expected_on ?? schedule?.expectedOn ?? null;
    const expectedCents = row.expected_cents ?? schedule?.expectedCents ?? null;
    const base = { expectedOn, expectedCents, receivedOn: row.received_on, receivedCents: row.received_cents };
    return {
      key: `versement-${row.id}`,
      paymentId: row.id,
      kind: row.kind,
      kindLabel: PAYMENT_KIND_LABELS[row.kind],
      missionCode: row.mission_code,
      missionLabel: missionShortLabel(row.mission_code),
      payer: row.payer,
      payerLabel: PAYER_LABELS[row.payer],
      label: row.label ?? schedule?.label ?? PAYMENT_KIND_LABELS[row.kind],
      ...base,
      gapCents: gapOf(expectedCents, row.received_cents),
      ...statusOf(base, today),
      reference: row.reference,
      note: row.note,
    };
  };
  for (const item of expected) {
    const row = matched.get(item);
    if (row) {
      lines.push(fromRecord(row, item));
      continue;
    }
    const base = {
      expectedOn: item.expectedOn,
      expectedCents: item.expectedCents,
      receivedOn: null,
      receivedCents: null,
    };
    lines.push({
      key: `prevu-${item.kind}-${item.missionCode ?? 'cpts'}-${item.yearIndex}-${item.part}-${item.expectedOn}`,
      paymentId: null,
      kind: item.kind,
      kindLabel: PAYMENT_KIND_LABELS[item.kind],
      missionCode: item.missionCode,
      missionLabel: missionShortLabel(item.missionCode),
      payer: 'cpam',
      payerLabel: PAYER_LABELS.cpam,
      label: item.label,
      ...base,
      gapCents: null,
      ...statusOf(base, today),
      reference: null,
      note: null,
    });
  }
  for (const row of ordered) if (!used.has(row)) lines.push(fromRecord(row, null));
  const rank = (code: AciMissionCode | null) => (code === null ? -1 : MISSION_ORDER.indexOf(code));
  return lines.sort(
    (a, b) =>
      (a.expectedOn ?? a.receivedOn ?? '9999').localeCompare(b.expectedOn ?? b.receivedOn ?? '9999') ||
      rank(a.missionCode) - rank(b.missionCode),
  );
}

/** Expected, received, due by today and the gap (received − due) of a year's lines. */
export function paymentTotals(lines: readonly PaymentLine[], today: string) {
  let expectedCents = 0;
  let receivedCents = 0;
  let dueCents = 0;
  for (const line of lines) {
    expectedCents += line.expectedCents ?? 0;
    receivedCents += line.receivedCents ?? 0;
    if (line.expectedCents !== null && line.expectedOn !== null && line.expectedOn <= today)
      dueCents += line.expectedCents;
  }
  return { expectedCents, receivedCents, dueCents, gapCents: receivedCents - dueCents };
}
