/** A CPTS with an identity, a signed contract and a small territory, written through the real handlers. */
import type { CptsIdentity, CptsLifecycle } from '@shared/schemas/cpts';
import type { installRealApi } from './real-api';

export const SAMPLE_IDENTITY: CptsIdentity = {
  name: 'CPTS Grenoble Sud',
  legalForm: 'Association loi 1901',
  rna: 'W381012345',
  siren: '732829320',
  siret: '73282932000074',
  addressLine: '12 avenue du 8 Mai 1945',
  postalCode: '38400',
  city: "Saint-Martin-d'Hères",
  presidentName: 'Dr Claire Martin',
  coordinatorName: 'Julien Favre',
  email: 'contact@cpts-grenoble-sud.fr',
  phone: '04 76 00 00 00',
  website: 'cpts-grenoble-sud.fr',
  arsRegionCode: '84',
  cpam: "CPAM de l'Isère",
};

export const SAMPLE_LIFECYCLE: CptsLifecycle = {
  letterOfIntentSubmittedOn: '2021-01-12',
  letterOfIntentValidatedOn: '2021-03-02',
  healthProjectSubmittedOn: '2021-10-05',
  healthProjectValidatedOn: '2021-12-06',
  aciSignedOn: '2022-03-15',
  aciContractNumber: 'ACI-38-2022-014',
  aciAnniversaryOn: null,
};

/** Saint-Martin-d'Hères, Gières, Meylan. */
export const SAMPLE_TERRITORY = ['38421', '38179', '38229'];

export async function seedSampleCpts({ ok }: Pick<Awaited<ReturnType<typeof installRealApi>>, 'ok'>) {
  await ok('cpts.saveIdentity', SAMPLE_IDENTITY);
  await ok('cpts.saveLifecycle', SAMPLE_LIFECYCLE);
  await ok('territory.addCommunes', { codes: SAMPLE_TERRITORY });
}
