/**
 * Cache policy and query hooks of the settings page: the application settings (the minimum of professions per RCP)
 * and the backups. The statutory rules are a part of the general assembly (`features/ag/queries.ts`).
 */
import { createWriteHook, defineCachePolicy, queryKey, useApiQuery } from '../../api';

export const settingsPolicy = defineCachePolicy({
  // The answer is the fresh settings; the warnings of the RCP and their yearly summary depend on them.
  'settings.save': { stale: ['meetings.get'], fresh: (data) => [{ key: queryKey('settings.get'), data }] },
  'backups.setKeep': { fresh: (data) => [{ key: queryKey('backups.list'), data }] },
  // The screen reads the list again itself once a backup is written or set aside; a restore empties the whole
  // cache (another database): nothing to declare here.
  'backups.saveNow': {},
  'backups.inspect': {},
  'backups.discard': {},
  'backups.restore': {},
  'backups.transfer': {},
});

/** Writes of the settings page: `useSettingsWrite('settings.save')`. */
export const useSettingsWrite = createWriteHook(settingsPolicy);

export const useSettings = () => useApiQuery('settings.get', []);
export const useBackups = () => useApiQuery('backups.list', []);
