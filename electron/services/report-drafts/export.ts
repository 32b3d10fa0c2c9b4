/**
 * What the exports of the rapport d’activité start from: the saved draft of the year (or its defaults), the logo and
 * the photos read from the documents folder, and every figure read by `activityReportData`.
 */
import type { Kysely } from 'kysely';
import { ACTIVITY_REPORT_TITLE, type ActivityReportData } from '@shared/reports/activity-report';
import type { DB } from '../../db/schema';
import { activityReportData } from '../activity-report';
import { getCptsProfile, logoDocumentId } from '../cpts';
import { assertYearStarted } from '../meeting-reports';
import { suggestedFileName } from '../reports';
import { getActivityDraft } from './activity';
import { loadReportImages } from './images';

export interface ActivityClock {
  now: Date;
  today: string;
}

/**
 * The report of the year as it will print. `documentsDir` null leaves the images out (the editor's figures and
 * charts need none, and the renderer would receive them for nothing).
 */
export async function activityReportInput(
  db: Kysely<DB>,
  documentsDir: string | null,
  year: number,
  clock: ActivityClock,
): Promise<ActivityReportData> {
  const draft = await getActivityDraft(db, year);
  const logoId = await logoDocumentId(db);
  const images = documentsDir
    ? await loadReportImages(db, documentsDir, [
        ...(logoId === null ? [] : [logoId]),
        ...draft.photos.map((photo) => photo.documentId),
      ])
    : () => null;
  return activityReportData(db, { year, draft, images }, clock);
}

/**
 * « Rapport d’activité 2025 - CPTS … - 2026-03-02.pdf » (or .docx), offered when saving; checked before the save
 * dialog opens: a year not yet begun is refused at once.
 */
export async function activityReportFileName(
  db: Kysely<DB>,
  year: number,
  format: 'pdf' | 'docx',
  today: string,
): Promise<string> {
  assertYearStarted(year, today);
  const cptsName = (await getCptsProfile(db, today)).identity.name || 'CPTS';
  const fileName = suggestedFileName(`${ACTIVITY_REPORT_TITLE} ${year}`, cptsName, today);
  return format === 'pdf' ? fileName : fileName.replace(/\.pdf$/, '.docx');
}
