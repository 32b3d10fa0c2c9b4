import { describe, expect, it } from 'vitest';
import {
  attainmentBars,
  barChart,
  bulletChart,
  bulletStatus,
  chartColors,
  columnChart,
  EMPTY_TEXT,
  ellipsize,
  estimateTextWidth,
  fichesByMissionChart,
  hasTargets,
  indicatorHistoryChart,
  indicatorHistoryRows,
  lineChart,
  SERIES_COLORS,
  valueFormatter,
  type ChartGeometry,
  type CircleMark,
  type LineMark,
  type MeasureText,
  type PathMark,
  type RectMark,
  type TextMark,
} from '@shared/charts';
import type { TargetRow } from '@shared/contract';

/** Five units per character: widths that can be worked out by hand. */
const fiveEach: MeasureText = (text) => Array.from(text).length * 5;
const NB = '\u00a0';

const rects = (chart: ChartGeometry) => chart.marks.filter((mark): mark is RectMark => mark.type === 'rect');
const texts = (chart: ChartGeometry) => chart.marks.filter((mark): mark is TextMark => mark.type === 'text');
const lines = (chart: ChartGeometry) => chart.marks.filter((mark): mark is LineMark => mark.type === 'line');
const paths = (chart: ChartGeometry) => chart.marks.filter((mark): mark is PathMark => mark.type === 'path');
const circles = (chart: ChartGeometry) => chart.marks.filter((mark): mark is CircleMark => mark.type === 'circle');
const rectFor = (chart: ChartGeometry, label: string) => {
  const found = rects(chart).find((rect) => rect.label === label);
  if (!found)
    throw new Error(
      `no rect « ${label} » in ${rects(chart)
        .map((rect) => rect.label)
        .join(' | ')}`,
    );
  return found;
};
const textsOf = (chart: ChartGeometry) => texts(chart).map((mark) => mark.text);
/** The numbers of an SVG path made of M and L commands, as [x, y] pairs. */
const pathPoints = (d: string) =>
  (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number).reduce<number[][]>((pairs, value, index) => {
    if (index % 2 === 0) pairs.push([value]);
    else pairs[pairs.length - 1]?.push(value);
    return pairs;
  }, []);

describe('French values on charts', () => {
  it('writes counts, decimals, percentages and euros (from cents) with non-breaking spaces', () => {
    expect(valueFormatter('integer')(1234)).toBe(`1${NB}234`);
    expect(valueFormatter('decimal')(12.5)).toBe('12,5');
    expect(valueFormatter('percent')(66.26)).toBe(`66,3${NB}%`);
    expect(valueFormatter('percent')(75)).toBe(`75${NB}%`);
    expect(valueFormatter('euros')(3_300_000)).toBe(`33${NB}000${NB}€`);
    expect(valueFormatter((value) => `${value} j`)(30)).toBe('30 j');
  });
});

describe('Label shortening', () => {
  it('keeps a label that fits, shortens one that does not with « … », gives up below one ellipsis', () => {
    expect(ellipsize('Infirmier', 45, 10, 'regular', fiveEach)).toBe('Infirmier');
    expect(ellipsize('Masseur-kinésithérapeute', 50, 10, 'regular', fiveEach)).toBe('Masseur-k…');
    // A cut after a space or a hyphen does not leave it dangling before the ellipsis.
    expect(ellipsize('Sage-femme libérale', 30, 10, 'regular', fiveEach)).toBe('Sage…');
    expect(ellipsize('Pharmacien', 4, 10, 'regular', fiveEach)).toBe('');
  });

  it('estimates Inter widths: wider for capitals and semibold, proportional to the size', () => {
    expect(estimateTextWidth('MMM', 10, 'regular')).toBeGreaterThan(estimateTextWidth('iii', 10, 'regular'));
    expect(estimateTextWidth('Infirmier', 10, 'semibold')).toBeGreaterThan(
      estimateTextWidth('Infirmier', 10, 'regular'),
    );
    expect(estimateTextWidth('Infirmier', 20, 'regular')).toBeCloseTo(
      2 * estimateTextWidth('Infirmier', 10, 'regular'),
    );
  });
});

