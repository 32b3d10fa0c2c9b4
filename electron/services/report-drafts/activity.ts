/**
 * The draft of the rapport d’activité of a calendar year (`report_draft` of kind 'rapport_activite' and its sections,
 * highlights and photos). Read with defaults before the first save (nothing written); the first write of any kind
 * creates it; every write bumps `updated_at`.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  ActivityDraft,
  ActivityDraftSaveData,
  ActivityHighlightSaveData,
  ActivityPhotoUpdateData,
  ActivitySectionSaveData,
  ApprovalMeetingChoice,
} from '@shared/contract';
import { meetingTypeLabel } from '@shared/domain/meetings';
import { ACTIVITY_SECTIONS, type ActivitySectionKey } from '@shared/domain/report-labels';
import { shortDate } from '@shared/format';
import type { DB } from '../../db/schema';
import { audit } from '../audit';
import { removeDocument } from '../documents';
import { UserError } from '../errors';
import { storeImage } from './images';

type Db = Kysely<DB> | Transaction<DB>;

const KIND = 'rapport_activite';

/** The meetings that can approve a rapport d’activité: an assemblée générale or a conseil d’administration. */
const APPROVAL_MEETING_TYPES = ['ago', 'age', 'constitutive', 'ca'];

const bool = (value: number) => value !== 0;
const nowIso = () => new Date().toISOString();

async function draftRow(db: Db, year: number) {
  return db.selectFrom('report_draft').selectAll().where('kind', '=', KIND).where('year', '=', year).executeTakeFirst();
}

/** The contract years overlapping the calendar year, « Année 3 (15/04/2025 – 14/04/2026) ». */
export async function contractYearChoices(db: Db, year: number): Promise<{ id: number; label: string }[]> {
  const rows = await db
    .selectFrom('aci_contract_year')
    .innerJoin('aci_contract', 'aci_contract.id', 'aci_contract_year.contract_id')
    .select([
      'aci_contract_year.id',
      'aci_contract_year.year_index',
      'aci_contract_year.start_on',
      'aci_contract_year.end_on',
      'aci_contract.id as contractId',
      'aci_contract.number',
      'aci_contract.signed_on',
    ])
    .where('aci_contract_year.start_on', '<=', `${year}-12-31`)
    .where('aci_contract_year.end_on', '>=', `${year}-01-01`)
    .orderBy('aci_contract_year.start_on')
    .orderBy('aci_contract_year.id')
    .execute();
  const severalContracts = new Set(rows.map((row) => row.contractId)).size > 1;
  return rows.map((row) => {
    const contract = row.number ? `contrat n° ${row.number}` : `contrat signé le ${shortDate(row.signed_on)}`;
    return {
      id: row.id,
      label: `Année ${row.year_index} (${shortDate(row.start_on)} – ${shortDate(row.end_on)})${severalContracts ? `, ${contract}` : ''}`,
    };
  });
}

