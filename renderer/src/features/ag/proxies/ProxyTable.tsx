/** The pouvoirs given for the assembly: who represents whom, whether it counts now, and their deletion. */
import type { AgProxyRow, AgState } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { useConfirmedDelete } from '../../../components/ConfirmDelete';
import { useAgMutation } from '../queries';

export function ProxyTable({ state, readOnly }: { state: AgState; readOnly: boolean }) {
  const remove = useConfirmedDelete(useAgMutation('ag.deleteProxy'), {
    title: () => 'Supprimer ce pouvoir ?',
    confirmLabel: 'Supprimer le pouvoir',
    input: (proxy: AgProxyRow) => ({ meetingId: state.meetingId, proxyId: proxy.id }),
    deletedMessage: (proxy) => `Pouvoir de ${proxy.mandantName} à ${proxy.mandataireName} supprimé.`,
    body: (proxy) => (
      <p>
        Le pouvoir donné par <strong>{proxy.mandantName}</strong> à <strong>{proxy.mandataireName}</strong> sera
        supprimé.
        {proxy.counted ? ' Ce membre ne sera plus représenté, et le quorum sera recalculé.' : ''}
      </p>
    ),
  });

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
                      onClick={() => remove.ask(proxy)}
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
      {remove.dialog}
    </>
  );
}
