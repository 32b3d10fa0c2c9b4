/**
 * The rapport d’activité PDF of a generated five-year taille-3 CPTS (bench/generate-history.ts), from the data the
 * application gathers: its contents point at the right pages and its figures are those of the database.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInteger } from '@shared/format';
import { ACTIVITY_SECTIONS } from '@shared/domain/report-labels';
import type { ActivityReportData } from '@shared/reports/activity-report';
import { generateCptsHistory } from '../../bench/generate-history';
import { activityReportData, type ActivityReportDraft } from '../../electron/services/activity-report';
import { tempDatabase } from '../helpers/db';
import { normalise, pdfWorkspace, type RenderedPdf } from '../helpers/pdf';

const YEAR = 2024;
const { render } = pdfWorkspace('maillage-pdf-activity-history-', 'MAILLAGE_PDF_PREVIEW', 'rapport-activite-');

const draft: ActivityReportDraft = {
  introduction: 'Le mot du président.',
  contractYearId: null,
  approvalMeetingId: null,
  includeMembersList: true,
  membersListAudience: 'annuaire',
  includeAttendance: true,
  includeTrackingAnnex: true,
  sections: ACTIVITY_SECTIONS.map((section) => ({
    key: section.key,
    title: section.label,
    missionCode: 'missionCode' in section ? section.missionCode : null,
    included: true,
    body: null,
    difficulties: null,
    nextSteps: null,
  })),
  highlights: [],
  photos: [],
};

let database: Awaited<ReturnType<typeof tempDatabase>>;
let data: ActivityReportData;
let pdf: RenderedPdf;

beforeAll(async () => {
  database = await tempDatabase();
  const history = await generateCptsHistory(database.db, { documentsDir: join(database.dir, 'documents') });
  const clock = { now: new Date(`${history.today}T12:00:00Z`), today: history.today };
  data = await activityReportData(database.db, { year: YEAR, draft, images: () => null }, clock);
  pdf = await render({ kind: 'activityReport', data }, `historique-${YEAR}`);
  console.info(`Rapport d’activité ${YEAR} de la CPTS générée : ${pdf.pageCount} pages en ${Math.round(pdf.ms)} ms`);
}, 600_000);

afterAll(async () => {
  await database?.dispose();
});

describe('Rapport d’activité (PDF) d’une CPTS générée', () => {
  it('names, in its contents, the page where each section starts', () => {
    const contents = pdf.pages.find((page) => page.includes('Sommaire')) ?? '';
    data.sections.forEach((section, index) => {
      const title = `${index + 1}. ${section.title}`;
      const line = contents.split('\n').find((text) => text.includes(title)) ?? '';
      const page = Number(/(\d+)\s*$/.exec(line)?.[1]);
      const text = normalise(
        execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf.file, '-'], {
          encoding: 'utf8',
        }),
      );
      expect(
        text.split('\n').some((row) => row.trim().startsWith(title)),
        title,
      ).toBe(true);
    });
  });

  it('prints as many communes as the territory has in the database, and its population', async () => {
    const communes = await database.db
      .selectFrom('territory_commune')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    const identity = data.sections.find((section) => section.key === 'identite');
    if (identity?.key !== 'identite') throw new Error('identité absente');
    expect(identity.territory.communes).toHaveLength(Number(communes.n));
    for (const commune of identity.territory.communes) expect(pdf.flat).toContain(commune.name);
    expect(pdf.flat).toContain(formatInteger(identity.territory.population).replace(/[\u00a0\u202f]/g, ' '));
  });

  it('prints every key figure of the synthèse', () => {
    const synthesis = data.sections.find((section) => section.key === 'synthese');
    if (synthesis?.key !== 'synthese') throw new Error('synthèse absente');
    expect(synthesis.keyFigures.length).toBeGreaterThan(3);
    for (const figure of synthesis.keyFigures) expect(pdf.flat).toContain(figure.label.toUpperCase());
  });
});
