import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../electron/db/database';
import { countPdfPages, createHandlers } from '../../electron/ipc/handlers';
import { invokeChannel } from '../../electron/ipc/invoke';
import { renderReport, type ReportJob } from '../../electron/pdf/render';
import { getAgState } from '../../electron/services/ag';
import { attendanceSheetData, pvData } from '../../electron/services/ag/reports';
import { rcpYearData } from '../../electron/services/meeting-reports';
import { generateCpts, seededRandom } from '../generate';
import { ms, stats, time, type BenchSection } from '../report';

const FONTS_DIR = fileURLToPath(new URL('../../resources/fonts', import.meta.url));
const AG_DATE = '2026-11-19';
const TODAY = '2026-11-19';

async function renderTimed(job: ReportJob) {
  await renderReport(job, { fontsDir: FONTS_DIR }); // warm-up
  const samples: number[] = [];
  let pages = 0;
  for (let run = 0; run < 3; run += 1) {
    const timed = await time(() => renderReport(job, { fontsDir: FONTS_DIR }));
    samples.push(timed.ms);
    pages = countPdfPages(timed.result);
  }
  return { median: stats(samples).median, pages };
}

/**
 * An AG of about 1 500 voting members with 400 pouvoirs in a generated CPTS, and a year of 120 RCP with 600 cases:
 * a check-in through the real handler (database write + whole assembly state recomputed), the feuille d'émargement,
 * the PV and the annual RCP report.
 */
