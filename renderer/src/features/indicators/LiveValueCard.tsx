import type { IndicatorDetail } from '@shared/contract';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import { errorMessage } from '../../api';
import { Loading, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import type { YearChoice } from './missions';
import { useIndicatorsWrite, useLiveValue } from './queries';
import { valueText } from './wording';

/** The profession a « members of one profession » measure counts (`adherents_profession:60` → Infirmier), or null. */
function countedProfession(code: string | null): string | null {
  const colon = code?.indexOf(':') ?? -1;
  if (!code || colon < 0) return null;
  return PROFESSION_BY_CODE.get(code.slice(colon + 1))?.label ?? null;
}

/** The value Maillage measures itself for the indicator over the year, how, and « Figer comme mesure ». */
export function LiveValueCard({ indicator, year }: { indicator: IndicatorDetail; year: YearChoice }) {
  const toast = useToast();
  const live = useLiveValue(indicator.id, year.id, indicator.autoMeasure !== null);
  const freeze = useIndicatorsWrite('indicators.freezeMeasure', {
    onSuccess: (measure) =>
      toast.notify({ kind: 'success', message: `Mesure figée : ${valueText(indicator, measure.value)} (brouillon).` }),
    onError: (error) => toast.notify({ kind: 'error', message: errorMessage(error) }),
  });
  if (indicator.autoMeasure === null) return null;
  const profession = countedProfession(indicator.autoMeasure);
  return (
    <section className="card live-value" aria-labelledby="valeur-maillage-titre">
      <h2 id="valeur-maillage-titre">Valeur mesurée par Maillage</h2>
      {profession && (
        <p>
          Adhérents de la profession <strong>{profession}</strong>
        </p>
      )}
      {live.isPending ? (
        <Loading label="Calcul en cours…" />
      ) : live.isError ? (
        <QueryError message={errorMessage(live.error)} />
      ) : (
        <>
          <p className="live-value-figure">{valueText(indicator, live.data.value)}</p>
          <p className="muted small">{live.data.explanation}</p>
          <button
            type="button"
            className="button button-small"
            disabled={freeze.isPending}
            onClick={() => freeze.mutate({ indicatorId: indicator.id, contractYearId: year.id })}
          >
            Figer comme mesure
          </button>
        </>
      )}
    </section>
  );
}