describe('Palette', () => {
  const luminance = (hex: string) => {
    const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
    const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

  it('has series colours and a target colour readable on white (WCAG 3:1 for graphics)', () => {
    expect(SERIES_COLORS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(SERIES_COLORS).size).toBe(SERIES_COLORS.length);
    for (const color of [
      ...SERIES_COLORS,
      chartColors.target,
      chartColors.baseline,
      chartColors.text,
      chartColors.muted,
    ]) {
      expect(contrastWithWhite(color), color).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('Horizontal bars', () => {
  const base = { title: 'Adhérents par profession', width: 200, fontSize: 10, measureText: fiveEach };

  it('draws bars proportional to the values from the zero line, with their values and ticks', () => {
    const chart = barChart({
      ...base,
      items: [
        { label: 'A', value: 10 },
        { label: 'B', value: 20 },
        { label: 'C', value: 40 },
      ],
    });
    // Labels take 5, then a gap of 6: the zero line is at 11; values (« 40 ») take 10 and a gap of 6 on the
    // right: 40 ends at 184.
    expect(rectFor(chart, 'C : 40')).toMatchObject({ x: 11, width: 173 });
    expect(rectFor(chart, 'B : 20')).toMatchObject({ x: 11, width: 86.5 });
    expect(rectFor(chart, 'A : 10')).toMatchObject({ x: 11, width: 43.25, y: 8.25, height: 14.5 });
    expect(chart.height).toBe(93);
    expect(textsOf(chart)).toEqual(expect.arrayContaining(['A', 'B', 'C', '10', '20', '40', '0', '30']));
    const value = texts(chart).find((mark) => mark.text === '40' && mark.weight === 'semibold');
    expect(value).toMatchObject({ x: 187, anchor: 'start' });
    expect(chart.table).toEqual({
      columns: ['Libellé', 'Valeur'],
      rows: [
        ['A', '10'],
        ['B', '20'],
        ['C', '40'],
      ],
    });
    expect(chart.summary).toBe(
      'Adhérents par profession : 3 valeurs, la plus élevée pour C (40), la plus basse pour A (10).',
    );
    expect(chart.empty).toBe(false);
  });

  it('puts a negative value left of the zero line and writes its value on the left', () => {
    const chart = barChart({
      ...base,
      items: [
        { label: 'A', value: -10 },
        { label: 'B', value: 30 },
      ],
    });
    // Plot from 5 + 6 + 15 (« -10 ») + 6 = 32 to 184, domain [-10, 30]: 3.8 per unit, zero at 70.
    expect(rectFor(chart, 'A : -10')).toMatchObject({ x: 32, width: 38 });
    expect(rectFor(chart, 'B : 30')).toMatchObject({ x: 70, width: 114 });
    expect(texts(chart).find((mark) => mark.text === '-10' && mark.weight === 'semibold')).toMatchObject({
      x: 29,
      anchor: 'end',
    });
    const zeroLine = lines(chart).find((line) => line.stroke === chartColors.axis);
    expect(zeroLine).toMatchObject({ x1: 70, x2: 70 });
  });

  it('draws a zero as a bar of no length with « 0 » written, and only whole ticks for counts', () => {
    const chart = barChart({
      ...base,
      items: [
        { label: 'A', value: 0 },
        { label: 'B', value: 2 },
      ],
    });
    expect(rectFor(chart, 'A : 0').width).toBe(0);
    const tickTexts = texts(chart)
      .filter((mark) => mark.fill === chartColors.muted)
      .map((mark) => mark.text);
    expect(tickTexts).toEqual(['0', '1', '2']);
  });

  it('shortens a label too long for its column and keeps the whole label', () => {
    const label = 'Masseur-kinésithérapeute libéral';
    const chart = barChart({ ...base, items: [{ label, value: 5 }] });
    const shown = texts(chart).find((mark) => mark.full === label);
    // The label column is at most 38 % of 200 = 76: 14 characters and the ellipsis.
    expect(shown?.text).toBe('Masseur-kinési…');
    expect(fiveEach(shown?.text ?? '', 10, 'regular')).toBeLessThanOrEqual(76);
    expect(chart.table.rows).toEqual([[label, '5']]);
    expect(chart.summary).toBe(`Adhérents par profession : ${label} (5).`);
  });

  it('says « Aucune donnée » when there is nothing to draw', () => {
    const chart = barChart({ ...base, items: [], labelHeader: 'Profession', valueHeader: 'Adhérents' });
    expect(chart.empty).toBe(true);
    expect(textsOf(chart)).toEqual([EMPTY_TEXT]);
    expect(EMPTY_TEXT).toBe('Aucune donnée');
    expect(chart.table).toEqual({ columns: ['Profession', 'Adhérents'], rows: [] });
    expect(chart.summary).toBe('Adhérents par profession : aucune donnée.');
  });
});

describe('Vertical bars', () => {
  const base = {
    title: 'Réunions par mois',
    width: 300,
    height: 160,
    fontSize: 10,
    measureText: fiveEach,
    categories: ['janv.', 'févr.'],
    series: [
      { label: 'RCP', values: [2, 4] },
      { label: 'Bureau', values: [1, 0] },
    ],
    categoryHeader: 'Mois',
  };

  it('groups the series side by side, heights proportional, standing on the zero line', () => {
    const chart = columnChart(base);
    const janvRcp = rectFor(chart, 'janv., RCP : 2');
    const fevrRcp = rectFor(chart, 'févr., RCP : 4');
    const janvBureau = rectFor(chart, 'janv., Bureau : 1');
    expect(fevrRcp.height).toBeCloseTo(2 * janvRcp.height, 1);
    expect(janvRcp.height).toBeCloseTo(2 * janvBureau.height, 1);
    expect(rectFor(chart, 'févr., Bureau : 0').height).toBe(0);
    expect(janvBureau.x).toBeGreaterThan(janvRcp.x + janvRcp.width - 0.01);
    expect(fevrRcp.x).toBeGreaterThan(janvBureau.x + janvBureau.width);
    const zero = lines(chart).find((line) => line.stroke === chartColors.axis);
    expect(janvRcp.y + janvRcp.height).toBeCloseTo(zero?.y1 ?? Number.NaN, 1);
    // Two series: a legend, drawn as marks and listed.
    expect(chart.legend.map((entry) => entry.label)).toEqual(['RCP', 'Bureau']);
    expect(textsOf(chart)).toEqual(expect.arrayContaining(['RCP', 'Bureau', 'janv.', 'févr.']));
    expect(chart.table).toEqual({
      columns: ['Mois', 'RCP', 'Bureau'],
      rows: [
        ['janv.', '2', '1'],
        ['févr.', '4', '0'],
      ],
    });
    expect(chart.summary).toBe(
      'Réunions par mois : 2 colonnes, 2 séries (RCP, Bureau) ; total 7, le plus élevé pour févr. (4).',
    );
  });

  it('stacks the series with a hairline between them and writes the total above', () => {
    const chart = columnChart({ ...base, mode: 'stacked' });
    const rcp = rectFor(chart, 'janv., RCP : 2');
    const bureau = rectFor(chart, 'janv., Bureau : 1');
    expect(rcp.x).toBe(bureau.x);
    expect(rcp.width).toBe(bureau.width);
    expect(rcp.y - (bureau.y + bureau.height)).toBeCloseTo(0.8, 1);
    // 2 units and 1 unit, each less the hairline.
    expect(rcp.height + 0.8).toBeCloseTo(2 * (bureau.height + 0.8), 1);
    expect(rects(chart).some((rect) => rect.label === 'févr., Bureau : 0')).toBe(false);
    const total = texts(chart).find((mark) => mark.text === '3' && mark.weight === 'semibold');
    expect(total?.y).toBeLessThan(bureau.y);
    expect(chart.table.columns).toEqual(['Mois', 'RCP', 'Bureau', 'Total']);
    expect(chart.table.rows[0]).toEqual(['janv.', '2', '1', '3']);
  });

  it('stacks negative values below the zero line', () => {
    const chart = columnChart({
      ...base,
      mode: 'stacked',
      series: [
        { label: 'Entrées', values: [3, 1] },
        { label: 'Sorties', values: [-2, -1] },
      ],
    });
    const zero = lines(chart).find((line) => line.stroke === chartColors.axis)?.y1 ?? Number.NaN;
    const out = rectFor(chart, 'janv., Sorties : -2');
    const inn = rectFor(chart, 'janv., Entrées : 3');
    expect(out.y).toBeCloseTo(zero, 1);
    expect(inn.y + inn.height).toBeLessThanOrEqual(zero + 0.01);
  });

  it('puts a long category on two lines, and shortens a word wider than its column', () => {
    const input = {
      ...base,
      height: 160,
      categories: ['Commission prévention', 'Bureau'],
      series: [{ label: 'Réunions', values: [5, 3] }],
    };
    // 200 wide: columns about 90 wide, « Commission » and « prévention » (50 each) on two lines under the first
    // one; the plot ends 3,1 lines above the bottom (160 − 31 = 129) instead of 2.
    const wide = columnChart({ ...input, width: 200 });
    const [first, second] = texts(wide).filter((mark) => mark.text === 'Commission' || mark.text === 'prévention');
    expect([first?.text, second?.text]).toEqual(['Commission', 'prévention']);
    expect(second?.x).toBe(first?.x);
    expect((second?.y ?? 0) - (first?.y ?? 0)).toBeCloseTo(11, 5);
    expect(second?.y).toBeLessThanOrEqual(160);
    const column = rectFor(wide, 'Commission prévention : 5');
    expect(column.y + column.height).toBe(129);
    expect(texts(wide).some((mark) => mark.full !== undefined)).toBe(false);
    // 80 wide: columns about 31 wide, narrower than « Commission »: shortened on one line, whole on hover.
    const narrow = columnChart({ ...input, width: 80 });
    const shown = texts(narrow).find((mark) => mark.full === 'Commission prévention');
    expect(shown?.text.endsWith('…')).toBe(true);
    const narrowColumn = rectFor(narrow, 'Commission prévention : 5');
    expect(narrowColumn.y + narrowColumn.height).toBe(140);
    // A single series needs no legend.
    expect(wide.legend).toEqual([]);
  });

  it('says « Aucune donnée » when every value is zero or there is no category', () => {
    expect(columnChart({ ...base, series: [{ label: 'RCP', values: [0, 0] }] }).empty).toBe(true);
    const none = columnChart({ ...base, categories: [] });
    expect(none.empty).toBe(true);
    expect(textsOf(none)).toEqual(['Aucune donnée']);
  });
});

describe('Lines over years', () => {
  const base = { title: 'Dépistage du cancer du sein', width: 300, height: 160, fontSize: 10, measureText: fiveEach };

  it('draws the réalisé with markers and values, the target as a dashed step held over each year, the baseline', () => {
    const chart = lineChart({
      ...base,
      format: 'percent',
      zeroBased: false,
      xLabels: ['2022-2023', '2023-2024', '2024-2025'],
      series: [
        { label: 'Réalisé', values: [67.1, 70.25, 73] },
        { label: 'Cible', values: [69.7, 72.4, 75], style: 'target' },
      ],
      baseline: { label: 'Situation initiale', value: 66.26 },
    });
    const markers = circles(chart).filter((circle) => circle.label?.includes('Réalisé'));
    expect(markers).toHaveLength(3);
    // Higher value, higher on the page (smaller y).
    const [first, second, third] = markers;
    expect(second?.cy).toBeLessThan(first?.cy ?? 0);
    expect(third?.cy).toBeLessThan(second?.cy ?? 0);
    expect(textsOf(chart)).toEqual(expect.arrayContaining([`67,1${NB}%`, `70,3${NB}%`, `73${NB}%`]));

    const measured = paths(chart).find((path) => path.label === 'Réalisé');
    expect(measured?.dash).toBeUndefined();
    expect(pathPoints(measured?.d ?? '')).toHaveLength(3);

    const target = paths(chart).find((path) => path.label === 'Cible');
    expect(target?.dash).toBe('4 3');
    const steps = pathPoints(target?.d ?? '');
    // Only horizontal and vertical segments, starting half a year before the first point and ending half a
    // year after the last.
    steps.slice(1).forEach((point, index) => {
      const previous = steps[index] ?? [];
      expect(point[0] === previous[0] || point[1] === previous[1]).toBe(true);
    });
    const step = (third?.cx ?? 0) - (second?.cx ?? 0);
    expect(steps[0]?.[0]).toBeCloseTo((first?.cx ?? 0) - step / 2, 1);
    expect(steps[steps.length - 1]?.[0]).toBeCloseTo((third?.cx ?? 0) + step / 2, 1);

    const baseline = lines(chart).find((line) => line.stroke === chartColors.baseline && line.dash);
    expect(baseline).toBeDefined();
    expect(baseline?.y1).toBeGreaterThan(first?.cy ?? Number.POSITIVE_INFINITY);
    expect(textsOf(chart)).toContain(`Situation initiale : 66,3${NB}%`);
    expect(chart.legend.map((entry) => [entry.label, entry.symbol])).toEqual([
      ['Réalisé', 'marker'],
      ['Cible', 'dashed-line'],
      ['Situation initiale', 'dotted-line'],
    ]);
    expect(chart.table.columns).toEqual(['Année', 'Réalisé', 'Cible', 'Situation initiale']);
    expect(chart.table.rows[2]).toEqual(['2024-2025', `73${NB}%`, `75${NB}%`, `66,3${NB}%`]);
    expect(chart.summary).toBe(
      `Dépistage du cancer du sein. Réalisé : de 67,1${NB}% (2022-2023) à 73${NB}% (2024-2025) ; Cible : de 69,7${NB}% (2022-2023) à 75${NB}% (2024-2025) ; Situation initiale : 66,3${NB}%.`,
    );
  });

  it('draws a single year as a marker and its target as one level line', () => {
    const chart = lineChart({
      ...base,
      xLabels: ['2026'],
      series: [
        { label: 'Adhérents', values: [120] },
        { label: 'Objectif', values: [150], style: 'target' },
      ],
    });
    // One marker on the chart (the legend draws another, without a label).
    expect(circles(chart).filter((circle) => circle.label)).toHaveLength(1);
    expect(paths(chart).filter((path) => path.label === 'Adhérents')).toEqual([]);
    const target = pathPoints(paths(chart).find((path) => path.label === 'Objectif')?.d ?? '');
    expect(new Set(target.map((point) => point[1])).size).toBe(1);
    expect(textsOf(chart)).toEqual(expect.arrayContaining(['2026', '120']));
  });

  it('breaks the line where a year is missing and writes « — » for it', () => {
    const chart = lineChart({
      ...base,
      xLabels: ['2021', '2022', '2023', '2024', '2025'],
      series: [{ label: 'Adhérents', values: [80, 95, null, 130, 142] }],
    });
    expect(paths(chart)).toHaveLength(2);
    expect(circles(chart)).toHaveLength(4);
    expect(chart.table.rows[2]).toEqual(['2023', '—']);
    // One series and no baseline: no legend.
    expect(chart.legend).toEqual([]);
    // Counts start at zero: the lowest tick is 0.
    expect(textsOf(chart)).toContain('0');
  });

  it('says « Aucune donnée » without any value', () => {
    const chart = lineChart({
      ...base,
      xLabels: ['2025', '2026'],
      series: [{ label: 'Réalisé', values: [null, null] }],
    });
    expect(chart.empty).toBe(true);
    expect(chart.summary).toBe('Dépistage du cancer du sein : aucune donnée.');
  });
});

describe('Target vs réalisé bullets', () => {
  const base = { title: 'Cibles et réalisé 2025-2026', width: 200, fontSize: 10, measureText: fiveEach };

  it('draws the réalisé over a track with the target and the baseline as ticks, on each row’s own scale', () => {
    const chart = bulletChart({
      ...base,
      format: 'percent',
      items: [
        { label: 'Cancer du sein', value: 70, target: 75, baseline: 66.26, max: 100 },
        { label: 'Patients sans médecin traitant', value: 180, target: 200, direction: 'baisse', format: 'integer' },
        { label: 'Protocoles', value: null, target: 3, format: 'integer' },
      ],
    });
    // A rate on [0, 100] over 200 wide: 2 per point.
    expect(rectFor(chart, 'Cancer du sein, réalisé : 70\u00a0%')).toMatchObject({ x: 0, width: 140 });
    // The legend draws its swatches as horizontal lines: the ticks are the vertical ones.
    const ticks = lines(chart).filter((line) => line.x1 === line.x2);
    expect(ticks.find((line) => line.stroke === chartColors.target)?.x1).toBe(150);
    expect(ticks.find((line) => line.stroke === chartColors.baseline)?.x1).toBe(132.52);
    expect(rects(chart).some((rect) => rect.label?.startsWith('Protocoles'))).toBe(false);
    expect(textsOf(chart)).toEqual(
      expect.arrayContaining([
        `réalisé 70${NB}% · cible 75${NB}%`,
        'réalisé 180 · cible 200',
        'non mesuré · cible 3',
        'Protocoles',
      ]),
    );
    expect(chart.table.rows).toEqual([
      ['Cancer du sein', `66,3${NB}%`, `75${NB}%`, `70${NB}%`, 'non atteint'],
      ['Patients sans médecin traitant', '—', '200', '180', 'atteint'],
      ['Protocoles', '—', '3', '—', 'non mesuré'],
    ]);
    expect(chart.summary).toBe('Cibles et réalisé 2025-2026 : 3 indicateurs, 2 mesurés, 1 cible atteinte sur 3.');
    expect(chart.legend.map((entry) => entry.label)).toEqual(['Réalisé', 'Cible', 'Référence']);
  });

  it('reads the target in the indicator’s direction', () => {
    expect(bulletStatus({ value: 75, target: 75, direction: 'hausse' })).toBe('atteint');
    expect(bulletStatus({ value: 74.9, target: 75 })).toBe('non atteint');
    expect(bulletStatus({ value: 12, target: 10, direction: 'baisse' })).toBe('non atteint');
    expect(bulletStatus({ value: 1, target: 1, direction: 'atteindre' })).toBe('atteint');
    expect(bulletStatus({ value: 4, target: null })).toBe('sans cible');
    expect(bulletStatus({ value: null, target: 3 })).toBe('non mesuré');
  });

  it('says « Aucune donnée » without any indicator', () => {
    const chart = bulletChart({ ...base, items: [] });
    expect(chart.empty).toBe(true);
    expect(chart.table.columns).toEqual(['Indicateur', 'Référence', 'Cible', 'Réalisé', 'Atteinte']);
  });
});

describe('Indicator history (the indicator page and the « Fiche action » PDF)', () => {
  const target = (
    contractYearId: number,
    rule: Pick<TargetRow, 'paymentRule' | 'targetValue' | 'tiers'>,
  ): TargetRow => ({
    id: contractYearId * 10,
    indicatorId: 1,
    contractYearId,
    yearIndex: contractYearId - 10,
    maxCents: 350_000,
    carriedOverFromId: null,
    note: null,
    ...rule,
  });
  const years = [
    { id: 11, index: 1 },
    { id: 12, index: 2 },
    { id: 13, index: 3 },
  ];
  // Year 1: paliers up to 75 %, measured 71,2 %; year 2: nothing; year 3: all or nothing at 80 %, not measured.
  const history = [
    {
      contractYearId: 11,
      target: target(11, {
        paymentRule: 'paliers',
        targetValue: null,
        tiers: [
          { rank: 2, label: '', threshold: 72.4, amountCents: 250_000 },
          { rank: 3, label: '', threshold: 75, amountCents: 350_000 },
          { rank: 1, label: '', threshold: 69.7, amountCents: 100_000 },
        ],
      }),
      measure: { value: 71.2 },
    },
    {
      contractYearId: 13,
      target: target(13, { paymentRule: 'tout_ou_rien', targetValue: 80, tiers: [] }),
      measure: null,
    },
  ];
  const rate = { label: 'Dépistage du cancer du sein', valueType: 'taux', baselineValue: 66.26 } as const;

  it('gives every contract year, the level of its target (the top tier for paliers) and its réalisé', () => {
    const rows = indicatorHistoryRows({ history }, years);
    expect(rows.map((row) => [row.year.index, row.level, row.value])).toEqual([
      [1, 75, 71.2],
      [2, null, null],
      [3, 80, null],
    ]);
    expect(hasTargets(rows)).toBe(true);
    expect(hasTargets(indicatorHistoryRows({ history: [] }, years))).toBe(false);
  });

  it('draws a rate on a scale that hugs its values, with the figures as a table', () => {
    const rows = indicatorHistoryRows({ history }, years);
    const chart = indicatorHistoryChart({
      indicator: rate,
      rows,
      width: 300,
      height: 160,
      fontSize: 10,
      measureText: fiveEach,
    });
    expect(chart.title).toBe('Cible et réalisé par année de contrat — Dépistage du cancer du sein');
    // From 66,26 to 80, padded by 8 % of the range (1,1) on each side: 65,2 → 81,1, made round by 5: 65 → 85.
    const ticks = ['65', '70', '75', '80', '85'].map((tick) => `${tick}${NB}%`);
    expect(textsOf(chart)).toEqual(expect.arrayContaining(ticks));
    expect(textsOf(chart)).not.toContain(`60${NB}%`);
    expect(textsOf(chart)).not.toContain(`90${NB}%`);
    // The marker of 71,2 % sits 1,2/5 of the way from the 70 % gridline to the 75 % one.
    const gridAt = (value: number) => {
      const tick = texts(chart).find((mark) => mark.text === `${value}${NB}%`);
      return lines(chart).find(
        (line) => line.stroke === chartColors.grid && Math.abs(line.y1 - (tick?.y ?? 0) + 3.2) < 0.1,
      )?.y1;
    };
    const [y70, y75] = [gridAt(70), gridAt(75)];
    expect(y70).toBeDefined();
    const marker = circles(chart).find((circle) => circle.label === `Année 1, Réalisé : 71,2${NB}%`);
    expect(marker?.cy).toBeCloseTo((y70 ?? 0) + ((y75 ?? 0) - (y70 ?? 0)) * (1.2 / 5), 1);
    expect(chart.table).toEqual({
      columns: ['Année de contrat', 'Réalisé', 'Cible', 'Situation initiale'],
      rows: [
        ['Année 1', `71,2${NB}%`, `75${NB}%`, `66,26${NB}%`],
        ['Année 2', '—', '—', `66,26${NB}%`],
        ['Année 3', '—', `80${NB}%`, `66,26${NB}%`],
      ],
    });
  });

  it('starts a count at zero', () => {
    const rows = indicatorHistoryRows({ history }, years);
    const count = { label: 'Patients intégrés au parcours', valueType: 'nombre', baselineValue: null } as const;
    const chart = indicatorHistoryChart({
      indicator: count,
      rows,
      width: 300,
      height: 160,
      fontSize: 10,
      measureText: fiveEach,
    });
    expect(textsOf(chart)).toContain('0');
    expect(chart.table.columns).toEqual(['Année de contrat', 'Réalisé', 'Cible']);
  });
});

describe('Obtained over a maximum', () => {
  const base = { title: 'Part variable', width: 300, fontSize: 10, measureText: fiveEach, format: 'integer' } as const;

  it('draws each maximum as a track ended by a tick and what was obtained over it, on one scale', () => {
    const chart = attainmentBars({
      ...base,
      items: [
        { label: 'A', earned: 1, max: 4 },
        { label: 'B', earned: 3, max: 3 },
      ],
    });
    // Labels 5 wide, then a gap of 8: the plot starts at 13. The widest figures, « 3 / 3 · 100,0 % », are 75 wide:
    // the plot ends at 300 − 75 − 8 = 217. The scale runs from 0 to 4: 51 per unit.
    expect(rectFor(chart, 'A, maximum : 4')).toMatchObject({ x: 13, width: 204, y: 26.25, height: 14.5 });
    expect(rectFor(chart, 'A, obtenu : 1')).toMatchObject({ x: 13, width: 51, y: 28.75, height: 9.5 });
    expect(rectFor(chart, 'B, maximum : 3')).toMatchObject({ width: 153, y: 49.25 });
    expect(rectFor(chart, 'B, obtenu : 3')).toMatchObject({ width: 153 });
    const ticks = lines(chart).filter((line) => line.stroke === chartColors.axis && line.strokeWidth === 1.5);
    expect(ticks.map((line) => [line.x1, line.y1, line.y2])).toEqual([
      [217, 26.25, 40.75],
      [166, 49.25, 63.75],
    ]);
    expect(textsOf(chart)).toEqual(expect.arrayContaining([`1 / 4 · 25,0${NB}%`, `3 / 3 · 100,0${NB}%`]));
    expect(chart.height).toBe(88);
    expect(chart.legend.map((entry) => entry.label)).toEqual(['Obtenu', 'Maximum']);
    expect(chart.table).toEqual({
      columns: ['Libellé', 'Obtenu', 'Maximum', 'Taux'],
      rows: [
        ['A', '1', '4', `25,0${NB}%`],
        ['B', '3', '3', `100,0${NB}%`],
      ],
    });
    expect(chart.summary).toBe(`Part variable : 4 sur 7 (57,1${NB}%) pour 2 lignes.`);
  });

  it('writes euros from cents, and a line without a maximum has no tick and no rate', () => {
    const chart = attainmentBars({
      ...base,
      format: 'euros',
      items: [
        { label: 'Accès aux soins', earned: 1_050_000, max: 3_500_000 },
        { label: 'Crise', earned: 0, max: 0 },
      ],
    });
    expect(textsOf(chart)).toContain(`10${NB}500${NB}€ / 35${NB}000${NB}€ · 30,0${NB}%`);
    expect(textsOf(chart)).toContain(`0${NB}€ / 0${NB}€ · —`);
    expect(lines(chart).filter((line) => line.strokeWidth === 1.5)).toHaveLength(1);
    expect(attainmentBars({ ...base, items: [] }).empty).toBe(true);
  });

  it('draws a compact bar without legend nor axis, as tall as its row', () => {
    const chart = attainmentBars({ ...base, compact: true, items: [{ label: 'A', earned: 1, max: 4 }] });
    // One row of 23 between 2 above and 2 below. Figures 70 wide: the plot runs from 13 to 300 − 70 − 8 = 222.
    expect(chart.height).toBe(27);
    expect(chart.legend).toEqual([]);
    expect(rectFor(chart, 'A, maximum : 4')).toMatchObject({ x: 13, width: 209, y: 6.25 });
    expect(textsOf(chart)).toEqual(['A', `1 / 4 · 25,0${NB}%`]);
  });
});

describe('Fiches by mission and status', () => {
  it('stacks the statuses some fiche has, in their order, one colour each, with the total of each column', () => {
    const chart = fichesByMissionChart({
      width: 300,
      height: 160,
      fontSize: 10,
      measureText: fiveEach,
      groups: [
        { label: 'A', fiches: [{ status: 'deployee' }, { status: 'en_cours' }, { status: 'en_cours' }] },
        { label: 'B', fiches: [] },
      ],
    });
    expect(chart.title).toBe('Fiches actions par mission et par état');
    expect(chart.legend.map((entry) => entry.label)).toEqual(['En cours', 'Déployée']);
    expect(new Set(chart.legend.map((entry) => entry.color)).size).toBe(2);
    expect(chart.table).toEqual({
      columns: ['Mission', 'En cours', 'Déployée', 'Total'],
      rows: [
        ['A', '2', '1', '3'],
        ['B', '0', '0', '0'],
      ],
    });
    // Two fiches en cours stand twice as high as one déployée (less the hairline between them).
    const enCours = rectFor(chart, 'A, En cours : 2');
    const deployee = rectFor(chart, 'A, Déployée : 1');
    expect(enCours.height + 0.8).toBeCloseTo(2 * (deployee.height + 0.8), 1);
    expect(deployee.y + deployee.height).toBeLessThanOrEqual(enCours.y);
    expect(textsOf(chart)).toContain('3');
  });
});
