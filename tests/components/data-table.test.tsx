// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { DataTable } from '../../renderer/src/components/DataTable';

afterEach(cleanup);

interface Commune {
  code: string;
  nom: string;
  population: number;
  small: boolean;
}

const COMMUNES: Commune[] = [
  { code: '38185', nom: 'Grenoble', population: 156_389, small: false },
  { code: '38179', nom: 'Gières', population: 6_908, small: true },
];

function CommuneTable({ rows, removed = [] }: { rows: Commune[]; removed?: string[] }) {
  return (
    <DataTable
      rows={rows}
      rowKey={(row) => row.code}
      empty="Aucune commune."
      compact
      scroll
      className="communes"
      caption="Communes du territoire"
      rowProps={(row) => ({ className: row.small ? 'row-small' : undefined })}
      columns={[
        { header: 'Commune', rowHeader: true, cell: (row) => row.nom },
        { header: 'vers', hiddenHeader: true, decorative: true, cell: () => '→' },
        {
          header: 'Population',
          className: 'num',
          cellClassName: (row) => (row.small ? 'muted' : undefined),
          cell: (row) => row.population,
        },
      ]}
      actions={(row) => (
        <button type="button" aria-label={`Retirer ${row.nom}`} disabled={removed.includes(row.code)}>
          Retirer
        </button>
      )}
      footer={
        <tr>
          <th scope="row">Total</th>
          <td colSpan={3}>{rows.length}</td>
        </tr>
      }
    />
  );
}

describe('DataTable', () => {
  it('draws the headers, the row headers, the hidden headers and the row buttons', () => {
    const { container } = render(<CommuneTable rows={COMMUNES} />);
    const table = screen.getByRole('table', { name: 'Communes du territoire' });
    expect(table.className).toBe('table table-compact communes');
    expect(table.parentElement?.className).toBe('table-scroll');

    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((th) => th.textContent)).toEqual(['Commune', 'vers', 'Population', 'Actions']);
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(headers[1]!.querySelector('.visually-hidden')?.textContent).toBe('vers');
    expect(headers[3]!.querySelector('.visually-hidden')?.textContent).toBe('Actions');
    expect(headers[2]!.className).toBe('num');

    const gieres = screen.getByRole('rowheader', { name: 'Gières' }).closest('tr')!;
    expect(gieres.className).toBe('row-small');
    const cells = gieres.querySelectorAll('td');
    expect(cells[0]!.getAttribute('aria-hidden')).toBe('true');
    expect(cells[1]!.className).toBe('num muted');
    expect(cells[2]!.className).toBe('actions');
    expect(within(gieres).getByRole('button', { name: 'Retirer Gières' })).toBeTruthy();

    const grenoble = screen.getByRole('rowheader', { name: 'Grenoble' }).closest('tr')!;
    expect(grenoble.className).toBe('');
    expect(grenoble.querySelectorAll('td')[1]!.className).toBe('num');
    expect(container.querySelector('tfoot')?.textContent).toBe('Total2');
  });

  it('says there is nothing instead of drawing an empty table', () => {
    const { container } = render(<CommuneTable rows={[]} />);
    expect(container.querySelector('table')).toBeNull();
    expect(screen.getByText('Aucune commune.').className).toBe('muted');
  });

  it('lets rows with their own state draw themselves under the same headers', () => {
    render(
      <DataTable
        rows={[2026, 2027]}
        rowKey={(year) => year}
        columns={[{ header: 'Année' }, { header: 'Actions', hiddenHeader: true }]}
        renderRow={(year) => (
          <tr>
            <th scope="row">{year}</th>
            <td className="actions">
              <button type="button">Enregistrer {year}</button>
            </td>
          </tr>
        )}
      />,
    );
    const table = screen.getByRole('table');
    expect(table.className).toBe('table');
    expect(table.parentElement?.className).not.toBe('table-scroll');
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['2026', '2027']);
    expect(within(table).getByRole('button', { name: 'Enregistrer 2027' })).toBeTruthy();
  });
});
