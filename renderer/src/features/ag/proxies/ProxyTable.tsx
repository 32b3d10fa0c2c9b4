/** The pouvoirs given for the assembly: who represents whom, whether it counts now, and their deletion. */
import type { AgProxyRow, AgState } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { useConfirmedDelete } from '../../../components/ConfirmDelete';
import { DataTable } from '../../../components/DataTable';
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
      <DataTable
        rows={state.proxies}
        rowKey={(proxy) => proxy.id}
        className="agl-proxy-table"
        scroll
        caption="Pouvoirs enregistrés, dans l’ordre de réception"
        rowProps={(proxy) => ({ className: proxy.counted ? undefined : 'agl-proxy-off' })}
        columns={[
          { header: 'Mandant', rowHeader: true, cell: (proxy) => proxy.mandantName },
          {
            header: 'donne pouvoir à',
            hiddenHeader: true,
            decorative: true,
            cellClassName: 'agl-proxy-arrow-cell',
            cell: () => '→',
          },
          { header: 'Mandataire', cell: (proxy) => proxy.mandataireName },
          {
            header: 'Reçu le',
            cell: (proxy) => (proxy.receivedOn ? formatDateLong(proxy.receivedOn) : <span className="muted">—</span>),
          },
          {
            header: 'Prise en compte',
            cell: (proxy) =>
              proxy.counted ? (
                <span className="badge badge-ok">Compte</span>
              ) : (
                <span className="badge badge-warn agl-badge-wrap">Ne compte pas : {proxy.reason}</span>
              ),
          },
        ]}
        actions={(proxy) =>
          !readOnly && (
            <button
              type="button"
              className="button button-small button-danger-outline"
              aria-label={`Supprimer le pouvoir de ${proxy.mandantName} à ${proxy.mandataireName}`}
              onClick={() => remove.ask(proxy)}
            >
              Supprimer
            </button>
          )
        }
      />
      {remove.dialog}
    </>
  );
}
