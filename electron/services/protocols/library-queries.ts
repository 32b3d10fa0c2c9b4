/**
 * The library of protocols as the screens read it: the filtered list (filters and search in SQL, on the version that
 * applies) and one protocol with its versions and documents.
 */
import { type ExpressionBuilder, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type {
  ProtocolDetail,
  ProtocolDocumentRow,
  ProtocolFilters,
  ProtocolListRow,
  ProtocolVersionSummary,
} from '@shared/contract/protocols';
import {
  isCooperation,
  protocolDocumentKindLabel,
  protocolFamilyLabel,
  protocolVersionStatusLabel,
  type ProtocolVersionStatus,
} from '@shared/domain/protocol-labels';
import {
  APPLYING_ORDER_SQL,
  exactGlob,
  reviewApplies,
  reviewSoonLimit,
  reviewStatus,
  searchWords,
  wordGlob,
} from '@shared/domain/protocols';
import type { DB } from '../../db/schema';
import type { ProtocolTable } from '../../db/schema-protocols';
import { UserError } from '../errors';

export type Db = Kysely<DB> | Transaction<DB>;

/** Id of the version that applies to the protocol of the outer query (same order as `applyingVersion`). */
const applyingVersionId = sql<
  number | null
>`(select pv.id from protocol_version pv where pv.protocol_id = protocol.id order by ${sql.raw(APPLYING_ORDER_SQL)}, pv.number desc limit 1)`;

const VALIDATED_STATUSES = ['valide', 'en_vigueur', 'suspendu'] as const;

function libraryQuery(db: Db, today: string) {
  return db
    .selectFrom('protocol')
    .leftJoin('protocol_version as av', (join) => join.on('av.id', '=', applyingVersionId))
    .selectAll('protocol')
    .select((eb) => [
      'av.id as version_id',
      'av.number as version_number',
      'av.status as version_status',
      'av.validated_on as version_validated_on',
      'av.in_force_on as version_in_force_on',
      'av.next_review_on as version_next_review_on',
      eb
        .exists(
          eb
            .selectFrom('protocol_version as draft')
            .select('draft.id')
            .whereRef('draft.protocol_id', '=', 'protocol.id')
            .where('draft.status', '=', 'brouillon'),
        )
        .as('has_draft'),
      eb
        .selectFrom('protocol_member')
        .select((inner) => inner.fn.count<number>('protocol_member.member_id').distinct().as('n'))
        .whereRef('protocol_member.protocol_id', '=', 'protocol.id')
        .where((inner) =>
          inner.or([inner('protocol_member.left_on', 'is', null), inner('protocol_member.left_on', '>', today)]),
        )
        .as('team_size'),
    ]);
}

type LibraryRow = Awaited<ReturnType<ReturnType<typeof libraryQuery>['execute']>>[number];

/** Professions of each version: those listed and those of its steps, by code. */
async function professionsOf(db: Db, versionIds: readonly number[]): Promise<Map<number, string[]>> {
  const byVersion = new Map<number, Set<string>>();
  if (!versionIds.length) return new Map();
  const rows = await db
    .selectFrom('protocol_profession')
    .select(['version_id', 'profession_code'])
    .where('version_id', 'in', versionIds)
    .union(
      db.selectFrom('protocol_step').select(['version_id', 'profession_code']).where('version_id', 'in', versionIds),
    )
    .execute();
  for (const row of rows) {
    const set = byVersion.get(row.version_id) ?? new Set<string>();
    set.add(row.profession_code);
    byVersion.set(row.version_id, set);
  }
  return new Map([...byVersion].map(([id, codes]) => [id, [...codes].sort()]));
}

function listRow(row: LibraryRow, professions: Map<number, string[]>, today: string): ProtocolListRow {
  const status: ProtocolVersionStatus = row.version_status ?? 'brouillon';
  const nextReviewOn = row.version_next_review_on ?? null;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    theme: row.theme,
    family: row.family,
    familyLabel: protocolFamilyLabel(row.family),
    missionCode: row.mission_code,
    status,
    statusLabel: protocolVersionStatusLabel(status),
    versionNumber: row.version_number ?? null,
    validatedOn: row.version_validated_on ?? null,
    inForceOn: row.version_in_force_on ?? null,
    nextReviewOn,
    review: reviewApplies(status) ? reviewStatus(nextReviewOn, today) : null,
    professionCodes: row.version_id ? (professions.get(row.version_id) ?? []) : [],
    teamSize: Number(row.team_size ?? 0),
    hasDraft: Boolean(row.has_draft),
    archivedOn: row.archived_on,
  };
}

/** The library, filtered in SQL; by title. */
export async function listProtocols(db: Db, filters: ProtocolFilters, today: string): Promise<ProtocolListRow[]> {
  const words = searchWords(filters.search);
  const rows = await libraryQuery(db, today)
    .$if(Boolean(filters.family), (qb) => qb.where('protocol.family', '=', filters.family!))
    .$if(Boolean(filters.status), (qb) =>
      qb.where((eb) => eb(eb.fn.coalesce('av.status', sql.lit('brouillon')), '=', filters.status!)),
    )
    .$if(Boolean(filters.theme), (qb) => qb.where(sql<boolean>`protocol.theme glob ${exactGlob(filters.theme!)}`))
    .$if(Boolean(filters.professionCode), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('protocol_profession')
              .select('protocol_profession.id')
              .whereRef('protocol_profession.version_id', '=', 'av.id')
              .where('protocol_profession.profession_code', '=', filters.professionCode!),
          ),
          eb.exists(
            eb
              .selectFrom('protocol_step')
              .select('protocol_step.id')
              .whereRef('protocol_step.version_id', '=', 'av.id')
              .where('protocol_step.profession_code', '=', filters.professionCode!),
          ),
        ]),
      ),
    )
    .$if(Boolean(filters.reviewDue), (qb) =>
      qb
        .where('av.status', 'in', VALIDATED_STATUSES)
        .where('av.next_review_on', 'is not', null)
        .where('av.next_review_on', '<=', reviewSoonLimit(today)),
    )
    .$if(words.length > 0, (qb) => qb.where((eb) => eb.and(words.map((word) => matchesWord(eb, wordGlob(word))))))
    .orderBy(sql`lower(protocol.title)`)
    .orderBy('protocol.id')
    .execute();
  const professions = await professionsOf(
    db,
    rows.flatMap((row) => (row.version_id ? [row.version_id] : [])),
  );
  return rows.map((row) => listRow(row, professions, today));
}

