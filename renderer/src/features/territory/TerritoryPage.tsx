import { useRef, useState, type RefObject } from 'react';
import type { CommuneHit, TerritoryCommune, TerritorySummary } from '@shared/contract';
import { formatInteger, plural } from '@shared/format';
import { errorMessage } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { CommuneSearch } from './CommuneSearch';
import { TerritoryTiles } from './TerritoryTiles';
import { useTerritory, useTerritoryWrite } from './queries';
import './territory.css';

export function TerritoryPage() {
  const territory = useTerritory();
  const toast = useToast();
  const add = useTerritoryWrite('territory.addCommunes');
  const remove = useTerritoryWrite('territory.removeCommune');
  const [pendingCodes, setPendingCodes] = useState<ReadonlySet<string>>(new Set());
  const tableHeading = useRef<HTMLHeadingElement>(null);

  const setPending = (code: string, pending: boolean) =>
    setPendingCodes((current) => {
      const next = new Set(current);
      if (pending) next.add(code);
      else next.delete(code);
      return next;
    });

  const addCommune = (code: string, nom: string, message: string) => {
    setPending(code, true);
    add.mutate(
      { codes: [code] },
      {
        onSuccess: () => toast.notify({ kind: 'success', message, key: 'territoire-ajout' }),
        onError: (error) =>
          toast.notify({ kind: 'error', message: `${nom} n'a pas été ajoutée : ${errorMessage(error)}` }),
        onSettled: () => setPending(code, false),
      },
    );
  };

  const onAdd = (hit: CommuneHit) => addCommune(hit.code, hit.nom, `${hit.nom} ajoutée au territoire.`);

  const onRemove = (commune: TerritoryCommune) => {
    remove.mutate(
      { code: commune.code },
      {
        onSuccess: () => {
          tableHeading.current?.focus();
          toast.notify({
            kind: 'info',
            message: `${commune.nom} retirée du territoire.`,
            action: {
              label: 'Annuler',
              onClick: () => addCommune(commune.code, commune.nom, `${commune.nom} remise dans le territoire.`),
            },
          });
        },
        onError: (error) =>
          toast.notify({ kind: 'error', message: `${commune.nom} n'a pas été retirée : ${errorMessage(error)}` }),
      },
    );
  };

  return (
    <Page
      title="Territoire"
      intro="Les communes de votre territoire d’action : leur population donne la taille de la CPTS au sens de l’ACI."
    >
      <div className="stack">
        <section className="card" aria-labelledby="ajout-titre">
          <h2 id="ajout-titre">Ajouter des communes</h2>
          <CommuneSearch onAdd={onAdd} pendingCodes={pendingCodes} />
        </section>

        {territory.isPending ? (
          <Loading />
        ) : territory.isError ? (
          <QueryError message={errorMessage(territory.error)} onRetry={() => void territory.refetch()} />
        ) : (
          <TerritorySummaryView
            territory={territory.data}
            onRemove={onRemove}
            removing={remove.isPending ? remove.variables?.code : undefined}
            tableHeading={tableHeading}
          />
        )}
      </div>
    </Page>
  );
}

interface SummaryProps {
  territory: TerritorySummary;
  onRemove: (commune: TerritoryCommune) => void;
  removing: string | undefined;
  tableHeading: RefObject<HTMLHeadingElement | null>;
}

function TerritorySummaryView({ territory, onRemove, removing, tableHeading }: SummaryProps) {
  return (
    <>
      <section className="card" aria-labelledby="synthese-titre">
        <h2 id="synthese-titre">Synthèse</h2>
        {territory.warnings.length > 0 && (
          <div className="alert alert-warning">
            <p className="alert-title">À vérifier</p>
            <ul>
              {territory.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}
        <TerritoryTiles territory={territory} />
        {territory.communeCount > 0 && (
          <div className="columns">
            <div>
              <h3 id="departements-titre">Départements</h3>
              <DataTable
                rows={territory.departements}
                rowKey={(d) => d.code}
                compact
                aria-labelledby="departements-titre"
                columns={[
                  {
                    header: 'Département',
                    cell: (d) => (
                      <>
                        {d.nom} ({d.code})
                      </>
                    ),
                  },
                  { header: 'Communes', className: 'num', cell: (d) => formatInteger(d.communeCount) },
                  { header: 'Population', className: 'num', cell: (d) => formatInteger(d.population) },
                ]}
              />
            </div>
            <div>
              <h3 id="epci-titre">Intercommunalités (EPCI)</h3>
              {territory.epcis.length === 0 ? (
                <p className="muted">Aucune intercommunalité connue pour ces communes.</p>
              ) : (
                <ul className="epci-list" aria-labelledby="epci-titre">
                  {territory.epcis.map((epci) => (
                    <li key={epci.code}>
                      <span className="epci-name">{epci.nom}</span>
                      <span className="epci-count">
                        {plural(epci.communesInTerritory, 'commune')} sur {formatInteger(epci.communesTotal)}
                      </span>
                      <span className="coverage" aria-hidden="true">
                        <span
                          className="coverage-bar"
                          style={{
                            width: `${Math.min(100, (100 * epci.communesInTerritory) / Math.max(1, epci.communesTotal))}%`,
                          }}
                        />
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="communes-titre">
        <h2 id="communes-titre" ref={tableHeading} tabIndex={-1}>
          Communes du territoire
        </h2>
        <DataTable
          rows={territory.communes}
          rowKey={(commune) => commune.code}
          empty="Aucune commune pour l’instant. Recherchez-les ci-dessus par nom, code INSEE ou code postal."
          scroll
          columns={[
            { header: 'Commune', rowHeader: true, cell: (commune) => commune.nom },
            { header: 'Code INSEE', cellClassName: 'mono', cell: (commune) => commune.code },
            {
              header: 'Département',
              cell: (commune) => (
                <>
                  {commune.departementNom} ({commune.departementCode})
                </>
              ),
            },
            { header: 'Population', className: 'num', cell: (commune) => formatInteger(commune.population) },
            { header: 'EPCI', cell: (commune) => commune.epciNom ?? '—' },
          ]}
          actions={(commune) => (
            <button
              type="button"
              className="button button-small button-ghost"
              aria-label={`Retirer ${commune.nom} du territoire`}
              disabled={removing === commune.code}
              onClick={() => onRemove(commune)}
            >
              Retirer
            </button>
          )}
          footer={
            <tr>
              <th scope="row">Total</th>
              <td>{plural(territory.communeCount, 'commune')}</td>
              <td />
              <td className="num">{formatInteger(territory.totalPopulation)}</td>
              <td colSpan={2} />
            </tr>
          }
        />
        <p className="source-note">Source : {territory.referenceLabel}.</p>
      </section>
    </>
  );
}
