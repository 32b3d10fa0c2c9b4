import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { ContractListRow } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { Loading, Page, QueryError } from '../../components/Page';
import { ContractDocuments } from './ContractDocuments';
import { ContractForm } from './ContractForm';
import { ContractHeader } from './ContractHeader';
import { MissionsSection } from './MissionsSection';
import { useContract, useContracts } from './queries';
import { YearPanel } from './YearPanel';
import { YearsTimeline } from './YearsTimeline';
import './contract.css';

const INTRO =
  'Le contrat signé avec la CPAM et l’ARS : ses cinq années d’anniversaire à anniversaire, les missions et leurs échéances, les enveloppes, les versements et le dialogue de gestion.';

/** The active contract, else the one signed last. */
function shownContract(rows: readonly ContractListRow[]): ContractListRow | null {
  const active = rows.filter((row) => row.status === 'actif');
  const pool = active.length > 0 ? active : rows;
  return [...pool].sort((a, b) => b.signedOn.localeCompare(a.signedOn))[0] ?? null;
}

/**
 * « Contrat ACI »: the empty state and its form before any contract, then the contract itself (the active one, or
 * another chosen in the list once there are several), and the form of a renewal.
 */
export function ContractPage() {
  const contracts = useContracts();
  const [creating, setCreating] = useState(false);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const rows = contracts.data ?? [];
  const shown = rows.find((row) => row.id === chosenId) ?? shownContract(rows);

  return (
    <Page title="Contrat ACI" intro={INTRO} wide>
      {contracts.isPending ? (
        <Loading />
      ) : contracts.isError ? (
        <QueryError message={errorMessage(contracts.error)} onRetry={() => void contracts.refetch()} />
      ) : creating ? (
        <ContractForm
          onDone={(created) => {
            setCreating(false);
            if (created) setChosenId(created.id);
          }}
        />
      ) : shown ? (
        <>
          <div className="page-actions contract-page-actions">
            {rows.length > 1 && (
              <>
                <label htmlFor="contrat-affiche">Contrat affiché</label>
                <select
                  id="contrat-affiche"
                  value={shown.id}
                  onChange={(event) => setChosenId(Number(event.target.value))}
                >
                  {[...rows]
                    .sort((a, b) => b.signedOn.localeCompare(a.signedOn))
                    .map((row) => (
                      <option key={row.id} value={row.id}>
                        {contractOption(row)}
                      </option>
                    ))}
                </select>
              </>
            )}
            <Link
              className="button button-secondary"
              to={`/projet-de-sante/contrat/renouvellement?contrat=${shown.id}`}
            >
              Dossier de renouvellement
            </Link>
            <button
              type="button"
              className="button button-secondary page-actions-link"
              onClick={() => setCreating(true)}
            >
              Saisir le contrat suivant (renouvellement)
            </button>
          </div>
          <ContractView key={shown.id} id={shown.id} />
        </>
      ) : (
        <section className="card call-to-action contract-empty" aria-labelledby="contrat-vide-titre">
          <h2 id="contrat-vide-titre">Aucun contrat ACI enregistré</h2>
          <p>
            Saisissez le contrat signé avec la CPAM et l’ARS : son numéro, la version de l’accord, les dates de
            signature et d’anniversaire, et les signataires. Maillage en déduit les cinq années du contrat, les
            échéances des missions et les versements attendus ; vous saisirez ensuite les enveloppes de votre contrat.
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setCreating(true)}>
              Saisir le contrat ACI
            </button>
          </div>
        </section>
      )}
    </Page>
  );
}

/** « Contrat n° CPTS-38-2022-004, signé le 1er avril 2022 (Actif) » */
function contractOption(row: ContractListRow): string {
  const name = row.number ? `Contrat n° ${row.number}` : 'Contrat sans numéro';
  return `${name}, signé le ${formatDateLong(row.signedOn)} (${row.statusLabel})`;
}

function ContractView({ id }: { id: number }) {
  const query = useContract(id);
  const [chosenYearId, setChosenYearId] = useState<number | null>(null);
  if (query.isPending) return <Loading label="Chargement du contrat…" />;
  if (query.isError) return <QueryError message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;
  const contract = query.data;
  const year =
    contract.years.find((candidate) => candidate.id === chosenYearId) ??
    contract.years.find((candidate) => candidate.current) ??
    contract.years[0];
  return (
    <div className="stack contract-view">
      <ContractHeader contract={contract} />
      <YearsTimeline contract={contract} selectedId={year?.id ?? null} onSelect={setChosenYearId} />
      <MissionsSection contract={contract} />
      {year && <YearPanel key={year.id} contract={contract} year={year} />}
      <ContractDocuments contract={contract} />
    </div>
  );
}
