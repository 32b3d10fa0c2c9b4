/**
 * « Registre des protocoles » PDF of a year: every protocol of the library with its state on the day of the export
 * and its uses in the year. Grouped by legal family, because the family decides what the CPTS owes: a cooperation
 * protocol has a team declared to the ARS and yearly indicators to send, a pluriprofessional protocol is evidence
 * for the ACI missions (the mission is a column). Archived protocols come last, in their own group. Built from
 * `protocols.list` and `protocolUses.stats` by electron/services/report-exports.ts, rendered by
 * electron/pdf/protocol-register.
 */
import { ACI_MISSIONS } from '@shared/domain/aci/reference';
import type { ProtocolListRow } from '@shared/contract/protocols';
import { PROTOCOL_FAMILIES, protocolVersionStatusLabel } from '@shared/domain/protocol-labels';
import { dateLong, shortDate } from '@shared/format';

export const PROTOCOL_REGISTER_TITLE = 'Registre des protocoles';

/** A row of `protocols.list`. */
export type RegisterProtocolSource = Pick<
  ProtocolListRow,
  | 'id'
  | 'code'
  | 'title'
  | 'family'
  | 'missionCode'
  | 'status'
  | 'versionNumber'
  | 'validatedOn'
  | 'nextReviewOn'
  | 'review'
  | 'teamSize'
  | 'archivedOn'
>;

export interface RegisterLine {
  id: number;
  code: string;
  title: string;
  mission: string;
  status: string;
  version: string;
  validatedOn: string;
  nextReview: string;
  /** The review date is past: printed « DÉPASSÉE », listed above the tables and counted in the key figures. */
  reviewOverdue: boolean;
  teamSize: number;
  uses: number;
}

export interface RegisterGroup {
  title: string;
  lines: RegisterLine[];
  uses: number;
}

export interface ProtocolRegisterData {
  generatedAt: string;
  cptsName: string;
  year: number;
  groups: RegisterGroup[];
  totals: { protocols: number; inForce: number; reviewsOverdue: number; reviewsSoon: number; uses: number };
  /** « PCO-01 Cystite (1er mars 2026) », or the code alone past OVERDUE_IN_FULL, for the warning above the tables. */
  overdue: string[];
}

/** Up to this many overdue protocols the warning names them in full. */
const OVERDUE_IN_FULL = 5;

function missionShortLabel(code: string | null): string {
  if (!code) return '—';
  return ACI_MISSIONS.find((mission) => mission.code === code)?.shortLabel ?? '—';
}

function lineOf(row: RegisterProtocolSource, uses: number): RegisterLine {
  const overdue = row.review === 'depassee' && row.archivedOn === null;
  const next = row.nextReviewOn ? shortDate(row.nextReviewOn) : '—';
  return {
    id: row.id,
    code: row.code ?? '—',
    title: row.title,
    mission: missionShortLabel(row.missionCode),
    status: row.archivedOn ? `Archivé le ${shortDate(row.archivedOn)}` : protocolVersionStatusLabel(row.status),
    version: row.versionNumber === null ? '—' : `v${row.versionNumber}`,
    validatedOn: row.validatedOn ? shortDate(row.validatedOn) : '—',
    nextReview: row.archivedOn
      ? '—'
      : overdue
        ? `DÉPASSÉE (${next})`
        : row.review === 'bientot'
          ? `${next} (proche)`
          : next,
    reviewOverdue: overdue,
    teamSize: row.teamSize,
    uses,
  };
}

const byCodeThenTitle = (a: RegisterProtocolSource, b: RegisterProtocolSource) =>
  (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff', 'fr', { numeric: true }) ||
  a.title.localeCompare(b.title, 'fr');

/** The register: one group per family in the order of PROTOCOL_FAMILIES, then the archived protocols. */
export function protocolRegisterData(source: {
  generatedAt: string;
  cptsName: string;
  year: number;
  protocols: readonly RegisterProtocolSource[];
  /** Uses in the year per protocol id (`protocolUses.stats`); a protocol absent from it has none. */
  usesByProtocol: ReadonlyMap<number, number>;
}): ProtocolRegisterData {
  const sorted = [...source.protocols].sort(byCodeThenTitle);
  const usesOf = (row: RegisterProtocolSource) => source.usesByProtocol.get(row.id) ?? 0;
  const group = (title: string, rows: RegisterProtocolSource[]): RegisterGroup[] =>
    rows.length === 0
      ? []
      : [
          {
            title,
            lines: rows.map((row) => lineOf(row, usesOf(row))),
            uses: rows.reduce((sum, row) => sum + usesOf(row), 0),
          },
        ];
  const live = sorted.filter((row) => row.archivedOn === null);
  const groups = [
    ...PROTOCOL_FAMILIES.flatMap((family) =>
      group(
        family.label,
        live.filter((row) => row.family === family.code),
      ),
    ),
    ...group(
      'Protocoles archivés',
      sorted.filter((row) => row.archivedOn !== null),
    ),
  ];
  const lines = groups.flatMap((entry) => entry.lines);
  const overdue = live.filter((row) => row.review === 'depassee');
  return {
    generatedAt: source.generatedAt,
    cptsName: source.cptsName,
    year: source.year,
    groups,
    totals: {
      protocols: live.length,
      inForce: live.filter((row) => row.status === 'en_vigueur').length,
      reviewsOverdue: lines.filter((line) => line.reviewOverdue).length,
      reviewsSoon: live.filter((row) => row.review === 'bientot').length,
      uses: groups.reduce((sum, entry) => sum + entry.uses, 0),
    },
    // Past a few, the codes alone: the table says the rest.
    overdue: overdue.map((row) =>
      overdue.length > OVERDUE_IN_FULL
        ? (row.code ?? row.title)
        : `${row.code ? `${row.code} ` : ''}${row.title}${row.nextReviewOn ? ` (${dateLong(row.nextReviewOn)})` : ''}`,
    ),
  };
}
