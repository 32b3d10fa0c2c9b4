/** The new-contract form's starting values, from the CPTS record or from the contract it renews. */
import type { Kysely } from 'kysely';
import { ACI_VERSIONS, currentAciVersion } from '@shared/domain/aci';
import type { ContractDraft } from '@shared/contract';
import type { DB } from '../../db/schema';
import { getCptsProfile } from '../cpts';

/**
 * The new-contract form's starting values: a first contract takes its number and dates from the CPTS record, and
 * its signatories from the CPTS's identity (president, CPAM and ARS of attachment); a renewal follows the latest
 * contract and keeps its signatories' organisations.
 */
export async function contractDraft(db: Kysely<DB>, today: string): Promise<ContractDraft> {
  const latest = await db
    .selectFrom('aci_contract')
    .select(['id', 'number'])
    .orderBy('signed_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const fallbackVersion = ACI_VERSIONS[ACI_VERSIONS.length - 1]!.code;
  if (latest) {
    const signatories = await db
      .selectFrom('aci_contract_signatory')
      .select(['party', 'organisation', 'signatory_role'])
      .where('contract_id', '=', latest.id)
      .orderBy('id')
      .execute();
    return {
      data: {
        aciVersion: currentAciVersion(today)?.code ?? fallbackVersion,
        signedOn: null,
        anniversaryOn: null,
        durationYears: 5,
        status: 'en_preparation',
        previousContractId: latest.id,
        signatories: signatories.map((row) => ({
          party: row.party,
          organisation: row.organisation,
          role: row.signatory_role,
        })),
        optionalMissions: [],
      },
      notes: [
        `Renouvellement du contrat${latest.number ? ` n° ${latest.number}` : ''} : les organismes signataires sont repris.`,
      ],
    };
  }
  const { identity, lifecycle, arsName } = await getCptsProfile(db, today);
  const signedOn = lifecycle.aciSignedOn;
  const signatories: NonNullable<ContractDraft['data']['signatories']> = [];
  if (identity.name)
    signatories.push({
      party: 'cpts',
      organisation: identity.name,
      name: identity.presidentName,
      role: identity.presidentName ? 'Président·e' : null,
      signedOn,
    });
  if (identity.cpam) signatories.push({ party: 'cpam', organisation: identity.cpam, signedOn });
  if (arsName) signatories.push({ party: 'ars', organisation: arsName, signedOn });
  const notes: string[] = [];
  if (signedOn || lifecycle.aciContractNumber)
    notes.push('Numéro et dates repris des étapes du projet de la fiche « Ma CPTS ».');
  if (signatories.length) notes.push('Signataires repris de l’identité de la CPTS : complétez les noms et qualités.');
  return {
    data: {
      number: lifecycle.aciContractNumber,
      aciVersion: currentAciVersion(signedOn ?? today)?.code ?? fallbackVersion,
      signedOn,
      anniversaryOn: lifecycle.aciAnniversaryOn,
      durationYears: 5,
      status: signedOn ? 'actif' : 'en_preparation',
      previousContractId: null,
      signatories,
      optionalMissions: [],
    },
    notes,
  };
}