/** AG and CA held (or planned) in the year or the six months after it, with their resolutions and decisions. */
export async function approvalMeetingChoices(db: Db, year: number): Promise<ApprovalMeetingChoice[]> {
  const meetings = await db
    .selectFrom('meeting')
    .select(['id', 'date', 'type', 'title'])
    .where('type', 'in', APPROVAL_MEETING_TYPES)
    .where('status', '!=', 'annulee')
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year + 1}-06-30`)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const ids = meetings.map((meeting) => meeting.id);
  const [resolutions, decisions] = ids.length
    ? await Promise.all([
        db
          .selectFrom('resolution')
          .select(['id', 'meeting_id', 'title'])
          .where('meeting_id', 'in', ids)
          .orderBy('position')
          .orderBy('id')
          .execute(),
        db
          .selectFrom('decision')
          .select(['id', 'meeting_id', 'text'])
          .where('meeting_id', 'in', ids)
          .orderBy('id')
          .execute(),
      ])
    : [[], []];
  return meetings.map((meeting) => ({
    id: meeting.id,
    date: meeting.date,
    typeLabel: meetingTypeLabel(meeting.type),
    title: meeting.title,
    resolutions: resolutions
      .filter((row) => row.meeting_id === meeting.id)
      .map((row) => ({ id: row.id, title: row.title })),
    decisions: decisions.filter((row) => row.meeting_id === meeting.id).map((row) => ({ id: row.id, text: row.text })),
  }));
}

/** The draft of the year as the editor shows it: the saved one, or the defaults (id null) when never saved. */
export async function getActivityDraft(db: Db, year: number): Promise<ActivityDraft> {
  const draft = await draftRow(db, year);
  const [sections, highlights, photos, contractYears, approvalMeetings] = await Promise.all([
    draft
      ? db.selectFrom('report_draft_section').selectAll().where('draft_id', '=', draft.id).execute()
      : Promise.resolve([]),
    draft
      ? db
          .selectFrom('report_draft_highlight')
          .selectAll()
          .where('draft_id', '=', draft.id)
          .orderBy('position')
          .orderBy('id')
          .execute()
      : Promise.resolve([]),
    draft
      ? db
          .selectFrom('report_draft_photo')
          .innerJoin('document', 'document.id', 'report_draft_photo.document_id')
          .select([
            'report_draft_photo.id',
            'report_draft_photo.document_id',
            'report_draft_photo.section_key',
            'report_draft_photo.caption',
            'document.file_name',
          ])
          .where('report_draft_photo.draft_id', '=', draft.id)
          .orderBy('report_draft_photo.position')
          .orderBy('report_draft_photo.id')
          .execute()
      : Promise.resolve([]),
    contractYearChoices(db, year),
    approvalMeetingChoices(db, year),
  ]);
  return {
    id: draft?.id ?? null,
    year,
    introduction: draft?.introduction ?? null,
    contractYearId: draft?.contract_year_id ?? null,
    approvalMeetingId: draft?.approval_meeting_id ?? null,
    approvalResolutionId: draft?.approval_resolution_id ?? null,
    approvalDecisionId: draft?.approval_decision_id ?? null,
    includeMembersList: draft ? bool(draft.include_members_list) : false,
    membersListAudience: draft?.members_list_audience ?? 'annuaire',
    includeAttendance: draft ? bool(draft.include_attendance) : true,
    includeTrackingAnnex: draft ? bool(draft.include_tracking_annex) : true,
    sections: ACTIVITY_SECTIONS.map((section) => {
      const saved = sections.find((row) => row.section_key === section.key);
      return {
        key: section.key,
        title: section.label,
        missionCode: 'missionCode' in section ? section.missionCode : null,
        included: saved ? bool(saved.included) : true,
        body: saved?.body ?? null,
        difficulties: saved?.difficulties ?? null,
        nextSteps: saved?.next_steps ?? null,
      };
    }),
    highlights: highlights.map((row) => ({
      id: row.id,
      title: row.title,
      body: row.body,
      happenedOn: row.happened_on,
    })),
    photos: photos.map((row) => ({
      id: row.id,
      documentId: row.document_id,
      fileName: row.file_name,
      sectionKey: row.section_key as ActivitySectionKey | null,
      caption: row.caption,
    })),
    choices: { contractYears, approvalMeetings },
    updatedAt: draft?.updated_at ?? null,
  };
}

/** The draft's id, created on the first write; `updated_at` bumped. */
async function touchDraft(trx: Transaction<DB>, year: number): Promise<number> {
  const existing = await draftRow(trx, year);
  if (existing) {
    await trx.updateTable('report_draft').set({ updated_at: nowIso() }).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const { id } = await trx
    .insertInto('report_draft')
    .values({ kind: KIND, year, updated_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, 'create', 'report_draft', String(id), `rapport d’activité ${year}`);
  return id;
}

/** The year of the draft a highlight or photo belongs to; a French error when it is gone. */
async function yearOf(db: Db, draftId: number | undefined, what: string): Promise<number> {
  const draft = draftId
    ? await db.selectFrom('report_draft').select('year').where('id', '=', draftId).executeTakeFirst()
    : undefined;
  if (!draft || draft.year === null) throw new UserError('not_found', `Ce ${what} n’existe plus.`);
  return draft.year;
}

/**
 * Checks the contract year and the approval against the year's choices: a contract year that does not overlap the
 * year, a meeting that is not an AG or CA of the period, a resolution or decision of another meeting are refused,
 * with the reason under the field.
 */
async function checkChoices(db: Db, data: ActivityDraftSaveData): Promise<void> {
  const fields: Record<string, string> = {};
  if (data.contractYearId !== null) {
    const years = await contractYearChoices(db, data.year);
    if (!years.some((year) => year.id === data.contractYearId)) {
      fields.contractYearId = `Choisissez une année de contrat qui couvre une partie de ${data.year}.`;
    }
  }
  const meeting =
    data.approvalMeetingId === null
      ? undefined
      : (await approvalMeetingChoices(db, data.year)).find((choice) => choice.id === data.approvalMeetingId);
  if (data.approvalMeetingId !== null && !meeting) {
    fields.approvalMeetingId = `Choisissez une assemblée générale ou un conseil d’administration tenu en ${data.year} ou dans les six mois qui suivent.`;
  }
  if (data.approvalResolutionId !== null) {
    if (data.approvalMeetingId === null) {
      fields.approvalResolutionId = 'Choisissez d’abord la réunion qui a approuvé le rapport.';
    } else if (meeting && !meeting.resolutions.some((row) => row.id === data.approvalResolutionId)) {
      fields.approvalResolutionId = 'Cette résolution n’a pas été soumise à la réunion choisie.';
    }
  }
  if (data.approvalDecisionId !== null) {
    if (data.approvalMeetingId === null) {
      fields.approvalDecisionId = 'Choisissez d’abord la réunion qui a approuvé le rapport.';
    } else if (meeting && !meeting.decisions.some((row) => row.id === data.approvalDecisionId)) {
      fields.approvalDecisionId = 'Cette décision n’a pas été prise à la réunion choisie.';
    }
  }
  if (Object.keys(fields).length > 0) {
    throw new UserError('invalid_input', 'Vérifiez les champs signalés : rien n’a été enregistré.', fields);
  }
}

/** Saves the draft's own fields (creates the draft on first save). */
export async function saveActivityDraft(db: Kysely<DB>, data: ActivityDraftSaveData): Promise<ActivityDraft> {
  await db.transaction().execute(async (trx) => {
    await checkChoices(trx, data);
    const id = await touchDraft(trx, data.year);
    await trx
      .updateTable('report_draft')
      .set({
        introduction: data.introduction,
        contract_year_id: data.contractYearId,
        approval_meeting_id: data.approvalMeetingId,
        approval_resolution_id: data.approvalResolutionId,
        approval_decision_id: data.approvalDecisionId,
        include_members_list: data.includeMembersList ? 1 : 0,
        members_list_audience: data.membersListAudience,
        include_attendance: data.includeAttendance ? 1 : 0,
        include_tracking_annex: data.includeTrackingAnnex ? 1 : 0,
      })
      .where('id', '=', id)
      .execute();
    await audit(trx, 'update', 'report_draft', String(id), null);
  });
  return getActivityDraft(db, data.year);
}

/** Whether a section is printed, and its texts (difficulties and next steps: mission sections only). */
export async function saveActivitySection(db: Kysely<DB>, data: ActivitySectionSaveData): Promise<ActivityDraft> {
  const isMission = ACTIVITY_SECTIONS.some((section) => section.key === data.key && 'missionCode' in section);
  if (!isMission && (data.difficulties !== null || data.nextSteps !== null)) {
    const message = 'Seules les parties consacrées à une mission ont des difficultés et des prochaines étapes.';
    throw new UserError('invalid_input', message, {
      ...(data.difficulties !== null ? { difficulties: message } : {}),
      ...(data.nextSteps !== null ? { nextSteps: message } : {}),
    });
  }
  await db.transaction().execute(async (trx) => {
    const draftId = await touchDraft(trx, data.year);
    const values = {
      included: data.included ? 1 : 0,
      body: data.body,
      difficulties: data.difficulties,
      next_steps: data.nextSteps,
    };
    await trx
      .insertInto('report_draft_section')
      .values({ draft_id: draftId, section_key: data.key, ...values })
      .onConflict((oc) => oc.columns(['draft_id', 'section_key']).doUpdateSet(values))
      .execute();
  });
  return getActivityDraft(db, data.year);
}

// ---------- Highlights ----------

export async function saveActivityHighlight(db: Kysely<DB>, data: ActivityHighlightSaveData): Promise<ActivityDraft> {
  await db.transaction().execute(async (trx) => {
    const values = { title: data.title, body: data.body, happened_on: data.happenedOn };
    if (data.id) {
      const existing = await trx
        .selectFrom('report_draft_highlight')
        .select('draft_id')
        .where('id', '=', data.id)
        .executeTakeFirst();
      if (!existing || (await yearOf(trx, existing.draft_id, 'fait marquant')) !== data.year) {
        throw new UserError('not_found', 'Ce fait marquant n’existe plus.');
      }
      await touchDraft(trx, data.year);
      await trx.updateTable('report_draft_highlight').set(values).where('id', '=', data.id).execute();
      return;
    }
    const draftId = await touchDraft(trx, data.year);
    const last = await trx
      .selectFrom('report_draft_highlight')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('draft_id', '=', draftId)
      .executeTakeFirst();
    await trx
      .insertInto('report_draft_highlight')
      .values({ draft_id: draftId, position: (last?.position ?? -1) + 1, ...values })
      .execute();
  });
  return getActivityDraft(db, data.year);
}

async function highlightDraft(db: Db, id: number) {
  const row = await db
    .selectFrom('report_draft_highlight')
    .select(['id', 'draft_id', 'position'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Ce fait marquant n’existe plus.');
  return { ...row, year: await yearOf(db, row.draft_id, 'fait marquant') };
}

export async function deleteActivityHighlight(db: Kysely<DB>, id: number): Promise<ActivityDraft> {
  const { year } = await highlightDraft(db, id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('report_draft_highlight').where('id', '=', id).execute();
    await touchDraft(trx, year);
  });
  return getActivityDraft(db, year);
}

/** Moves a highlight one place up or down (nothing happens at either end). */
export async function moveActivityHighlight(
  db: Kysely<DB>,
  id: number,
  direction: 'up' | 'down',
): Promise<ActivityDraft> {
  const { year, draft_id } = await highlightDraft(db, id);
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('report_draft_highlight')
      .select('id')
      .where('draft_id', '=', draft_id)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const order = rows.map((row) => row.id);
    const from = order.indexOf(id);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, rowId] of order.entries()) {
      await trx.updateTable('report_draft_highlight').set({ position }).where('id', '=', rowId).execute();
    }
    await touchDraft(trx, year);
  });
  return getActivityDraft(db, year);
}

// ---------- Photos ----------

/** Adds the image at `path` (PNG or JPEG, 10 Mo at most) to a section of the year's report. */
export async function addActivityPhoto(
  db: Kysely<DB>,
  documentsDir: string,
  year: number,
  sectionKey: ActivitySectionKey | null,
  path: string,
): Promise<ActivityDraft> {
  await storeImage(db, path, documentsDir, async (trx, documentId) => {
    const draftId = await touchDraft(trx, year);
    const last = await trx
      .selectFrom('report_draft_photo')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('draft_id', '=', draftId)
      .executeTakeFirst();
    await trx
      .insertInto('report_draft_photo')
      .values({
        draft_id: draftId,
        document_id: documentId,
        section_key: sectionKey,
        position: (last?.position ?? -1) + 1,
      })
      .execute();
  });
  return getActivityDraft(db, year);
}

async function photoDraft(db: Db, id: number) {
  const row = await db
    .selectFrom('report_draft_photo')
    .select(['id', 'draft_id', 'document_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new UserError('not_found', 'Cette photo n’existe plus.');
  const draft = await db.selectFrom('report_draft').select('year').where('id', '=', row.draft_id).executeTakeFirst();
  if (!draft || draft.year === null) throw new UserError('not_found', 'Cette photo n’existe plus.');
  return { ...row, year: draft.year };
}

export async function updateActivityPhoto(db: Kysely<DB>, data: ActivityPhotoUpdateData): Promise<ActivityDraft> {
  const { year } = await photoDraft(db, data.id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('report_draft_photo')
      .set({ caption: data.caption, section_key: data.sectionKey })
      .where('id', '=', data.id)
      .execute();
    await touchDraft(trx, year);
  });
  return getActivityDraft(db, year);
}

/** Removes a photo from the report, and its file. */
export async function deleteActivityPhoto(db: Kysely<DB>, documentsDir: string, id: number): Promise<ActivityDraft> {
  const { year, document_id } = await photoDraft(db, id);
  await db.transaction().execute(async (trx) => {
    await touchDraft(trx, year);
    await removeDocument(trx, document_id, documentsDir);
  });
  return getActivityDraft(db, year);
}
