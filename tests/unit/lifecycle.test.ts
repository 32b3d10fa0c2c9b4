import { describe, it, expect } from 'vitest';
import { contractEndDate, lifecycleStatus, nextAnniversaryAfter } from '@shared/domain/lifecycle';
import { cptsLifecycleSchema, type CptsLifecycle } from '@shared/schemas/cpts';

const blank: CptsLifecycle = {
  letterOfIntentSubmittedOn: null,
  letterOfIntentValidatedOn: null,
  healthProjectSubmittedOn: null,
  healthProjectValidatedOn: null,
  aciSignedOn: null,
  aciContractNumber: null,
  aciAnniversaryOn: null,
};

describe('lifecycle stage', () => {
  it('walks from emergence to a validated health project', () => {
    expect(lifecycleStatus(blank, '2026-11-23').code).toBe('emergence');
    const letter = { ...blank, letterOfIntentSubmittedOn: '2019-09-01' };
    expect(lifecycleStatus(letter, '2026-11-23')).toMatchObject({
      code: 'letter_submitted',
      label: expect.stringContaining('Lettre d’intention déposée'),
    });
    const validated = { ...letter, letterOfIntentValidatedOn: '2019-12-18' };
    expect(lifecycleStatus(validated, '2026-11-23').code).toBe('letter_validated');
    const project = { ...validated, healthProjectSubmittedOn: '2020-03-01' };
    expect(lifecycleStatus(project, '2026-11-23').code).toBe('project_submitted');
    const projectOk = { ...project, healthProjectValidatedOn: '2020-05-01' };
    expect(lifecycleStatus(projectOk, '2026-11-23')).toMatchObject({ code: 'project_validated', contractEnd: null });
  });

  it('counts the contract year and the next anniversary (SEG signed on 9 July 2020)', () => {
    const signed = { ...blank, aciSignedOn: '2023-07-09' };
    const status = lifecycleStatus(signed, '2024-11-23');
    expect(status).toMatchObject({
      code: 'contract_running',
      contractYear: 2,
      nextAnniversary: '2025-07-09',
      contractEnd: '2028-07-08',
    });
    expect(status.label).toBe('Contrat ACI signé — année 2 sur 5');
    expect(lifecycleStatus(signed, '2023-07-09')).toMatchObject({ contractYear: 1, nextAnniversary: '2024-07-09' });
    expect(lifecycleStatus(signed, '2024-07-09')).toMatchObject({ contractYear: 2, nextAnniversary: '2025-07-09' });
  });

  it('uses the date anniversaire when it differs from the signature date', () => {
    const status = lifecycleStatus(
      { ...blank, aciSignedOn: '2023-07-09', aciAnniversaryOn: '2023-09-01' },
      '2024-11-23',
    );
    expect(status.nextAnniversary).toBe('2025-09-01');
    // Years run from anniversary to anniversary: 1 Sept 2024 – 31 Aug 2025 is year 2; the contract ends the day
    // before the fifth anniversary.
    expect(status).toMatchObject({ contractYear: 2, contractEnd: '2028-08-31' });
  });

  it('counts contract years by anniversary, not by 365.25-day steps', () => {
    // 365 days after a signature on 1 March 2021 is 1 March 2022: the first anniversary, year 2 begins.
    const signed = { ...blank, aciSignedOn: '2021-03-01' };
    expect(lifecycleStatus(signed, '2022-02-28')).toMatchObject({ contractYear: 1 });
    expect(lifecycleStatus(signed, '2022-03-01')).toMatchObject({ contractYear: 2 });
    expect(lifecycleStatus(signed, '2025-03-01')).toMatchObject({ contractYear: 5 });
  });

  it('asks for the renewal dossier in the last six months and flags an ended contract', () => {
    const signed = { ...blank, aciSignedOn: '2020-07-09' };
    expect(contractEndDate('2020-07-09')).toBe('2025-07-08');
    expect(lifecycleStatus(signed, '2025-03-01')).toMatchObject({
      code: 'contract_renewal',
      contractYear: 5,
      nextAnniversary: null,
    });
    expect(lifecycleStatus(signed, '2024-03-01')).toMatchObject({ contractYear: 4, nextAnniversary: '2024-07-09' });
    expect(lifecycleStatus(signed, '2025-07-08')).toMatchObject({ code: 'contract_renewal', daysToContractEnd: 0 });
    expect(lifecycleStatus(signed, '2025-07-09')).toMatchObject({
      code: 'contract_ended',
      label: expect.stringContaining('renouvellement'),
    });
  });

  it('shows a signature planned in the future as such', () => {
    expect(lifecycleStatus({ ...blank, aciSignedOn: '2027-01-15' }, '2026-11-23').label).toBe(
      'Signature du contrat ACI programmée',
    );
  });

  it('computes anniversaries across leap years', () => {
    expect(nextAnniversaryAfter('2020-02-29', '2021-03-01')).toBe('2022-02-28');
    expect(nextAnniversaryAfter('2020-07-09', '2020-07-09')).toBe('2021-07-09');
  });
});

describe('lifecycle schema', () => {
  it('refuses dates in the wrong order with a French message on the later field', () => {
    const result = cptsLifecycleSchema.safeParse({
      ...blank,
      letterOfIntentSubmittedOn: '2020-05-01',
      letterOfIntentValidatedOn: '2020-04-01',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['letterOfIntentValidatedOn'],
      message: expect.stringContaining('ne peut pas précéder son dépôt'),
    });
  });

  it('refuses an impossible date and an anniversary without signature', () => {
    expect(cptsLifecycleSchema.safeParse({ ...blank, aciSignedOn: '2020-13-45' }).error?.issues[0]?.message).toMatch(
      /n'est pas une date valide/,
    );
    expect(cptsLifecycleSchema.safeParse({ ...blank, aciAnniversaryOn: '2021-01-01' }).error?.issues[0]?.path).toEqual([
      'aciSignedOn',
    ]);
  });

  it('turns empty strings into nulls', () => {
    expect(cptsLifecycleSchema.parse({ ...blank, aciSignedOn: '', aciContractNumber: '  ' })).toEqual(blank);
  });
});
