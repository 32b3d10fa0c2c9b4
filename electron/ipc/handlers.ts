import type { Kysely } from 'kysely';
import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import type { DB } from '../db/schema';
import { arsRegions, loadCommuneReference, searchCommunes } from '../services/communes';
import { getCptsProfile, saveCptsIdentity, saveCptsLifecycle } from '../services/cpts';
import { writeFileAtomic } from '../services/files';
import { identitySheetData, suggestedFileName } from '../services/reports';
import { addCommunes, getTerritory, removeCommune } from '../services/territory';
import { toIsoDate } from '../../shared/format';
import type { ReportJob } from '../pdf/render';

/** Everything the handlers need from the outside world; the app and the test harness each provide one. */
export interface HandlerContext {
  db: Kysely<DB>;
  appVersion: string;
  databasePath: string;
  backupsDir: string;
  now: () => Date;
  /** Renders a report off the UI path (utilityProcess in the app, in-process in tests). */
  renderPdf: (job: ReportJob) => Promise<Uint8Array>;
  /** Asks where to save a file (save dialog in the app); null when the user cancels. */
  chooseSavePath: (suggestedName: string) => Promise<string | null>;
}

export type Handlers = { [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> };

/** Counts the pages of a PDF produced by react-pdf (page objects are never compressed there). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export function createHandlers(ctx: HandlerContext): Handlers {
  const today = () => toIsoDate(ctx.now());
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
      const now = ctx.now();
      const data = await identitySheetData(ctx.db, now, today());
      const path = await ctx.chooseSavePath(suggestedFileName('Fiche d’identité', data.cpts.name, today()));
      if (!path) return { saved: false };
      const pdf = await ctx.renderPdf({ kind: 'identity', data });
      await writeFileAtomic(path, pdf);
      return { saved: true, path, pages: countPdfPages(pdf), bytes: pdf.byteLength };
    },
  };
}
