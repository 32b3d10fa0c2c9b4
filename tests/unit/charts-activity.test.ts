import { describe, expect, it } from 'vitest';
import {
  budgetByMissionChart,
  type ChartGeometry,
  meetingsPerMonthChart,
  membersByProfessionChart,
  membersOverYearsChart,
  type RectMark,
} from '@shared/charts';

const NB = '\u00a0';
const rects = (chart: ChartGeometry) => chart.marks.filter((mark): mark is RectMark => mark.type === 'rect');

describe('Adhérents par profession', () => {
  it('draws one bar per profession with members, the largest first, and lists them in its table', () => {
    const chart = membersByProfessionChart({
      year: 2025,
      byProfession: [
        { label: 'Infirmier', count: 42, previous: 40 },
        { label: 'Kinésithérapeute', count: 0, previous: 2 },
        { label: 'Médecin généraliste', count: 57, previous: 50 },
        { label: 'Orthophoniste', count: 42, previous: 30 },
      ],
    });
    expect(chart.title).toBe('Adhérents par profession au 31/12/2025');
    expect(chart.table.columns).toEqual(['Profession', 'Adhérents']);
    expect(chart.table.rows).toEqual([
      ['Médecin généraliste', '57'],
      ['Infirmier', '42'],
      ['Orthophoniste', '42'],
    ]);
    const bars = rects(chart);
    expect(bars).toHaveLength(3);
    const [doctors, nurses] = bars;
    expect(doctors?.width).toBeGreaterThan(nurses?.width ?? Number.POSITIVE_INFINITY);
  });

  it('says there is nothing to draw when nobody is a member', () => {
    const chart = membersByProfessionChart({
      year: 2021,
      byProfession: [{ label: 'Infirmier', count: 0, previous: null }],
    });
    expect(chart.empty).toBe(true);
  });
});

describe('Évolution du nombre d’adhérents', () => {
  it('puts the years in order, one point each, with the count on 31 December', () => {
    const chart = membersOverYearsChart([
      { year: 2024, count: 380 },
      { year: 2022, count: 210 },
      { year: 2023, count: 301 },
    ]);
    expect(chart.kind).toBe('lines');
    expect(chart.table.rows).toEqual([
      ['31/12/2022', '210'],
      ['31/12/2023', '301'],
      ['31/12/2024', '380'],
    ]);
    expect(chart.marks.filter((mark) => mark.type === 'circle')).toHaveLength(3);
  });

  it('is empty without any year', () => {
    expect(membersOverYearsChart([]).empty).toBe(true);
  });
});

describe('Réunions par mois', () => {
  it('has twelve months, January first, zero where nothing was held', () => {
    const chart = meetingsPerMonthChart([3, 0, 5], 2025);
    expect(chart.title).toBe('Réunions tenues par mois en 2025');
    expect(chart.table.rows).toHaveLength(12);
    expect(chart.table.rows[0]).toEqual(['janv.', '3']);
    expect(chart.table.rows[2]).toEqual(['mars', '5']);
    expect(chart.table.rows[11]).toEqual(['déc.', '0']);
    const march = rects(chart).find((rect) => rect.label?.startsWith('mars'));
    const january = rects(chart).find((rect) => rect.label?.startsWith('janv.'));
    expect(march?.height).toBeGreaterThan(january?.height ?? Number.POSITIVE_INFINITY);
  });

  it('is empty for a year without meetings', () => {
    expect(meetingsPerMonthChart(Array(12).fill(0), 2021).empty).toBe(true);
  });
});

describe('Budget par mission', () => {
  it('sets the envelope next to the planned and spent budget of the fiches, in euros', () => {
    const chart = budgetByMissionChart([
      { missionLabel: 'Accès aux soins', envelopeCents: 1_500_000, plannedCents: 800_000, spentCents: 650_050 },
      { missionLabel: 'Parcours', envelopeCents: null, plannedCents: 200_000, spentCents: 0 },
    ]);
    expect(chart.table.columns).toEqual(['Mission', 'Enveloppe', 'Budget prévu des fiches', 'Dépensé']);
    expect(chart.table.rows[0]).toEqual([
      'Accès aux soins',
      `15${NB}000${NB}€`,
      `8${NB}000${NB}€`,
      `6${NB}500,50${NB}€`,
    ]);
    expect(chart.legend.map((entry) => entry.label)).toEqual(['Enveloppe', 'Budget prévu des fiches', 'Dépensé']);
  });

  it('leaves the envelope out when no mission has one', () => {
    const chart = budgetByMissionChart([
      { missionLabel: 'Accès aux soins', envelopeCents: null, plannedCents: 100_000, spentCents: 20_000 },
    ]);
    expect(chart.table.columns).toEqual(['Mission', 'Budget prévu des fiches', 'Dépensé']);
  });
});
