/**
 * The chart model: a chart is computed once, here, as plain marks in a coordinate box, and drawn as SVG by both
 * the screens (renderer/src/components/charts) and the PDFs (electron/pdf/components/charts). Nothing in it
 * depends on how it is drawn: y grows downwards, text is placed by its baseline, sizes are in the unit of the
 * box (CSS pixels on screen, points in a PDF).
 */

/** How a text is placed horizontally around its x. */
export type TextAnchor = 'start' | 'middle' | 'end';

/** Weight of a text mark: the two weights every renderer has (Inter Regular and SemiBold in the PDFs). */
export type TextWeight = 'regular' | 'semibold';

export interface RectMark {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** What the shape stands for, e.g. « Infirmier : 42 » (a tooltip on screen). */
  label?: string;
}

export interface LineMark {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: string;
  strokeWidth: number;
  /** SVG dash pattern, e.g. « 4 3 » for a target. */
  dash?: string;
}

export interface PathMark {
  type: 'path';
  /** SVG path data (absolute commands only: M, L, Z). */
  d: string;
  stroke: string;
  strokeWidth: number;
  fill?: string;
  dash?: string;
  label?: string;
}

export interface CircleMark {
  type: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill: string;
  stroke?: string;
  strokeWidth?: number;
  label?: string;
}

export interface TextMark {
  type: 'text';
  x: number;
  /** Baseline of the text (the same in a browser and in react-pdf, unlike dominant-baseline). */
  y: number;
  text: string;
  anchor: TextAnchor;
  fontSize: number;
  weight: TextWeight;
  fill: string;
  /** The whole text when `text` was shortened with an ellipsis. */
  full?: string;
}

export type Mark = RectMark | LineMark | PathMark | CircleMark | TextMark;

export interface LegendEntry {
  label: string;
  color: string;
  /** How the series is drawn, so that the legend swatch looks like it. */
  symbol: 'square' | 'line' | 'dashed-line' | 'dotted-line' | 'marker';
}

/** The data of a chart as a table: what a screen reader reads, what a test checks. */
export interface ChartTable {
  columns: string[];
  /** Cells already formatted in French; the first one names the row. */
  rows: string[][];
}

export interface ChartGeometry {
  kind: 'bars' | 'columns' | 'lines' | 'bullets' | 'attainment';
  width: number;
  height: number;
  /** The chart's title, e.g. « Adhérents par profession ». */
  title: string;
  /** One French sentence saying what the chart shows, for those who cannot see it. */
  summary: string;
  /** True when there was nothing to draw: the marks then only say « Aucune donnée ». */
  empty: boolean;
  /** In drawing order: gridlines first, then shapes, then texts. */
  marks: Mark[];
  legend: LegendEntry[];
  table: ChartTable;
}

/** Width of `text` at `fontSize`, in the unit of the chart box. */
export type MeasureText = (text: string, fontSize: number, weight: TextWeight) => number;

/** How the values of a chart are written: a named French format or any function. */
export type ValueFormat = 'integer' | 'decimal' | 'percent' | 'euros' | ((value: number) => string);

/** What every chart takes besides its data. */
export interface ChartOptions {
  title: string;
  /** Width of the box; the height follows from the data unless a chart says otherwise. */
  width: number;
  format?: ValueFormat;
  /** Text measure: the default is an estimate; the PDFs pass Inter's real advance widths. */
  measureText?: MeasureText;
  /** Size of the labels (the default suits both a screen and an A4 page). */
  fontSize?: number;
}
