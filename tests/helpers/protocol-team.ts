import type { ProtocolFamily, ProtocolVersionStatus } from '@shared/domain/protocol-labels';
import type { testBackend } from './handlers';

export type Backend = Awaited<ReturnType<typeof testBackend>>;

/** An RPPS number with its Luhn key: `rppsOf(1)` → « 10000000001x ». */
export function rppsOf(serial: number): string {
  const body = `1${String(serial).padStart(9, '0')}`;
  const sum = [...body].reverse().reduce((total, char, index) => {
    const digit = Number(char) * (index % 2 === 0 ? 2 : 1);
    return total + (digit > 9 ? digit - 9 : digit);
  }, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Every row of the tables of a protocol's life (and the audit log): a refusal must leave them as they were. */
export const PROTOCOL_TABLES = [
  'protocol_member',
  'protocol_declaration',
  'protocol_use',
  'protocol_yearly_report',
  'protocol_session',
  'protocol_document',
  'document',
  'audit_log',
] as const;
export async function protocolSnapshot(b: Backend) {
  const rows: Record<string, unknown[]> = {};
  for (const table of PROTOCOL_TABLES) rows[table] = await b.database.db.selectFrom(table).selectAll().execute();
  return rows;
}

interface VersionSpec {
  status: ProtocolVersionStatus;
  inForceOn?: string | null;
  endedOn?: string | null;
}

/**
 * A protocol written straight into the database (the library's own screens and services build it in the app): its
 * versions numbered from 1 in the given order.
 */
export async function insertProtocol(
  b: Backend,
  title: string,
  family: ProtocolFamily,
  versions: VersionSpec[] = [{ status: 'en_vigueur', inForceOn: '2024-03-20' }],
  code: string | null = null,
): Promise<{ id: number; versionIds: number[] }> {
  const db = b.database.db;
  const { id } = await db
    .insertInto('protocol')
    .values({ title, family, code })
    .returning('id')
    .executeTakeFirstOrThrow();
  const versionIds: number[] = [];
  for (const [index, version] of versions.entries()) {
    const row = await db
      .insertInto('protocol_version')
      .values({
        protocol_id: id,
        number: index + 1,
        status: version.status,
        in_force_on: version.inForceOn ?? null,
        ended_on: version.endedOn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    versionIds.push(row.id);
  }
  return { id, versionIds };
}

/**
 * The CPTS of the tests (clock: 23 November 2026) with two médecins, two pharmaciens with their RPPS, a nurse
 * without one, and a médecin who left the CPTS on 1 June 2025.
 */
export async function seedTeamMembers(b: Backend) {
  const member = async (lastName: string, firstName: string, professionCode: string, rpps?: string) =>
    (
      await b.ok('members.create', {
        kind: 'person',
        lastName,
        firstName,
        professionCode,
        rpps,
        joinedOn: '2020-09-01',
      })
    ).id;
  const doctor = await member('Durand', 'Thomas', '10', rppsOf(1));
  const doctor2 = await member('Martin', 'Claire', '10', rppsOf(2));
  const pharmacist = await member('Petit', 'Lucie', '21', rppsOf(3));
  const pharmacist2 = await member('Moreau', 'Hugo', '21', rppsOf(4));
  const nurse = await member('Bernard', 'Éloïse', '60');
  const formerDoctor = await member('Roux', 'Paul', '10', rppsOf(5));
  await b.ok('members.depart', { id: formerDoctor, leftOn: '2025-06-01' });
  return { doctor, doctor2, pharmacist, pharmacist2, nurse, formerDoctor };
}
