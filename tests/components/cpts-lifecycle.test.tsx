// @vitest-environment jsdom
/**
 * Ma CPTS, « Étapes et contrat ACI », on the REAL handlers: while an ACI contract is in force, its signature date,
 * number and date anniversaire come from the contract (it writes them on the CPTS record) and cannot be changed here.
 */
import { configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '@shared/contract';
import { SAMPLE_CONTRACT, seedContract } from '../fixtures/contract';
import { realApiPerTest, type RealBackend } from './real-api';
import { renderApp } from './render-app';
import { SAMPLE_LIFECYCLE, seedSampleCpts } from './seed-cpts';

configure({ asyncUtilTimeout: 8_000 });

const real = realApiPerTest();

/** The French error shown under an input (through aria-describedby), or '' when none. */
function errorUnder(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-erreur'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const cptsRow = (backend: RealBackend) =>
  backend.database.db.selectFrom('cpts').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

const contractInputs = () => ({
  signed: screen.getByLabelText('Contrat ACI signé le') as HTMLInputElement,
  number: screen.getByLabelText('Numéro du contrat ACI') as HTMLInputElement,
  anniversary: screen.getByLabelText('Date anniversaire du contrat') as HTMLInputElement,
});

describe('Ma CPTS — les dates du contrat ACI', () => {
  it('are typed here while there is no contract', async () => {
    const backend = await real.install({ now: () => new Date('2026-05-15T10:00:00') });
    await seedSampleCpts(backend);
    const { user } = renderApp('/cpts');
    await screen.findByRole('heading', { name: 'Étapes et contrat ACI' });
    const { number } = contractInputs();
    expect(number.readOnly).toBe(false);
    expect(screen.queryByText(/Ces dates viennent du contrat ACI/)).toBeNull();
    await user.clear(number);
    await user.type(number, 'ACI-38-2022-015');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les étapes' }));
    await waitFor(async () => expect((await cptsRow(backend)).aci_contract_number).toBe('ACI-38-2022-015'));
  });

  it('come from the contract in force: read-only, with a link to it, the other stages still saved', async () => {
    const backend = await real.install({ now: () => new Date('2026-05-15T10:00:00') });
    await seedSampleCpts(backend);
    await seedContract(backend);
    const { user } = renderApp('/cpts');
    await screen.findByRole('heading', { name: 'Étapes et contrat ACI' });
    const { signed, number, anniversary } = contractInputs();
    expect([signed.value, number.value, anniversary.value]).toEqual(['2022-04-01', 'CPTS-38-2022-004', '2022-04-01']);
    expect([signed.readOnly, number.readOnly, anniversary.readOnly]).toEqual([true, true, true]);
    const note = screen.getByText(/Ces dates viennent du contrat ACI/);
    expect(note.querySelector('a')?.getAttribute('href')).toBe('/projet-de-sante/contrat');
    // Typing into a read-only field changes nothing.
    await user.type(number, '-BIS');
    expect(number.value).toBe('CPTS-38-2022-004');

    const intent = screen.getByLabelText("Lettre d'intention déposée le");
    await user.clear(intent);
    await user.type(intent, '2021-01-20');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les étapes' }));
    await waitFor(async () => expect((await cptsRow(backend)).letter_of_intent_submitted_on).toBe('2021-01-20'));
    expect(await cptsRow(backend)).toMatchObject({
      aci_signed_on: '2022-04-01',
      aci_contract_number: 'CPTS-38-2022-004',
    });
  });

  it('are refused by the main process when they differ from the contract, with the reason under the field', async () => {
    const backend = await real.install({ now: () => new Date('2026-05-15T10:00:00') });
    await seedSampleCpts(backend);
    const contract = await seedContract(backend);

    // Straight to the handler: another number is refused, nothing written.
    const before = await cptsRow(backend);
    const refused = await backend.call('cpts.saveLifecycle', {
      ...SAMPLE_LIFECYCLE,
      aciSignedOn: '2022-04-01',
      aciContractNumber: 'ACI-AUTRE',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toMatch(/viennent du contrat ACI en cours.*Rien n’a été enregistré/);
    }
    expect(await cptsRow(backend)).toEqual(before);

    // On screen: the contract's number changes in another window while Ma CPTS is open with the former one.
    const { user } = renderApp('/cpts');
    await screen.findByRole('heading', { name: 'Étapes et contrat ACI' });
    await backend.ok('contract.update', {
      id: contract.id,
      data: { ...SAMPLE_CONTRACT, number: 'CPTS-38-2022-004-A' },
    } as ChannelInput<'contract.update'>);
    const afterUpdate = await cptsRow(backend);
    await user.click(screen.getByRole('button', { name: 'Enregistrer les étapes' }));
    const { number, signed } = contractInputs();
    await waitFor(() =>
      expect(errorUnder(number)).toBe('Ce numéro vient du contrat ACI en cours : modifiez-le sur la page du contrat.'),
    );
    expect(errorUnder(signed)).toBe('');
    expect(await cptsRow(backend)).toEqual(afterUpdate);
    expect(afterUpdate.aci_contract_number).toBe('CPTS-38-2022-004-A');
  });
});
