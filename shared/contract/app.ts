/** The application itself: version, where its files are. */
import { channel, noInput } from './common';

export interface AppInfo {
  version: string;
  databasePath: string;
  backupsDir: string;
  referenceData: string;
}

/** Channels of the application itself. */
export const appChannels = {
  'app.info': channel<AppInfo>()(noInput),
} as const;
