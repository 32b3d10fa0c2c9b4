import type { ContractDetail } from '@shared/contract';
import { formatEurosFromCents, formatInteger, shortDate } from '@shared/format';

/**
 * The contract years from anniversary to anniversary, the current one marked (in words, not colour alone); a year
 * is chosen to show its envelopes, payments and dialogue de gestion below.
 */
export function YearsTimeline({
  contract,
  selectedId,
  onSelect,
}: {
  contract: ContractDetail;
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  return (
    <section className="card" aria-labelledby="annees-titre">
      <h2 id="annees-titre">Années du contrat</h2>
      <p className="muted small">
        Une année de contrat va d’un anniversaire au suivant. Choisissez une année pour voir ses enveloppes, ses
        versements et son dialogue de gestion.
      </p>
      <ol className="contract-years">
        {contract.years.map((year) => {
          const selected = year.id === selectedId;
          return (
            <li key={year.id} className={year.current ? 'contract-year contract-year-current' : 'contract-year'}>
              <button
                type="button"
                className={selected ? 'contract-year-button contract-year-selected' : 'contract-year-button'}
                aria-pressed={selected}
                onClick={() => onSelect(year.id)}
              >
                <span className="contract-year-label">{year.label}</span>
                {year.current && <span className="badge badge-ok">Année en cours</span>}
                <span className="contract-year-period">
                  {shortDate(year.startOn)} → {shortDate(year.endOn)}
                </span>
                <span className="contract-year-facts">
                  {year.taille === null ? 'Taille à saisir' : `Taille ${year.taille}`}
                  {year.tailleFromPopulation && year.taille !== null ? ' (selon la population)' : ''}
                  {' · '}
                  {year.population === null ? 'population à saisir' : `${formatInteger(year.population)} hab.`}
                </span>
                <span className="contract-year-facts">Maximum {formatEurosFromCents(year.totals.maxCents)}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
