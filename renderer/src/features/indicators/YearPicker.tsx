import { useId } from 'react';
import { type YearChoice, yearLabel } from './missions';

/** The contract year a page shows (« Année 2 (du … au …) — en cours »). */
export function YearPicker({
  years,
  year,
  onSelect,
}: {
  years: readonly YearChoice[];
  year: YearChoice;
  onSelect: (index: number) => void;
}) {
  const id = useId();
  return (
    <div className="year-picker">
      <label htmlFor={id}>Année de contrat</label>
      <select id={id} value={year.index} onChange={(event) => onSelect(Number(event.target.value))}>
        {years.map((y) => (
          <option key={y.id} value={y.index}>
            {yearLabel(y)}
            {y.current ? ' — en cours' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
