/** The toasts every export shows: where the file went, « Export annulé » when the dialog was closed, the French error. */
import type { ExportResult } from '@shared/contract';
import { errorMessage } from '../api';
import type { ToastInput } from './Toasts';

export function exportToasts(notify: (toast: ToastInput) => number, words: { saved: string; failed: string }) {
  return {
    onSuccess: (result: ExportResult) => {
      if (result.saved) notify({ kind: 'success', message: `${words.saved} : ${result.path}` });
      else notify({ kind: 'info', message: 'Export annulé : aucun fichier n’a été enregistré.' });
    },
    onError: (error: unknown) => notify({ kind: 'error', message: `${words.failed} : ${errorMessage(error)}` }),
  };
}
