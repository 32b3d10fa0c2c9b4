/** The pouvoirs given for the assembly: who represents whom, whether it counts now, and their deletion. */
import { useState } from 'react';
import type { AgProxyRow, AgState } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../../api';
import { ConfirmDialog } from '../../../components/Dialog';
import { useToast } from '../../../components/Toasts';
import { useAgMutation } from '../queries';

export function ProxyTable({ state, readOnly }: { state: AgState; readOnly: boolean }) {
  const mutation = useAgMutation('ag.deleteProxy');
  const { notify } = useToast();
  const [target, setTarget] = useState<AgProxyRow | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    if (!target) return;
    setError(null);
    try {
      await mutation.mutateAsync({ meetingId: state.meetingId, proxyId: target.id });
      notify({ message: `Pouvoir de ${target.mandantName} à ${target.mandataireName} supprimé.` });
      setTarget(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <>
      <div className="table-scroll">
        <table className="table agl-proxy-table">
          <caption className="visually-hidden">Pouvoirs enregistrés, dans l’ordre de réception</caption>
          <thead>
            <tr>
              <th scope="col">Mandant</th>
              <th scope="col">
                <span className="visually-hidden">donne pouvoir à</span>
              </th>
              <th scope="col">Mandataire</th>
              <th scope="col">Reçu le</th>
              <th scope="col">Prise en compte</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.proxies.map((proxy) => (
              <tr key={proxy.id} className={proxy.counted ? undefined : 'agl-proxy-off'}>
                <th scope="row">{proxy.mandantName}</th>
                <td className="agl-proxy-arrow-cell" aria-hidden="true">
                  →
                </td>
                <td>{proxy.mandataireName}</td>
                <td>{proxy.receivedOn ? formatDateLong(proxy.receivedOn) : <span className="muted">—</span>}</td>
                <td>
                  {proxy.counted ? (
                    <span className="badge badge-ok">Compte</span>
                  ) : (
                    <span className="badge badge-warn agl-badge-wrap">Ne compte pas : {proxy.reason}</span>
                  )}
                </td>
                <td className="actions">
                  {!readOnly && (
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      aria-label={`Supprimer le pouvoir de ${proxy.mandantName} à ${proxy.mandataireName}`}
                      onClick={() => {
                        setError(null);
                        setTarget(proxy);
                      }}
                    >
                      Supprimer
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {target && (
        <ConfirmDialog
          title="Supprimer ce pouvoir ?"
          confirmLabel="Supprimer le pouvoir"
          danger
          busy={mutation.isPending}
          error={error}
          onCancel={() => setTarget(null)}
          onConfirm={() => void remove()}
        >
          <p>
            Le pouvoir donné par <strong>{target.mandantName}</strong> à <strong>{target.mandataireName}</strong> sera
            supprimé.
            {target.counted ? ' Ce membre ne sera plus représenté, et le quorum sera recalculé.' : ''}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
