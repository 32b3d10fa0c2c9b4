import { Circle, G, Line, Path, Rect, Svg, Text, View } from '@react-pdf/renderer';
import type { ComponentProps } from 'react';
import type { ChartGeometry, Mark, MeasureText, TextMark } from '@shared/charts';
import { textWidth } from '../../layout/metrics';
import { Table, type TableColumn } from '../../layout/Table';
import { colors, fontFamily, fontSizes, textSize, weights } from '../theme';

/**
 * Inter's real advance widths (layout/metrics), for the geometry of a chart drawn in a PDF: pass it as the
 * `measureText` of barChart, columnChart, lineChart or bulletChart so that shortened labels fit exactly.
 */
export const pdfMeasureText: MeasureText = (text, fontSize, weight) =>
  textWidth(text, fontSize, weight === 'semibold' ? 'bold' : 'regular');

const FONT_WEIGHT = { regular: weights.regular, semibold: weights.semibold } as const;

type SvgTextStyle = Extract<ComponentProps<typeof Text>, { x: string | number }>['style'];

/**
 * SVG text inherits nothing from the page: its family, size and weight are given in its style, where react-pdf
 * reads them (and loads the font), although its types only list the presentation attributes there.
 */
function svgFont(mark: TextMark): SvgTextStyle {
  return { fontFamily, fontSize: mark.fontSize, fontWeight: FONT_WEIGHT[mark.weight] } as SvgTextStyle;
}

/** One mark of the chart model with react-pdf's SVG primitives. */
function PdfMark({ mark }: { mark: Mark }) {
  switch (mark.type) {
    case 'rect':
      // A bar of no length draws nothing (react-pdf would still paint a hairline for a zero width).
      if (mark.width <= 0 || mark.height <= 0) return null;
      return <Rect x={mark.x} y={mark.y} width={mark.width} height={mark.height} fill={mark.fill} />;
    case 'line':
      return (
        <Line
          x1={mark.x1}
          y1={mark.y1}
          x2={mark.x2}
          y2={mark.y2}
          stroke={mark.stroke}
          strokeWidth={mark.strokeWidth}
          strokeDasharray={mark.dash}
        />
      );
    case 'path':
      return (
        <Path
          d={mark.d}
          stroke={mark.stroke}
          strokeWidth={mark.strokeWidth}
          strokeDasharray={mark.dash}
          fill={mark.fill ?? 'none'}
          strokeLinejoin="round"
        />
      );
    case 'circle':
      return (
        <Circle
          cx={mark.cx}
          cy={mark.cy}
          r={mark.r}
          fill={mark.fill}
          stroke={mark.stroke}
          strokeWidth={mark.strokeWidth}
        />
      );
    case 'text':
      return (
        <Text x={mark.x} y={mark.y} textAnchor={mark.anchor} fill={mark.fill} style={svgFont(mark)}>
          {mark.text}
        </Text>
      );
  }
}

export interface PdfChartProps {
  /** What shared/charts computed, with `measureText: pdfMeasureText` and the width of the page's text column. */
  geometry: ChartGeometry;
  /** Write the title above the chart (true by default). */
  showTitle?: boolean;
  /** Print the chart's data under it (every figure written out, for a reader on paper). */
  showTable?: boolean;
}

/** The chart's data as a table: its first column names the row, the others are figures. */
function ChartDataTable({ table }: { table: ChartGeometry['table'] }) {
  const columns: TableColumn<string[]>[] = table.columns.map((header, index) => ({
    header,
    width: index === 0 ? 1.4 : 1,
    numeric: index > 0,
    value: (row) => row[index] ?? '',
  }));
  return (
    <View style={{ marginTop: 4 }}>
      <Table columns={columns} rows={table.rows} rowKey={(row) => row[0] ?? ''} />
    </View>
  );
}

/**
 * A chart of the chart model in a PDF: the same marks the screens draw, with react-pdf's Svg. It is never cut
 * across two pages.
 */
export function PdfChart({ geometry, showTitle = true, showTable = false }: PdfChartProps) {
  return (
    <View wrap={false} style={{ marginBottom: 12 }}>
      {showTitle && (
        <Text
          style={{
            ...textSize(fontSizes.body),
            fontWeight: weights.semibold,
            color: colors.accent,
            marginBottom: 4,
          }}
        >
          {geometry.title}
        </Text>
      )}
      <Svg width={geometry.width} height={geometry.height} viewBox={`0 0 ${geometry.width} ${geometry.height}`}>
        <G>
          {geometry.marks.map((mark, index) => (
            // Marks have no identity of their own: their order is their key.
            <PdfMark key={index} mark={mark} />
          ))}
        </G>
      </Svg>
      {showTable && !geometry.empty ? <ChartDataTable table={geometry.table} /> : null}
    </View>
  );
}