/** The title, code or theme of the protocol, or the action of one of its steps (any version), holds the word. */
function matchesWord(eb: ExpressionBuilder<DB & { av: DB['protocol_version'] }, 'protocol' | 'av'>, glob: string) {
  return eb.or([
    sql<boolean>`protocol.title glob ${glob}`,
    sql<boolean>`coalesce(protocol.code, '') glob ${glob}`,
    sql<boolean>`coalesce(protocol.theme, '') glob ${glob}`,
    eb.exists(
      eb
        .selectFrom('protocol_step')
        .innerJoin('protocol_version as sv', 'sv.id', 'protocol_step.version_id')
        .select('protocol_step.id')
        .whereRef('sv.protocol_id', '=', 'protocol.id')
        .where(sql<boolean>`protocol_step.action glob ${glob}`),
    ),
  ]);
}

/** Protocols whose review is due within 60 days or past due: the dashboard’s reminders, the most urgent first. */
export async function reviewsDue(db: Db, today: string): Promise<ProtocolListRow[]> {
  const rows = await listProtocols(db, { reviewDue: true }, today);
  return rows.sort((a, b) => (a.nextReviewOn ?? '').localeCompare(b.nextReviewOn ?? '') || a.id - b.id);
}

export async function assertProtocol(db: Db, id: number): Promise<Selectable<ProtocolTable>> {
  const row = await db.selectFrom('protocol').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce protocole n’existe plus.');
  return row;
}

/** What a protocol lacks, in French. */
export function protocolWarnings(protocol: Selectable<ProtocolTable>): string[] {
  const warnings: string[] = [];
  if (protocol.family === 'coop_nationale' && !protocol.arrete_reference)
    warnings.push(
      'Protocole de coopération national : indiquez l’arrêté qui l’autorise (par exemple « arrêté du 9 mars 2023 ») ; il ne pourra pas entrer en vigueur sans lui.',
    );
  return warnings;
}

async function protocolDocuments(db: Db, protocolId: number): Promise<ProtocolDocumentRow[]> {
  const rows = await db
    .selectFrom('protocol_document')
    .innerJoin('document', 'document.id', 'protocol_document.document_id')
    .select([
      'protocol_document.id',
      'protocol_document.document_id',
      'protocol_document.kind',
      'protocol_document.version_id',
      'document.title',
      'document.file_name',
      'document.size',
      'document.added_at',
    ])
    .where('protocol_document.protocol_id', '=', protocolId)
    .where('protocol_document.session_id', 'is', null)
    .orderBy('document.added_at')
    .orderBy('protocol_document.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    documentId: row.document_id,
    title: row.title,
    fileName: row.file_name,
    size: row.size,
    addedAt: row.added_at,
    kind: row.kind,
    kindLabel: protocolDocumentKindLabel(row.kind),
    versionId: row.version_id,
  }));
}

/** One protocol with its versions (newest first) and its documents. */
export async function getProtocol(db: Db, id: number, today: string): Promise<ProtocolDetail> {
  const row = await libraryQuery(db, today).where('protocol.id', '=', id).executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce protocole n’existe plus.');
  const professions = await professionsOf(db, row.version_id ? [row.version_id] : []);
  const versions = await db
    .selectFrom('protocol_version')
    .select(['id', 'number', 'status', 'validated_on', 'in_force_on', 'ended_on', 'next_review_on', 'changelog'])
    .where('protocol_id', '=', id)
    .orderBy('number', 'desc')
    .execute();
  const fiche = row.fiche_id
    ? await db.selectFrom('fiche_action').select('title').where('id', '=', row.fiche_id).executeTakeFirst()
    : undefined;
  const summaries: ProtocolVersionSummary[] = versions.map((version) => ({
    id: version.id,
    number: version.number,
    status: version.status,
    statusLabel: protocolVersionStatusLabel(version.status),
    validatedOn: version.validated_on,
    inForceOn: version.in_force_on,
    endedOn: version.ended_on,
    nextReviewOn: version.next_review_on,
    changelog: version.changelog,
  }));
  return {
    ...listRow(row, professions, today),
    data: {
      code: row.code,
      title: row.title,
      theme: row.theme,
      family: row.family,
      missionCode: row.mission_code,
      ficheId: row.fiche_id,
      arreteReference: row.arrete_reference,
      arreteOn: row.arrete_on,
      reviewEveryMonths: row.review_every_months,
    },
    isCooperation: isCooperation(row.family),
    ficheId: row.fiche_id,
    ficheTitle: fiche?.title ?? null,
    arreteReference: row.arrete_reference,
    arreteOn: row.arrete_on,
    reviewEveryMonths: row.review_every_months,
    versions: summaries,
    currentVersionId: row.version_status && row.version_status !== 'brouillon' ? row.version_id : null,
    draftVersionId: versions.find((version) => version.status === 'brouillon')?.id ?? null,
    documents: await protocolDocuments(db, id),
    warnings: protocolWarnings(row),
  };
}
