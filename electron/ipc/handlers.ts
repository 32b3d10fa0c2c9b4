import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { format } from 'date-fns';
import type { Kysely } from 'kysely';
import type { Channel, ChannelOutput, ChannelParsedInput } from '@shared/contract';
import type { DB } from '../db/schema';
import { arsRegions, loadCommuneReference, searchCommunes } from '../services/communes';
import { getCptsProfile, saveCptsIdentity, saveCptsLifecycle } from '../services/cpts';
import { UserError } from '../services/errors';
import { writeFileAtomic } from '../services/files';
import { identitySheetData, suggestedFileName } from '../services/reports';
import { addCommunes, getTerritory, removeCommune } from '../services/territory';
import { toIsoDate } from '@shared/format';
import type { ReportJob } from '../pdf/render';
import { PdfCancelledError, type PdfStage, type RenderOptions } from '../pdf/supervisor';
import { filterMembers } from '@shared/domain/members';
import {
  addMandate,
  cotisationRates,
  createMember,
  deleteCollege,
  deleteCotisation,
  deleteMandate,
  departMember,
  eraseMember,
  getMember,
  listColleges,
  listMembers,
  memberStats,
  personalData,
  reinstateMember,
  saveCollege,
  setCotisation,
  setCotisationRate,
  updateMember,
} from '../services/members';
import { applyImport, importProgress, openImport, previewImport } from '../services/members-import';
import { exportMembers } from '../services/members-export';
import { compositionData, membersListData } from '../services/reports';
import {
  addDocument,
  addRcpMotif,
  assertDocumentsAllowed,
  createMeeting,
  deleteDecision,
  deleteDocument,
  deleteMeeting,
  deleteRcpCase,
  getMeeting,
  listDecisions,
  listMeetings,
  rcpMotifs,
  saveAgenda,
  saveDecision,
  saveParticipants,
  saveRcpCase,
  updateMeeting,
} from '../services/meetings';
import { meetingsToIcs } from '../services/calendar';
import { assertYearStarted, meetingMinutesData, rcpYearData } from '../services/meeting-reports';
import {
  clearVote,
  createSecondConvocation,
  deleteProxy,
  deleteResolution,
  deleteRulesVersion,
  formalityRows,
  getAgState,
  markConvocationSent,
  recordVote,
  reopenPv,
  rulesOverview,
  saveFormality,
  saveProxy,
  saveResolution,
  saveRulesVersion,
  setOfficers,
  setPresence,
} from '../services/ag';
import { approvePv } from '../services/ag/approval';
import {
  agFileName,
  attendanceSheetData,
  convocationData,
  convocationMails,
  pvData,
  safeFileName,
} from '../services/ag/reports';
import { getBackupKeep, getRcpMinProfessions, setBackupKeep, setRcpMinProfessions } from '../services/settings';
import { listBackups, rotateBackups, takeBackup } from '../db/backups';
import { discardStaged, stageDatabaseFile, type LiveDatabase, type StagedRestore } from '../db/restore';
import { stageTransferFile, transferKind, writeTransferFile } from '../db/transfer';

/** Everything the handlers need from the outside world; the app and the test harness each provide one. */
export interface HandlerContext {
  db: Kysely<DB>;
  appVersion: string;
  databasePath: string;
  backupsDir: string;
  /** Where documents attached to meetings are copied (beside the database file). */
  documentsDir: string;
  now: () => Date;
  /** Renders a report off the UI path (utilityProcess in the app, in-process in tests). */
  renderPdf: (job: ReportJob, options?: RenderOptions) => Promise<Uint8Array>;
  /** Asks where to save a file (save dialog in the app); null when the user cancels. */
  chooseSavePath: (suggestedName: string, kind?: SaveKind) => Promise<string | null>;
  /** Asks which file to open (open dialog in the app); null when the user cancels. */
  chooseOpenPath: (purpose: OpenPurpose) => Promise<string | null>;
  /** The open database, which a restore replaces (then `db` above is updated); without it, backups are refused. */
  live?: LiveDatabase;
}

