/** Cache policy of the reports screen: exports only, nothing to refresh. */
import { createWriteHook, defineCachePolicy } from '../../api';

export const reportsPolicy = defineCachePolicy({
  'reports.exportIdentitySheet': {},
  'reports.exportMembersList': {},
  'reports.exportComposition': {},
  'reports.exportRcpYear': {},
  'reports.cancelPdf': {},
});

/** Exports of the reports screen: `useReportsWrite('reports.exportMembersList')`. */
export const useReportsWrite = createWriteHook(reportsPolicy);
