/**
 * The process killed by the crash test (tests/helpers/crash.ts): it opens the database as the app does and writes
 * through the real handlers in a loop — member creations, imports, AG check-ins, resolutions and votes. Before each
 * write it prints `> kind`, and after the write returned (committed) `= kind id…`, synchronously on stdout: a line
 * `=` is a write the user was shown as done.
 *
 * node --import tsx tests/helpers/crash-writer.ts <database file> <run number> <work folder>
 */
import { writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../electron/db/database';
import { loadCommuneReference } from '../../electron/services/communes';
import { createHandlers } from '../../electron/ipc/handlers';
import { invokeChannel } from '../../electron/ipc/invoke';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/contract';

export const CRASH_AG_DATE = '2026-06-18';
const [file, run, workDir] = process.argv.slice(2) as [string, string, string];

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

const database = await openDatabase({ file });
const importPath = join(workDir, `import-${run}.csv`);
const handlers = createHandlers({
  db: database.db,
  appVersion: 'crash',
  databasePath: file,
  backupsDir: database.backupsDir,
  documentsDir: join(workDir, 'documents'),
  now: () => new Date(`${CRASH_AG_DATE}T19:00:00`),
  renderPdf: async () => {
    throw new Error('pas de PDF ici');
  },
  chooseSavePath: async () => null,
  chooseOpenPath: async () => importPath,
  openFile: async () => undefined,
});

async function ok<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await invokeChannel(handlers, channel, input);
  if (!result.ok) throw new Error(`${channel} : ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

const meeting = await database.db
  .selectFrom('meeting')
  .select('id')
  .where('type', '=', 'ago')
  .orderBy('id')
  .executeTakeFirstOrThrow();
const college = await database.db
  .selectFrom('college')
  .select('id')
  .where('voting_right', '=', 'deliberative')
  .orderBy('id')
  .executeTakeFirstOrThrow();
// Loaded once per launch by the app too; done before « pret » so that the kills land among the writes.
loadCommuneReference();
say('pret');

for (let step = 0; ; step += 1) {
  const tag = `${run}-${step}`;
  switch (step % 3) {
    case 0: {
      say('> membre');
      const member = await ok('members.create', {
        kind: 'person',
        lastName: `Crash ${tag}`,
        firstName: 'Camille',
        professionCode: '10',
        collegeId: college.id,
        email: null,
        joinedOn: '2025-01-15',
      } as ChannelInput<'members.create'>);
      say(`= membre ${member.id}`);
      say('> presence');
      await ok('ag.setPresence', { meetingId: meeting.id, memberId: member.id, present: true });
      say(`= presence ${member.id}`);
      break;
    }
    case 1: {
      say('> resolution');
      const state = await ok('ag.saveResolution', {
        meetingId: meeting.id,
        agendaItemId: null,
        title: `Résolution ${tag}`,
        text: `L’assemblée approuve le point ${tag}.`,
        kind: 'ordinaire',
      });
      const resolution = state.resolutions.at(-1)!;
      say(`= resolution ${resolution.id}`);
      const pour = (step % 5) + 3;
      const contre = step % 3;
      say('> vote');
      await ok('ag.recordVote', {
        meetingId: meeting.id,
        resolutionId: resolution.id,
        pour,
        contre,
        abstention: 0,
        blanc: 0,
      });
      say(`= vote ${resolution.id} ${pour} ${contre}`);
      break;
    }
    default: {
      const rows = Array.from(
        { length: 10 },
        (_, index) => `Import ${tag}-${index};Dominique;dominique.${tag}-${index}@exemple.fr`,
      );
      writeFileSync(importPath, ['Nom;Prénom;Courriel', ...rows].join('\n'));
      const opened = await ok('members.importOpen');
      if ('cancelled' in opened) throw new Error('import annulé');
      say('> import');
      const result = await ok('members.importApply', { token: opened.token, mapping: opened.mapping });
      say(`= import ${tag} ${result.created}`);
    }
  }
}
