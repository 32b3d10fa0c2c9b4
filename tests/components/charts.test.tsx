// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { barChart, bulletChart, lineChart } from '@shared/charts';
import { Chart } from '../../renderer/src/components/charts/Chart';

afterEach(cleanup);

const NB = '\u00a0';

const members = barChart({
  title: 'Adhérents par profession',
  width: 480,
  labelHeader: 'Profession',
  valueHeader: 'Adhérents',
  items: [
    { label: 'Infirmier', value: 42 },
    { label: 'Médecin généraliste', value: 30 },
    { label: 'Masseur-kinésithérapeute exerçant en cabinet de groupe pluriprofessionnel', value: 12 },
    { label: 'Sage-femme', value: 3 },
  ],
});

describe('Chart (SVG of the chart model)', () => {
  it('is one image named by its title and described by its summary', () => {
    render(<Chart geometry={members} />);
    const image = screen.getByRole('img', { name: 'Adhérents par profession' });
    expect(image.tagName.toLowerCase()).toBe('svg');
    const description = document.getElementById(image.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(members.summary);
    expect(image.getAttribute('viewBox')).toBe(`0 0 480 ${members.height}`);
    // The visible title above the chart, and the SVG's own <title>.
    expect(screen.getAllByText('Adhérents par profession').length).toBeGreaterThanOrEqual(2);
  });

  it('draws every mark of the geometry: one bar per row, labels shortened with their whole text on hover', () => {
    const { container } = render(<Chart geometry={members} showTitle={false} />);
    const svg = screen.getByRole('img');
    const bars = Array.from(svg.querySelectorAll('rect')).filter((rect) => rect.querySelector('title'));
    expect(bars.map((rect) => rect.querySelector('title')?.textContent)).toEqual([
      'Infirmier : 42',
      'Médecin généraliste : 30',
      'Masseur-kinésithérapeute exerçant en cabinet de groupe pluriprofessionnel : 12',
      'Sage-femme : 3',
    ]);
    // Widths proportional to the values.
    const widths = bars.map((rect) => Number(rect.getAttribute('width')));
    expect(widths[0]! / widths[3]!).toBeCloseTo(42 / 3, 1);
    const long = Array.from(svg.querySelectorAll('text')).find((text) =>
      text.querySelector('title')?.textContent?.startsWith('Masseur-kinésithérapeute exerçant'),
    );
    expect(long?.firstChild?.textContent).toMatch(/…$/);
    expect(svg.querySelectorAll('text').length).toBe(members.marks.filter((mark) => mark.type === 'text').length);
    expect(container.querySelector('figcaption')).toBeNull();
  });

  it('gives its data as a hidden table: headers, one row per value, formatted in French', () => {
    render(<Chart geometry={members} />);
    const table = screen.getByRole('table', { name: 'Adhérents par profession' });
    expect(table.className).toContain('visually-hidden');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Profession', 'Adhérents']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('Infirmier');
    expect(within(rows[0]!).getByRole('cell').textContent).toBe('42');
  });

  it('draws a target as a dashed line and writes percentages the French way', () => {
    const geometry = lineChart({
      title: 'Dépistage du cancer du sein',
      width: 420,
      format: 'percent',
      zeroBased: false,
      xLabels: ['2023', '2024'],
      series: [
        { label: 'Réalisé', values: [66.26, 70.1] },
        { label: 'Cible', values: [69.7, 72.4], style: 'target' },
      ],
    });
    render(<Chart geometry={geometry} />);
    const svg = screen.getByRole('img', { name: 'Dépistage du cancer du sein' });
    const target = Array.from(svg.querySelectorAll('path')).find((path) => path.textContent === 'Cible');
    expect(target?.getAttribute('stroke-dasharray')).toBe('4 3');
    expect(target?.getAttribute('fill')).toBe('none');
    expect(svg.textContent).toContain(`66,3${NB}%`);
    const table = screen.getByRole('table', { name: 'Dépistage du cancer du sein' });
    expect(within(table).getAllByRole('row')[1]?.textContent).toBe(`202366,3${NB}%69,7${NB}%`);
  });

  it('says « Aucune donnée » in the image and in the table when there is nothing to draw', () => {
    render(<Chart geometry={bulletChart({ title: 'Cibles et réalisé', width: 300, items: [] })} />);
    expect(within(screen.getByRole('img', { name: 'Cibles et réalisé' })).getByText('Aucune donnée')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Cibles et réalisé' });
    expect(within(table).getByRole('cell').textContent).toBe('Aucune donnée');
    expect(within(table).getByRole('cell').getAttribute('colspan')).toBe('5');
  });
});
