import { join, resolve } from 'node:path';

/**
 * Where the database lives: `--database=<file>` on the command line, else the MAILLAGE_DB environment
 * variable, else `maillage.sqlite` in the user-data folder.
 */
export function resolveDatabasePath(argv: string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const flag = argv.find((arg) => arg.startsWith('--database='));
  if (flag) return resolve(flag.slice('--database='.length));
  const index = argv.indexOf('--database');
  if (index >= 0 && argv[index + 1]) return resolve(argv[index + 1]!);
  if (env.MAILLAGE_DB) return resolve(env.MAILLAGE_DB);
  return join(userDataDir, 'maillage.sqlite');
}