export async function agBench(): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-ag-'));
  const database = await openDatabase({ file: join(dir, 'ag.sqlite') });
  try {
    const db = database.db;
    await generateCpts(db, { members: 2_780, years: 2, seed: 5 }); // about 1 500 voting members on the AG day
    const handlers = createHandlers({
      db,
      appVersion: 'bench',
      databasePath: database.file,
      backupsDir: database.backupsDir,
      documentsDir: join(dir, 'documents'),
      now: () => new Date(`${AG_DATE}T19:00:00`),
      renderPdf: (job) => renderReport(job, { fontsDir: FONTS_DIR }),
      chooseSavePath: async () => null,
      chooseOpenPath: async () => null,
      openFile: async () => undefined,
    });
    const call = async (channel: Parameters<typeof invokeChannel>[1], input: unknown) => {
      const result = await invokeChannel(handlers, channel, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    };

    const meeting = await db
      .insertInto('meeting')
      .values({
        type: 'ago',
        title: 'Assemblée générale 2026',
        date: AG_DATE,
        start_time: '18:30',
        end_time: '21:00',
        place: 'Salle des fêtes',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const meetingId = meeting.id;
    const items = [
      'Rapport moral',
      'Rapport d’activité',
      'Comptes 2025',
      'Budget 2026',
      'Élections au conseil d’administration',
      'Questions diverses',
    ];
    for (const [index, title] of items.entries()) {
      const item = await db
        .insertInto('agenda_item')
        .values({
          meeting_id: meetingId,
          position: index + 1,
          title,
          minutes:
            `Débats sur « ${title} » : interventions de plusieurs membres, questions de la salle et réponses du bureau. `.repeat(
              3,
            ),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (index < 5) {
        await db
          .insertInto('resolution')
          .values({
            meeting_id: meetingId,
            agenda_item_id: item.id,
            position: index + 1,
            title: `Approbation : ${title}`,
            text: `L’assemblée générale approuve le point « ${title} » tel que présenté.`,
            kind: 'ordinaire',
          })
          .execute();
      }
    }

    let state = await getAgState(db, meetingId, TODAY);
    const voters = state.voters;
    console.log(`    (${voters.length} votants, ${state.nonVoters.length} sans voix délibérative)`);
    // 700 present, 400 pouvoirs from absent voters to 200 present mandataires (2 each: the default cap).
    const presentIds = voters.slice(0, 700).map((voter) => voter.id);
    await db
      .insertInto('ag_presence')
      .values(
        presentIds.map((id) => ({
          meeting_id: meetingId,
          member_id: id,
          present: 1,
          arrived_at: `${AG_DATE}T18:20:00.000Z`,
          left_at: null,
        })),
      )
      .execute();
    for (let index = 0; index < 400; index += 1) {
      await db
        .insertInto('ag_proxy')
        .values({
          meeting_id: meetingId,
          mandant_member_id: voters[900 + index]!.id,
          mandataire_member_id: voters[index % 200]!.id,
          received_on: '2026-06-15',
        })
        .execute();
    }
    state = await getAgState(db, meetingId, TODAY);

    const random = seededRandom(3);
    const samples: number[] = [];
    for (let checkIn = 0; checkIn < 40; checkIn += 1) {
      const arriving = voters[700 + Math.floor(random() * 200)]!;
      samples.push(
        (await time(() => call('ag.setPresence', { meetingId, memberId: arriving.id, present: checkIn % 5 !== 4 }))).ms,
      );
    }
    const checkIn = stats(samples);
    state = await getAgState(db, meetingId, TODAY);
    for (const resolution of state.resolutions) {
      const power = state.quorum.presentOrRepresented.heads;
      await call('ag.recordVote', {
        meetingId,
        resolutionId: resolution.id,
        pour: Math.floor(power * 0.8),
        contre: Math.floor(power * 0.1),
        abstention: Math.floor(power * 0.05),
        blanc: 0,
      });
    }
    await db
      .updateTable('meeting')
      .set({
        president_member_id: voters[0]!.id,
        secretaire_member_id: voters[1]!.id,
        convocation_sent_on: '2026-05-29',
        convocation_mode: 'courriel',
      })
      .where('id', '=', meetingId)
      .execute();

    const sheetData = await attendanceSheetData(db, meetingId, new Date(), TODAY);
    const sheet = await renderTimed({ kind: 'attendanceSheet', data: sheetData });
    if (process.env.BENCH_KEEP_PDF)
      writeFileSync(
        join(process.env.BENCH_KEEP_PDF, 'emargement.pdf'),
        await renderReport({ kind: 'attendanceSheet', data: sheetData }, { fontsDir: FONTS_DIR }),
      );
    const pv = await renderTimed({ kind: 'pv', data: await pvData(db, meetingId, new Date(), TODAY) });

    // A year of RCP: 120 sessions of 3 to 4 professions, 5 cases each.
    const people = await db
      .selectFrom('member')
      .select(['id', 'profession_code'])
      .where('kind', '=', 'person')
      .limit(40)
      .execute();
    for (let session = 0; session < 120; session += 1) {
      const date = `2026-${String(1 + (session % 11)).padStart(2, '0')}-${String(1 + (session % 27)).padStart(2, '0')}`;
      const rcp = await db
        .insertInto('meeting')
        .values({
          type: 'rcp',
          title: `RCP ${session + 1}`,
          date,
          rcp_kind: session % 4 === 0 ? 'thematique' : 'clinique',
          theme: session % 4 === 0 ? 'Sortie d’hospitalisation' : null,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('meeting_participant')
        .values(
          [0, 1, 2, 3].map((offset) => ({
            meeting_id: rcp.id,
            member_id: people[(session + offset * 7) % people.length]!.id,
            profession_code: people[(session + offset * 7) % people.length]!.profession_code,
            attendance: 'present' as const,
          })),
        )
        .execute();
      await db
        .insertInto('rcp_case')
        .values(
          [0, 1, 2, 3, 4].map(
            (index) =>
              ({
                meeting_id: rcp.id,
                code: `RCP26-B${String(session * 5 + index).padStart(4, '0')}`,
                age_band: ['60-74', '75-84', '85+', '40-59', '18-39'][index]!,
                over_75: index === 1 || index === 2 ? 1 : 0,
                ald: index % 2,
                motif_code: ['chutes', 'polymedication', 'maintien_domicile', 'diabete', 'sante_mentale'][index]!,
                summary: 'Situation discutée en équipe pluriprofessionnelle.',
                patient_informed: 1,
                follow_up_on: `${date}`,
                follow_up_status: index % 3 === 0 ? 'fait' : 'a_faire',
              }) as never,
          ),
        )
        .execute();
    }
    const rcpData = await time(() => rcpYearData(db, 2026, new Date(), '2026-12-01'));
    const rcpYear = await renderTimed({ kind: 'rcpYear', data: rcpData.result });

    return {
      title: `Assemblée générale de ${state.voters.length.toLocaleString('fr-FR')} votants avec 400 pouvoirs ; année de 120 RCP et 600 cas`,
      notes: [
        'Pointage : appel réel du canal `ag.setPresence` (écriture en base, puis liste d’émargement, pouvoirs, quorum par collège et résolutions recalculés et renvoyés), 40 arrivées ou départs. Le calcul du quorum seul est mesuré plus bas (suite « quorum »).',
        'PDF : médiane de 3 rendus après un rendu de chauffe, dans le processus de mesure (en production : processus utilitaire).',
      ],
      rows: [
        { measure: 'Pointage d’une arrivée, état complet renvoyé — médiane', value: ms(checkIn.median) },
        { measure: 'Pointage d’une arrivée, état complet renvoyé — 95e centile', value: ms(checkIn.p95) },
        {
          measure: `Feuille d’émargement, ${sheetData.totals.voters.toLocaleString('fr-FR')} votants (${sheet.pages} pages)`,
          value: ms(sheet.median),
          target: '< 5 s',
          ok: sheet.median < 5000,
        },
        {
          measure: `Procès-verbal, ${state.quorum.present.heads} présents et ${state.quorum.represented.heads} représentés (${pv.pages} pages)`,
          value: ms(pv.median),
        },
        { measure: 'Bilan annuel des RCP : données (120 séances, 600 cas)', value: ms(rcpData.ms) },
        { measure: `Bilan annuel des RCP : PDF (${rcpYear.pages} pages)`, value: ms(rcpYear.median) },
      ],
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
