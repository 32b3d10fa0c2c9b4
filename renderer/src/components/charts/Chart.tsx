import { useId } from 'react';
import type { ChartGeometry, Mark } from '@shared/charts';
import './Chart.css';

export interface ChartProps {
  /** What shared/charts computed (barChart, columnChart, lineChart, bulletChart). */
  geometry: ChartGeometry;
  /** Show the title above the chart (true by default; false when the screen already says it in a heading). */
  showTitle?: boolean;
  className?: string;
}

const FONT_WEIGHT = { regular: 400, semibold: 600 } as const;

/**
 * Size of the labels of a chart computed for a screen card (760 wide): as large as the text around it once drawn.
 * The chart model's default (9) suits a page printed on A4.
 */
export const SCREEN_CHART_FONT_SIZE = 12;

/** One mark of the chart model as SVG. A shape that stands for a value says it on hover. */
function MarkShape({ mark }: { mark: Mark }) {
  switch (mark.type) {
    case 'rect':
      return (
        <rect x={mark.x} y={mark.y} width={mark.width} height={mark.height} fill={mark.fill}>
          {mark.label && <title>{mark.label}</title>}
        </rect>
      );
    case 'line':
      return (
        <line
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
        <path
          d={mark.d}
          stroke={mark.stroke}
          strokeWidth={mark.strokeWidth}
          strokeDasharray={mark.dash}
          fill={mark.fill ?? 'none'}
          strokeLinejoin="round"
        >
          {mark.label && <title>{mark.label}</title>}
        </path>
      );
    case 'circle':
      return (
        <circle
          cx={mark.cx}
          cy={mark.cy}
          r={mark.r}
          fill={mark.fill}
          stroke={mark.stroke}
          strokeWidth={mark.strokeWidth}
        >
          {mark.label && <title>{mark.label}</title>}
        </circle>
      );
    case 'text':
      return (
        <text
          x={mark.x}
          y={mark.y}
          textAnchor={mark.anchor}
          fontSize={mark.fontSize}
          fontWeight={FONT_WEIGHT[mark.weight]}
          fill={mark.fill}
        >
          {mark.text}
          {mark.full && <title>{mark.full}</title>}
        </text>
      );
  }
}

/**
 * A chart of the chart model, drawn as inline SVG: the same geometry the PDFs draw. For screen readers it is
 * one image named by its title and described by its summary, followed by its data as a (visually hidden) table.
 * The SVG scales down with its container and never grows past the width it was computed for.
 */
export function Chart({ geometry, showTitle = true, className }: ChartProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const { width, height, title, summary, marks, table } = geometry;
  return (
    <figure className={['chart', className].filter(Boolean).join(' ')} data-chart={geometry.kind}>
      {showTitle && (
        <figcaption className="chart-title" aria-hidden="true">
          {title}
        </figcaption>
      )}
      <svg
        className="chart-svg"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        {marks.map((mark, index) => (
          // Marks have no identity of their own: their order is their key, and a new geometry redraws them all.
          <MarkShape key={index} mark={mark} />
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length}>Aucune donnée</td>
            </tr>
          ) : (
            table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) =>
                  cellIndex === 0 ? (
                    <th key={cellIndex} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={cellIndex}>{cell}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </figure>
  );
}
