import type { ChannelInput } from '@shared/contract';
import { errorMessage, useApiMutation } from '../api';
import { useToast } from './Toasts';

/**
 * « Ouvrir » on a file Maillage keeps (a document of the app, or a meeting's document): the computer opens it with
 * its usual application; a missing file says so in French.
 */
export function OpenDocumentButton({ target, name }: { target: ChannelInput<'documents.open'>; name: string }) {
  const toast = useToast();
  const open = useApiMutation('documents.open', { policy: {} });
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      aria-label={`Ouvrir ${name}`}
      disabled={open.isPending}
      onClick={() =>
        open.mutate(target, {
          onError: (error) => toast.notify({ kind: 'error', message: errorMessage(error) }),
        })
      }
    >
      Ouvrir
    </button>
  );
}
