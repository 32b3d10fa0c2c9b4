import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_members';
import * as m0003 from './0003_erased_identities';
import * as m0004 from './0004_meetings';
import * as m0005 from './0005_general_assembly';
import * as m0006 from './0006_assembly_record';
import * as m0007 from './0007_health_project';
import * as m0008 from './0008_protocols';
import * as m0009 from './0009_reports';

/**
 * Every migration, imported statically so the bundled main process carries them.
 * Never edit an applied migration: add a new numbered file and list it here.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_members': m0002,
  '0003_erased_identities': m0003,
  '0004_meetings': m0004,
  '0005_general_assembly': m0005,
  '0006_assembly_record': m0006,
  '0007_health_project': m0007,
  '0008_protocols': m0008,
  '0009_reports': m0009,
};
