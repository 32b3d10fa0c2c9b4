/**
 * What the data says of a section, next to its text in the editor: the key figures of the synthèse and the same
 * charts as the PDF (one chart model, shared/charts), drawn at the width of a screen card.
 */
import {
  type ActivityReportSection,
  type KeyFigure,
  keyFigureDetail,
  keyFigureValue,
  type MissionSection,
} from '@shared/reports/activity-report';
import {
  attainmentBars,
  budgetByMissionChart,
  meetingsPerMonthChart,
  membersByProfessionChart,
  membersOverYearsChart,
} from '@shared/charts';
import { plural } from '@shared/format';
import { Chart, SCREEN_CHART_FONT_SIZE } from '../../components/charts/Chart';

const SCREEN = { width: 760, fontSize: SCREEN_CHART_FONT_SIZE };

function KeyFigures({ figures }: { figures: KeyFigure[] }) {
  if (figures.length === 0) return <p className="muted">Aucun chiffre clé pour cette année.</p>;
  return (
    <dl className="tiles annual-figures" aria-label="Chiffres clés">
      {figures.map((figure) => (
        <div key={figure.label} className="tile">
          <dt>{figure.label}</dt>
          <dd className="tile-value">{keyFigureValue(figure)}</dd>
          {keyFigureDetail(figure) && <dd className="tile-note">{keyFigureDetail(figure)}</dd>}
        </div>
      ))}
    </dl>
  );
}

/**
 * The mission's indicators with a cible in the report's contract year, as the PDF draws them: the part variable
 * obtenue of each over its maximum (cible vs réalisé, in euros).
 */
function MissionFigures({ mission }: { mission: MissionSection }) {
  const indicators = mission.tracking?.indicators.filter((line) => line.target !== null && line.result !== null) ?? [];
  return (
    <div className="annual-data">
      <p className="muted small">
        {mission.inContract ? 'Mission du contrat' : 'Mission optionnelle non retenue au contrat'} :{' '}
        {plural(mission.fiches.length, 'fiche action', 'fiches actions')},{' '}
        {plural(indicators.length, 'indicateur avec une cible', 'indicateurs avec une cible')}.
      </p>
      {indicators.length > 0 && (
        <Chart
          geometry={attainmentBars({
            ...SCREEN,
            title: 'Part variable obtenue par indicateur',
            labelHeader: 'Indicateur',
            items: indicators.map((line) => ({
              label: line.indicator.code ?? line.indicator.label,
              earned: line.result?.earnedCents ?? 0,
              max: line.result?.maxCents ?? 0,
            })),
          })}
        />
      )}
    </div>
  );
}

/** The figures and charts of one section as the report prints them, or nothing for a section of text and tables. */
export function SectionFigures({ section, year }: { section: ActivityReportSection; year: number }) {
  switch (section.key) {
    case 'synthese':
      return 'keyFigures' in section ? <KeyFigures figures={section.keyFigures} /> : null;
    case 'vie_associative': {
      if (!('associativeLife' in section)) return null;
      const life = section.associativeLife;
      return (
        <div className="annual-data">
          <Chart geometry={membersByProfessionChart(life.composition, SCREEN)} />
          <Chart geometry={membersOverYearsChart(life.membersOverYears, SCREEN)} />
          <Chart geometry={meetingsPerMonthChart(life.meetingsPerMonth, year, SCREEN)} />
        </div>
      );
    }
    case 'finances':
      return 'finances' in section ? (
        <div className="annual-data">
          <Chart geometry={budgetByMissionChart(section.finances.byMission, SCREEN)} />
        </div>
      ) : null;
    default:
      return 'mission' in section ? <MissionFigures mission={section.mission} /> : null;
  }
}
