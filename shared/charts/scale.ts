/** Value scales and their ticks, shared by every chart kind (d3-scale does the arithmetic). */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { estimateTextWidth } from './text';
import { tickStep, valueFormatter } from './format';
import type { ChartOptions, MeasureText, TextMark } from './types';
import { chartColors } from './palette';

export const DEFAULT_FONT_SIZE = 9;

/** The options every chart resolves the same way. */
export interface Resolved {
  fontSize: number;
  measure: MeasureText;
  format: (value: number) => string;
  step: number | null;
}

export function resolveOptions(options: ChartOptions): Resolved {
  return {
    fontSize: options.fontSize ?? DEFAULT_FONT_SIZE,
    measure: options.measureText ?? estimateTextWidth,
    format: valueFormatter(options.format),
    step: tickStep(options.format),
  };
}

export interface ValueScale {
  scale: ScaleLinear<number, number>;
  ticks: number[];
}

/**
 * A linear scale over `values` mapped onto [from, to], with round ends and about `count` ticks. Zero is included
 * unless `zeroBased` is false (then the domain hugs the values, for rates that move between 60 and 75 %).
 * A domain of a single value is widened so that it still has a length. Ticks finer than `step` are dropped
 * (no « 0,5 adhérent », no « 0,50 € »).
 */
export function valueScale(
  values: readonly number[],
  from: number,
  to: number,
  options: { zeroBased?: boolean; count?: number; step?: number | null } = {},
): ValueScale {
  const finite = values.filter((value) => Number.isFinite(value));
  const zeroBased = options.zeroBased ?? true;
  let low = finite.length > 0 ? Math.min(...finite) : 0;
  let high = finite.length > 0 ? Math.max(...finite) : 0;
  if (zeroBased) {
    low = Math.min(0, low);
    high = Math.max(0, high);
  }
  if (low === high) {
    const pad = high === 0 ? (options.step ?? 1) : Math.abs(high) * 0.1;
    if (zeroBased && low === 0) high = pad;
    else {
      low -= pad;
      high += pad;
    }
  } else if (!zeroBased) {
    const pad = (high - low) * 0.08;
    low -= pad;
    high += pad;
  }
  if (options.step) high = Math.max(high, low + options.step);
  const count = options.count ?? 5;
  const scale = scaleLinear().domain([low, high]).range([from, to]).nice(count);
  const step = options.step;
  const ticks = scale.ticks(count).filter((tick) => !step || Math.abs(tick / step - Math.round(tick / step)) < 1e-9);
  return { scale, ticks };
}

/** A text mark with the chart's defaults (regular weight, body colour). */
export function text(
  x: number,
  y: number,
  value: string,
  fontSize: number,
  extra: Partial<Omit<TextMark, 'type' | 'x' | 'y' | 'text'>> = {},
): TextMark {
  return {
    type: 'text',
    x: round(x),
    y: round(y),
    text: value,
    anchor: 'start',
    fontSize,
    weight: 'regular',
    fill: chartColors.text,
    ...extra,
  };
}

/** Coordinates rounded to a hundredth: stable in tests, exact enough for any screen or printer. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Baseline that centres a line of text of `fontSize` on `middle` (Inter's capitals are 0.73 em high). */
export function baselineFor(middle: number, fontSize: number): number {
  return middle + fontSize * 0.36;
}

/** The largest width among `labels`. */
export function widest(
  labels: readonly string[],
  fontSize: number,
  measure: MeasureText,
  weight: 'regular' | 'semibold' = 'regular',
): number {
  return labels.reduce((max, label) => Math.max(max, measure(label, fontSize, weight)), 0);
}
