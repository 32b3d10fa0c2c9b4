import { useState } from 'react';
import type { ContractDetail } from '@shared/contract';
import { formatDateLong, formatEurosFromCents } from '@shared/format';
import { DataTable } from '../../components/DataTable';
import { EditContractForm } from './ContractForm';

/** The contract at a glance: number, version, status, dates, totals and who signed it; « Modifier le contrat ». */
export function ContractHeader({ contract }: { contract: ContractDetail }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <EditContractForm contract={contract} onDone={() => setEditing(false)} />;
  return (
    <section className="card" aria-labelledby="contrat-titre">
      <div className="card-header">
        <h2 id="contrat-titre">
          {contract.number ? `Contrat n° ${contract.number}` : 'Contrat ACI'}{' '}
          <span className={`badge contract-status contract-status-${contract.status}`}>{contract.statusLabel}</span>
        </h2>
        <button type="button" className="button button-small button-secondary" onClick={() => setEditing(true)}>
          Modifier le contrat
        </button>
      </div>
      <dl className="facts">
        <div>
          <dt>Version de l’accord</dt>
          <dd>{contract.aciVersionLabel}</dd>
        </div>
        <div>
          <dt>Signé le</dt>
          <dd>{formatDateLong(contract.signedOn)}</dd>
        </div>
        <div>
          <dt>Durée</dt>
          <dd>
            {contract.durationYears} ans, du {formatDateLong(contract.anniversaryOn)} au{' '}
            {formatDateLong(contract.endOn)}
          </dd>
        </div>
        <div>
          <dt>Fonctionnement, toutes années</dt>
          <dd>{formatEurosFromCents(contract.totals.fonctionnementCents)}</dd>
        </div>
        <div>
          <dt>Parts fixes des missions</dt>
          <dd>{formatEurosFromCents(contract.totals.fixedCents)}</dd>
        </div>
        <div>
          <dt>Parts variables maximales</dt>
          <dd>{formatEurosFromCents(contract.totals.variableMaxCents)}</dd>
        </div>
        <div>
          <dt>Reçu à ce jour</dt>
          <dd>{formatEurosFromCents(contract.totals.receivedCents)}</dd>
        </div>
      </dl>
      <h3 id="signataires-titre" className="contract-subtitle">
        Signataires
      </h3>
      <DataTable
        rows={contract.signatories}
        rowKey={(row) => row.id}
        compact
        scroll
        aria-labelledby="signataires-titre"
        empty="Aucun signataire saisi."
        columns={[
          { header: 'Partie', rowHeader: true, cell: (row) => row.partyLabel },
          { header: 'Organisme', cell: (row) => row.organisation },
          { header: 'Signataire', cell: (row) => row.name ?? '—' },
          { header: 'Qualité', cell: (row) => row.role ?? '—' },
          { header: 'Signé le', cell: (row) => (row.signedOn ? formatDateLong(row.signedOn) : '—') },
        ]}
      />
      {contract.note && <p className="muted small">{contract.note}</p>}
    </section>
  );
}