/** What is being opened: a file to import or attach, or the folder where the convocation e-mails are written. */
export type OpenPurpose = 'import-members' | 'meeting-document' | 'mail-folder' | 'restore';

/** What is being saved, so the dialog offers the right file type. */
export type SaveKind = 'pdf' | 'csv' | 'xlsx' | 'json' | 'ics' | 'sqlite' | 'maillage';

export type Handlers = { [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> };

/** Counts the pages of a PDF produced by react-pdf (page objects are never compressed there). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export function createHandlers(ctx: HandlerContext): Handlers {
  const today = () => toIsoDate(ctx.now());
  /** Files chosen for a restore, staged and checked, waiting for the user's confirmation (one at a time). */
  const pendingRestores = new Map<string, { source: string; fileName: string; staged: StagedRestore | null }>();
  /** PDF exports under way, for the progress line and « Annuler ». */
  const pdfExports = new Set<{ stage: PdfStage | 'writing'; startedAt: number; controller: AbortController }>();
  return {
    'app.info': async () => ({
      version: ctx.appVersion,
      databasePath: ctx.databasePath,
      backupsDir: ctx.backupsDir,
      referenceData: loadCommuneReference().label,
    }),
    'cpts.get': async () => getCptsProfile(ctx.db, today()),
    'cpts.saveIdentity': async (input) => saveCptsIdentity(ctx.db, input, today()),
    'cpts.saveLifecycle': async (input) => saveCptsLifecycle(ctx.db, input, today()),
    'reference.arsRegions': async () => arsRegions(),
    'communes.search': async ({ query, limit }) => {
      const territory = new Set(
        (await ctx.db.selectFrom('territory_commune').select('code_insee').execute()).map((row) => row.code_insee),
      );
      const reference = loadCommuneReference();
      return searchCommunes(query, limit, reference).map((commune) => ({
        code: commune.code,
        nom: commune.nom,
        departementCode: commune.departementCode,
        departementNom: reference.departements.get(commune.departementCode)?.nom ?? commune.departementCode,
        codesPostaux: commune.codesPostaux,
        population: commune.population,
        kind: commune.kind,
        inTerritory: territory.has(commune.code),
      }));
    },
    'territory.get': async () => getTerritory(ctx.db),
    'territory.addCommunes': async ({ codes }) => addCommunes(ctx.db, codes),
    'territory.removeCommune': async ({ code }) => removeCommune(ctx.db, code),
    'reports.exportIdentitySheet': async () => {
      const data = await identitySheetData(ctx.db, ctx.now(), today());
      return savePdf(suggestedFileName('Fiche d’identité', data.cpts.name, today()), { kind: 'identity', data });
    },
    'reports.pdfStatus': async () => {
      const [oldest] = pdfExports;
      if (!oldest) return { running: false };
      return { running: true, stage: oldest.stage, seconds: Math.floor((Date.now() - oldest.startedAt) / 1000) };
    },
    'reports.cancelPdf': async () => {
      // A file already being written is kept whole: only preparations are stopped.
      const stoppable = [...pdfExports].filter((running) => running.stage !== 'writing');
      for (const running of stoppable) running.controller.abort();
      return { cancelled: stoppable.length > 0 };
    },

    'colleges.list': async () => listColleges(ctx.db, today()),
    'colleges.save': async (college) => saveCollege(ctx.db, college, today()),
    'colleges.delete': async ({ id }) => deleteCollege(ctx.db, id, today()),
    'cotisationRates.list': async () => cotisationRates(ctx.db),
    'cotisationRates.save': async (rate) => setCotisationRate(ctx.db, rate),

    'members.list': async () => listMembers(ctx.db, today()),
    'members.get': async ({ id }) => getMember(ctx.db, id, today()),
    'members.create': async (data) => createMember(ctx.db, data, today()),
    'members.update': async ({ id, data }) => updateMember(ctx.db, id, data, today()),
    'members.depart': async ({ id, leftOn, leftReason }) => departMember(ctx.db, id, leftOn!, leftReason, today()),
    'members.reinstate': async ({ id }) => reinstateMember(ctx.db, id, today()),
    'members.erase': async ({ id }) => eraseMember(ctx.db, id, today()),
    'members.exportPersonalData': async ({ id }) => {
      const data = await personalData(ctx.db, id, today());
      const name = (await getMember(ctx.db, id, today())).displayName;
      const path = await ctx.chooseSavePath(
        `Données personnelles - ${name.replace(/[\\/:*?"<>|]/g, '-')} - ${today()}.json`,
        'json',
      );
      if (!path) return { saved: false };
      const bytes = new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`);
      await writeFileAtomic(path, bytes);
      return { saved: true, path, pages: 0, bytes: bytes.byteLength };
    },
    'members.setCotisation': async (cotisation) => setCotisation(ctx.db, cotisation, today()),
    'members.deleteCotisation': async ({ memberId, year }) => deleteCotisation(ctx.db, memberId, year, today()),
    'members.addMandate': async (mandate) => addMandate(ctx.db, mandate, today()),
    'members.deleteMandate': async ({ memberId, mandateId }) => deleteMandate(ctx.db, memberId, mandateId, today()),
    'members.stats': async ({ year }) => memberStats(ctx.db, year, today()),
    'members.exportList': async ({ filters, format }) => {
      const rows = filterMembers(await listMembers(ctx.db, today()), filters);
      const path = await ctx.chooseSavePath(`Adhérents - ${today()}.${format}`, format);
      if (!path) return { saved: false };
      const bytes = await exportMembers(rows, format, path, filters.cotisationYear ?? Number(today().slice(0, 4)));
      return { saved: true, path, pages: 0, bytes };
    },
    'members.importOpen': async () => {
      const path = await ctx.chooseOpenPath('import-members');
      if (!path) return { cancelled: true as const };
      return openImport(path);
    },
    'members.importPreview': async ({ token, mapping, options }) =>
      previewImport(ctx.db, token, mapping, { ...options, now: ctx.now() }),
    'members.importApply': async ({ token, mapping, options }) =>
      applyImport(ctx.db, token, mapping, { ...options, now: ctx.now() }),
    'members.importProgress': async () => importProgress(),

    'reports.exportMembersList': async (options) => {
      const data = await membersListData(ctx.db, options, ctx.now(), today());
      const title = options.audience === 'bureau' ? 'Liste des adhérents' : 'Annuaire des adhérents';
      return savePdf(suggestedFileName(title, data.cptsName, today()), { kind: 'membersList', data });
    },
    'reports.exportComposition': async ({ year }) => {
      const data = await compositionData(ctx.db, year, ctx.now(), today());
      return savePdf(suggestedFileName(`Composition ${year}`, data.cptsName, today()), { kind: 'composition', data });
    },

    'meetings.list': async ({ from, to }) => listMeetings(ctx.db, from ?? null, to ?? null, today()),
    'meetings.get': async ({ id }) => getMeeting(ctx.db, id, today()),
    'meetings.create': async (data) => createMeeting(ctx.db, data, today()),
    'meetings.update': async ({ id, data }) => updateMeeting(ctx.db, id, data, today()),
    'meetings.delete': async ({ id }) => deleteMeeting(ctx.db, id, ctx.documentsDir),
    'meetings.saveAgenda': async ({ meetingId, items }) => saveAgenda(ctx.db, meetingId, items, today()),
    'meetings.saveParticipants': async ({ meetingId, participants }) =>
      saveParticipants(ctx.db, meetingId, participants, today()),
    'meetings.addDocument': async ({ meetingId }) => {
      await assertDocumentsAllowed(ctx.db, meetingId);
      const path = await ctx.chooseOpenPath('meeting-document');
      if (!path) return { cancelled: true as const };
      return addDocument(ctx.db, meetingId, path, ctx.documentsDir, today());
    },
    'meetings.deleteDocument': async ({ meetingId, documentId }) =>
      deleteDocument(ctx.db, meetingId, documentId, ctx.documentsDir, today()),
    'meetings.exportIcs': async (input) => {
      const cptsName = (await getCptsProfile(ctx.db, today())).identity.name || 'CPTS';
      let rows;
      let name;
      if ('meetingId' in input) {
        const detail = await getMeeting(ctx.db, input.meetingId, today());
        rows = (await listMeetings(ctx.db, detail.data.date, detail.data.date, today()))
          .filter((row) => row.id === input.meetingId)
          .map((row) => ({ ...row, visioUrl: detail.data.visioUrl }));
        name = `Réunion - ${detail.data.title.replace(/[\\/:*?"<>|]/g, '-')} - ${detail.data.date}.ics`;
      } else {
        if (input.to < input.from) throw new UserError('invalid_input', 'La fin de la période précède son début.');
        rows = await listMeetings(ctx.db, input.from, input.to, today());
        name = `Réunions du ${input.from} au ${input.to}.ics`;
      }
      const text = meetingsToIcs(rows, cptsName);
      const path = await ctx.chooseSavePath(name, 'ics');
      if (!path) return { saved: false };
      const bytes = new TextEncoder().encode(text);
      await writeFileAtomic(path, bytes);
      return { saved: true, path, pages: 0, bytes: bytes.byteLength };
    },
    'decisions.save': async (decision) => saveDecision(ctx.db, decision, today()),
    'decisions.delete': async ({ id }) => deleteDecision(ctx.db, id, today()),
    'decisions.list': async ({ status }) => listDecisions(ctx.db, status, today()),
    'rcp.motifs': async () => rcpMotifs(ctx.db),
    'rcp.addMotif': async ({ label }) => addRcpMotif(ctx.db, label),
    'rcp.saveCase': async (rcpCase) => saveRcpCase(ctx.db, rcpCase, today()),
    'rcp.deleteCase': async ({ id }) => deleteRcpCase(ctx.db, id, today()),
    'reports.exportMeetingMinutes': async ({ meetingId }) => {
      const data = await meetingMinutesData(ctx.db, meetingId, ctx.now(), today());
      const title = data.rcp ? 'Compte rendu de RCP' : 'Compte rendu';
      return savePdf(`${title} - ${data.meeting.title.replace(/[\\/:*?"<>|]/g, '-')} - ${data.meeting.date}.pdf`, {
        kind: 'meetingMinutes',
        data,
      });
    },
    'reports.exportRcpYear': async ({ year }) => {
      assertYearStarted(year, today());
      const data = await rcpYearData(ctx.db, year, ctx.now(), today());
      return savePdf(suggestedFileName(`Bilan des RCP ${year}`, data.cptsName, today()), { kind: 'rcpYear', data });
    },
    'settings.get': async () => ({ rcpMinProfessions: await getRcpMinProfessions(ctx.db) }),
    'settings.save': async ({ rcpMinProfessions }) => ({
      rcpMinProfessions: await setRcpMinProfessions(ctx.db, rcpMinProfessions),
    }),
    // ---------- Sauvegardes ----------
    'backups.list': async () => backupsOverview(),
    'backups.saveNow': async () => {
      const live = requireLive();
      const path = await ctx.chooseSavePath(`${await backupBaseName()}.sqlite`, 'sqlite');
      if (!path) return { saved: false };
      const entry = await takeBackup(live.current.sqlite, ctx.backupsDir, 'manuelle', ctx.now());
      rotateBackups(ctx.backupsDir, await getBackupKeep(ctx.db));
      if (entry.check.status !== 'ok') {
        throw new UserError(
          'io',
          'La copie de la base de données est endommagée : elle n’a pas été enregistrée. Réessayez ; si cela se reproduit, la base doit être vérifiée.',
        );
      }
      const part = `${path}.${process.pid}.part`;
      try {
        await copyFile(entry.path, part);
        await rename(part, path);
      } catch (error) {
        await unlink(part).catch(() => undefined);
        throw new UserError(
          'io',
          `Impossible d’enregistrer la sauvegarde dans « ${path} » (${(error as NodeJS.ErrnoException).code ?? 'erreur'}). Choisissez un autre emplacement.`,
        );
      }
      return { saved: true, path, pages: 0, bytes: entry.size };
    },
    'backups.setKeep': async ({ keep }) => {
      await setBackupKeep(ctx.db, keep);
      rotateBackups(ctx.backupsDir, keep);
      return backupsOverview();
    },
    'backups.inspect': async (input) => {
      if ('token' in input) {
        const pending = pendingRestores.get(input.token);
        if (!pending || pending.staged)
          throw new UserError('not_found', 'Ce fichier n’est plus en attente : choisissez-le de nouveau.');
        const { staged, preview } = await stageTransferFile(pending.source, input.passphrase, stagingDir(input.token));
        pending.staged = staged;
        return { token: input.token, fileName: pending.fileName, origin: 'transfert' as const, preview };
      }
      await discardPending();
      const token = randomUUID();
      if (input.source === 'sauvegarde') {
        const entry = listBackups(ctx.backupsDir).find((row) => row.fileName === input.fileName);
        if (!entry) throw new UserError('not_found', 'Cette sauvegarde n’existe plus dans le dossier des sauvegardes.');
        const { staged, preview } = await stageDatabaseFile(entry.path, stagingDir(token));
        pendingRestores.set(token, { source: entry.path, fileName: entry.fileName, staged });
        return { token, fileName: entry.fileName, origin: 'sauvegarde' as const, preview };
      }
      const path = await ctx.chooseOpenPath('restore');
      if (!path) return { cancelled: true as const };
      if (resolve(path) === resolve(ctx.databasePath)) {
        throw new UserError(
          'invalid_input',
          'Ce fichier est la base de données ouverte en ce moment : choisissez une sauvegarde ou un fichier de transfert.',
        );
      }
      const fileName = basename(path);
      const transfer = await transferKind(path);
      if (transfer?.encrypted) {
        pendingRestores.set(token, { source: path, fileName, staged: null });
        return { needsPassphrase: true as const, token, fileName };
      }
      const { staged, preview } = transfer
        ? await stageTransferFile(path, null, stagingDir(token))
        : await stageDatabaseFile(path, stagingDir(token));
      pendingRestores.set(token, { source: path, fileName, staged });
      return { token, fileName, origin: transfer ? ('transfert' as const) : ('fichier' as const), preview };
    },
    'backups.restore': async ({ token }) => {
      const live = requireLive();
      const pending = pendingRestores.get(token);
      if (!pending?.staged)
        throw new UserError(
          'not_found',
          'Cette restauration n’est plus en attente : choisissez de nouveau la sauvegarde.',
        );
      pendingRestores.delete(token);
      try {
        const { safetyCopy } = await live.restore(pending.staged, { documentsDir: ctx.documentsDir, now: ctx.now() });
        return { restored: true as const, safetyCopy: safetyCopy.fileName };
      } finally {
        // Restored or put back, the database was reopened: every handler reads the new connection.
        ctx.db = live.db;
        await discardStaged(pending.staged);
      }
    },
    'backups.discard': async ({ token }) => {
      const pending = pendingRestores.get(token);
      pendingRestores.delete(token);
      if (pending?.staged) await discardStaged(pending.staged);
      return { discarded: true as const };
    },
    'backups.transfer': async ({ passphrase }) => {
      const live = requireLive();
      const path = await ctx.chooseSavePath(`${await backupBaseName()}.maillage`, 'maillage');
      if (!path) return { saved: false };
      const { bytes } = await writeTransferFile({
        sqlite: live.current.sqlite,
        documentsDir: ctx.documentsDir,
        target: path,
        workDir: dirname(ctx.databasePath),
        passphrase,
      });
      return { saved: true, path, pages: 0, bytes };
    },
    'rules.list': async () => rulesOverview(ctx.db),
    'rules.save': async (input) => saveRulesVersion(ctx.db, input),
    'rules.delete': async ({ id }) => deleteRulesVersion(ctx.db, id),
    'ag.get': async ({ meetingId }) => getAgState(ctx.db, meetingId, today()),
    'ag.markConvocationSent': async (input) => markConvocationSent(ctx.db, input, today()),
    'ag.setPresence': async (input) => setPresence(ctx.db, input, ctx.now(), today()),
    'ag.saveProxy': async (input) => saveProxy(ctx.db, input, today()),
    'ag.deleteProxy': async ({ meetingId, proxyId }) => deleteProxy(ctx.db, meetingId, proxyId, today()),
    'ag.saveResolution': async (input) => saveResolution(ctx.db, input, today()),
    'ag.deleteResolution': async ({ meetingId, id }) => deleteResolution(ctx.db, meetingId, id, today()),
    'ag.recordVote': async (input) => recordVote(ctx.db, input, ctx.now(), today()),
    'ag.clearVote': async ({ meetingId, resolutionId }) => clearVote(ctx.db, meetingId, resolutionId, today()),
    'ag.setOfficers': async (input) => setOfficers(ctx.db, input, today()),
    'ag.createSecondConvocation': async (input) => createSecondConvocation(ctx.db, input, today()),
    'ag.approvePv': async (input) => approvePv(ctx.db, input, today()),
    'ag.reopenPv': async ({ meetingId }) => reopenPv(ctx.db, meetingId, today()),
    'ag.exportConvocationMails': async ({ meetingId }) => {
      const state = await getAgState(ctx.db, meetingId, today());
      const folder = await ctx.chooseOpenPath('mail-folder');
      if (!folder) return { saved: false };
      // The letters go out today: the attached convocation is dated today unless a sending date is recorded.
      const data = await convocationData(ctx.db, meetingId, ctx.now(), today());
      if (!data.sentOn) data.sentOn = today();
      const pdf = await ctx.renderPdf({ kind: 'convocation', data });
      const cptsName = (await getCptsProfile(ctx.db, today())).identity.name || 'CPTS';
      const row = (await listMeetings(ctx.db, state.date, state.date, today())).filter(
        (meeting) => meeting.id === meetingId,
      );
      const ics = meetingsToIcs(
        row.map((meeting) => ({ ...meeting, visioUrl: data.meeting.visioUrl })),
        cptsName,
      );
      // A new folder each time: an earlier export never mixes with this one.
      const base = join(folder, `Convocations - ${safeFileName(state.title)} - ${state.date}`);
      let target = base;
      for (let n = 2; existsSync(target); n += 1) target = `${base} (${n})`;
      await mkdir(target, { recursive: true });
      const { count, bytes, withoutEmail, sender } = await convocationMails(
        ctx.db,
        meetingId,
        pdf,
        ics,
        ctx.now(),
        today(),
        (name, content) => writeFileAtomic(join(target, name), content),
      );
      if (withoutEmail.length) {
        const list = `Membres sans adresse électronique : leur remettre la convocation imprimée ou l’envoyer par courrier.\n\n${withoutEmail.join('\n')}\n`;
        await writeFileAtomic(join(target, 'À envoyer par courrier.txt'), new TextEncoder().encode(list));
      }
      await writeFileAtomic(join(target, agFileName('Convocation', state)), pdf);
      return { saved: true, folder: target, count, withoutEmail, bytes, sender };
    },
    'formalities.list': async ({ status }) => formalityRows(ctx.db, today(), { openOnly: status === 'ouvertes' }),
    'formalities.save': async (input) => saveFormality(ctx.db, input, today()),
    'reports.exportConvocation': async ({ meetingId }) => {
      const data = await convocationData(ctx.db, meetingId, ctx.now(), today());
      return savePdf(agFileName('Convocation', data.meeting), { kind: 'convocation', data });
    },
    'reports.exportAttendanceSheet': async ({ meetingId }) => {
      const data = await attendanceSheetData(ctx.db, meetingId, ctx.now(), today());
      return savePdf(agFileName('Feuille d’émargement', data.meeting), { kind: 'attendanceSheet', data });
    },
    'reports.exportPv': async ({ meetingId }) => {
      const data = await pvData(ctx.db, meetingId, ctx.now(), today());
      return savePdf(agFileName(data.draft ? 'Procès-verbal (brouillon)' : 'Procès-verbal', data.meeting), {
        kind: 'pv',
        data,
      });
    },
  };

  function requireLive(): LiveDatabase {
    if (!ctx.live) throw new UserError('internal', 'Les sauvegardes ne sont pas disponibles dans cette fenêtre.');
    return ctx.live;
  }

  async function backupsOverview() {
    const entries = listBackups(ctx.backupsDir).map((entry) => ({
      fileName: entry.fileName,
      kind: entry.kind,
      createdAt: entry.createdAt,
      size: entry.size,
      check: entry.check.status,
      checkDetail: entry.check.detail,
    }));
    return { dir: ctx.backupsDir, keep: await getBackupKeep(ctx.db), entries };
  }

  /** « Maillage CPTS Sud-Est Grenoblois 2026-12-03 14h05 » */
  async function backupBaseName(): Promise<string> {
    const name = (await getCptsProfile(ctx.db, today())).identity.name.trim();
    const label = name ? (/^maillage\b/i.test(name) ? name : `Maillage ${name}`) : 'Maillage';
    return `${label.replace(/[\\/:*?"<>|]/g, '-')} ${format(ctx.now(), "yyyy-MM-dd HH'h'mm")}`;
  }

  function stagingDir(token: string): string {
    return join(dirname(ctx.databasePath), `.restauration-${token}`);
  }

  /** Drops the restore waiting for confirmation, and any staging folder a closed window left behind. */
  async function discardPending(): Promise<void> {
    pendingRestores.clear();
    const folder = dirname(ctx.databasePath);
    const leftovers = existsSync(folder)
      ? (await readdir(folder)).filter((name) => name.startsWith('.restauration-'))
      : [];
    await Promise.all(leftovers.map((name) => rm(join(folder, name), { recursive: true, force: true })));
  }

  /** Asks where to save, renders off the UI path, writes the whole file or nothing. */
  async function savePdf(suggestedName: string, job: ReportJob) {
    const path = await ctx.chooseSavePath(suggestedName, 'pdf');
    if (!path) return { saved: false as const };
    const running = {
      stage: 'queued' as PdfStage | 'writing',
      startedAt: Date.now(),
      controller: new AbortController(),
    };
    pdfExports.add(running);
    try {
      const { signal } = running.controller;
      let pdf: Uint8Array;
      try {
        pdf = await ctx.renderPdf(job, { signal, onProgress: (stage) => (running.stage = stage) });
      } catch (error) {
        if (error instanceof PdfCancelledError) return { saved: false as const };
        throw error;
      }
      // Cancelled while an in-process render (tests) was finishing: nothing is written either.
      if (signal.aborted) return { saved: false as const };
      running.stage = 'writing';
      await writeFileAtomic(path, pdf);
      return { saved: true as const, path, pages: countPdfPages(pdf), bytes: pdf.byteLength };
    } finally {
      pdfExports.delete(running);
    }
  }
}
