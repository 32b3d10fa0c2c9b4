import type { TerritorySummary } from '@shared/contract';
import { formatInteger } from '@shared/format';

/** The three figures of a territory: communes, population, ACI size class. */
export function TerritoryTiles({ territory }: { territory: TerritorySummary }) {
  const size = territory.sizeClass;
  return (
    <dl className="tiles">
      <div className="tile">
        <dt>Communes</dt>
        <dd className="tile-value">{formatInteger(territory.communeCount)}</dd>
      </div>
      <div className="tile">
        <dt>Population</dt>
        <dd className="tile-value" data-testid="population-totale">
          {formatInteger(territory.totalPopulation)}
        </dd>
        <dd className="tile-note">habitants</dd>
      </div>
      <div className="tile">
        <dt>Taille ACI</dt>
        <dd className="tile-value" data-testid="taille">
          {size ? `Taille ${size.taille}` : '—'}
        </dd>
        <dd className="tile-note">{size ? `${size.label} · ${size.tableVersion}` : 'aucune commune pour l’instant'}</dd>
      </div>
    </dl>
  );
}
