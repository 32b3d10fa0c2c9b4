/**
 * One chart model for the screens and the PDFs: each function turns data and a width into a ChartGeometry
 * (plain marks, a legend, a French summary and the data as a table) that renderer/src/components/charts and
 * electron/pdf/components/charts draw as SVG, the same way.
 */
export { barChart, type BarChartInput, type BarDatum } from './bars';
export { columnChart, type ColumnChartInput, type ColumnSeries } from './columns';
export { lineChart, type LineChartInput, type LineSeries } from './lines';
export { bulletChart, bulletStatus, type BulletChartInput, type BulletDatum, type BulletStatus } from './bullets';
export {
  hasTargets,
  type HistoryYear,
  type IndicatorHistoryChartInput,
  type IndicatorHistoryRow,
  indicatorHistoryChart,
  indicatorHistoryRows,
  targetRowLevel,
} from './indicator-history';
export { attainmentBars, type AttainmentBarsInput, type AttainmentDatum } from './attainment-bars';
export { MISSION_EARNINGS_TITLE, missionEarningsBar, missionEarningsChart } from './earnings';
export { FICHES_BY_MISSION_TITLE, type FichesGroup, fichesByMissionChart } from './fiches-by-status';
export {
  MEMBERS_BY_PROFESSION_TITLE,
  membersByProfessionChart,
  type ActivityChartOptions,
} from './members-by-profession';
export { MEMBERS_OVER_YEARS_TITLE, membersOverYearsChart } from './members-over-years';
export { MONTH_SHORT_LABELS, meetingsPerMonthChart } from './meetings-per-month';
export { BUDGET_BY_MISSION_TITLE, budgetByMissionChart } from './budget-by-mission';
export { EMPTY_TEXT } from './frame';
export { SERIES_COLORS, chartColors, seriesColor } from './palette';
export { ellipsize, estimateTextWidth } from './text';
export { valueFormatter } from './format';
export type * from './types';
