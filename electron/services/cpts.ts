import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CptsProfile } from '@shared/contract';
import { lifecycleStatus } from '@shared/domain/lifecycle';
import type { CptsIdentity, CptsLifecycle } from '@shared/schemas/cpts';
import type { CptsTable, DB } from '../db/schema';
import { audit } from './audit';
import { arsRegions } from './communes';
import { UserError } from './errors';
import { removeDocument } from './documents';
import { imageDataUrl, loadReportImage, storeImage } from './report-drafts/images';

const EMPTY_IDENTITY: CptsIdentity = {
  name: '',
  legalForm: 'Association loi 1901',
  rna: null,
  siren: null,
  siret: null,
  addressLine: null,
  postalCode: null,
  city: null,
  presidentName: null,
  coordinatorName: null,
  email: null,
  phone: null,
  website: null,
  arsRegionCode: null,
  cpam: null,
};

const EMPTY_LIFECYCLE: CptsLifecycle = {
  letterOfIntentSubmittedOn: null,
  letterOfIntentValidatedOn: null,
  healthProjectSubmittedOn: null,
  healthProjectValidatedOn: null,
  aciSignedOn: null,
  aciContractNumber: null,
  aciAnniversaryOn: null,
};

function identityFromRow(row: Selectable<CptsTable>): CptsIdentity {
  return {
    name: row.name,
    legalForm: row.legal_form as CptsIdentity['legalForm'],
    rna: row.rna,
    siren: row.siren,
    siret: row.siret,
    addressLine: row.address_line,
    postalCode: row.postal_code,
    city: row.city,
    presidentName: row.president_name,
    coordinatorName: row.coordinator_name,
    email: row.email,
    phone: row.phone,
    website: row.website,
    arsRegionCode: row.ars_region_code,
    cpam: row.cpam,
  };
}

function lifecycleFromRow(row: Selectable<CptsTable>): CptsLifecycle {
  return {
    letterOfIntentSubmittedOn: row.letter_of_intent_submitted_on,
    letterOfIntentValidatedOn: row.letter_of_intent_validated_on,
    healthProjectSubmittedOn: row.health_project_submitted_on,
    healthProjectValidatedOn: row.health_project_validated_on,
    aciSignedOn: row.aci_signed_on,
    aciContractNumber: row.aci_contract_number,
    aciAnniversaryOn: row.aci_anniversary_on,
  };
}

/** The CPTS profile without its logo (what the reports need: the name, the identity). */
export type CptsRecord = Omit<CptsProfile, 'logo'>;

/** The CPTS profile; a blank one (updatedAt null) before the first save. */
export async function getCptsProfile(db: Kysely<DB>, today: string): Promise<CptsRecord> {
  const row = await db.selectFrom('cpts').selectAll().where('id', '=', 1).executeTakeFirst();
  const identity = row ? identityFromRow(row) : EMPTY_IDENTITY;
  const lifecycle = row ? lifecycleFromRow(row) : EMPTY_LIFECYCLE;
  const ars = identity.arsRegionCode
    ? arsRegions().find((region) => region.code === identity.arsRegionCode)
    : undefined;
  return {
    identity,
    lifecycle,
    status: lifecycleStatus(lifecycle, today),
    arsName: ars?.arsName ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function saveCptsIdentity(db: Kysely<DB>, identity: CptsIdentity, today: string): Promise<CptsRecord> {
  if (identity.arsRegionCode && !arsRegions().some((region) => region.code === identity.arsRegionCode)) {
    throw new UserError('invalid_input', 'Choisissez l’ARS de rattachement dans la liste.', {
      arsRegionCode: 'Choisissez l’ARS de rattachement dans la liste.',
    });
  }
  const values = {
    name: identity.name,
    legal_form: identity.legalForm,
    rna: identity.rna,
    siren: identity.siren,
    siret: identity.siret,
    address_line: identity.addressLine,
    postal_code: identity.postalCode,
    city: identity.city,
    president_name: identity.presidentName,
    coordinator_name: identity.coordinatorName,
    email: identity.email,
    phone: identity.phone,
    website: identity.website,
    ars_region_code: identity.arsRegionCode,
    cpam: identity.cpam,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cpts')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...values, updated_at: new Date().toISOString() }))
      .execute();
    await audit(trx, 'update', 'cpts', '1', 'identité');
  });
  return getCptsProfile(db, today);
}

const DATE_FROM_CONTRACT = 'Cette date vient du contrat ACI en cours : modifiez-la sur la page du contrat.';
const NUMBER_FROM_CONTRACT = 'Ce numéro vient du contrat ACI en cours : modifiez-le sur la page du contrat.';

/**
 * The contract in force writes its signature date, number and date anniversaire on the CPTS record (see the
 * contract service): they change on the contract only. Refused, with the reason under each field, when the life
 * stages would change them; the contract's own values otherwise (an anniversary left empty is the signature date).
 */
async function contractDates(trx: Transaction<DB>, lifecycle: CptsLifecycle) {
  const values = {
    aci_signed_on: lifecycle.aciSignedOn,
    aci_contract_number: lifecycle.aciContractNumber,
    aci_anniversary_on: lifecycle.aciAnniversaryOn,
  };
  const active = await trx
    .selectFrom('aci_contract')
    .select(['number', 'signed_on', 'anniversary_on'])
    .where('status', '=', 'actif')
    .executeTakeFirst();
  if (!active) return values;
  const fields: Record<string, string> = {};
  if (lifecycle.aciSignedOn !== active.signed_on) fields.aciSignedOn = DATE_FROM_CONTRACT;
  if (lifecycle.aciContractNumber !== active.number) fields.aciContractNumber = NUMBER_FROM_CONTRACT;
  const anniversary = lifecycle.aciAnniversaryOn ?? lifecycle.aciSignedOn;
  if (anniversary !== (active.anniversary_on ?? active.signed_on)) {
    fields.aciAnniversaryOn = DATE_FROM_CONTRACT;
  }
  if (Object.keys(fields).length > 0) {
    throw new UserError(
      'invalid_input',
      'La signature, le numéro et la date anniversaire viennent du contrat ACI en cours : ils se modifient sur la page du contrat. Rien n’a été enregistré.',
      fields,
    );
  }
  return {
    aci_signed_on: active.signed_on,
    aci_contract_number: active.number,
    aci_anniversary_on: active.anniversary_on,
  };
}

export async function saveCptsLifecycle(db: Kysely<DB>, lifecycle: CptsLifecycle, today: string): Promise<CptsRecord> {
  await db.transaction().execute(async (trx) => {
    const contract = await contractDates(trx, lifecycle);
    const result = await trx
      .updateTable('cpts')
      .set({
        letter_of_intent_submitted_on: lifecycle.letterOfIntentSubmittedOn,
        letter_of_intent_validated_on: lifecycle.letterOfIntentValidatedOn,
        health_project_submitted_on: lifecycle.healthProjectSubmittedOn,
        health_project_validated_on: lifecycle.healthProjectValidatedOn,
        ...contract,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new UserError('conflict', 'Enregistrez d’abord l’identité de la CPTS (au moins son nom), puis ses étapes.');
    }
    await audit(trx, 'update', 'cpts', '1', 'étapes et contrat');
  });
  return getCptsProfile(db, today);
}

// ---------- Logo ----------

/** The profile with its logo read from the documents folder, as the screens show it. */
export async function withLogo(db: Kysely<DB>, documentsDir: string, record: CptsRecord): Promise<CptsProfile> {
  const row = await db
    .selectFrom('cpts')
    .innerJoin('document', 'document.id', 'cpts.logo_document_id')
    .select(['document.id', 'document.file_name'])
    .where('cpts.id', '=', 1)
    .executeTakeFirst();
  const image = row ? await loadReportImage(db, documentsDir, row.id) : null;
  return { ...record, logo: row && image ? { fileName: row.file_name, dataUrl: imageDataUrl(image) } : null };
}

export async function cptsProfile(db: Kysely<DB>, documentsDir: string, today: string): Promise<CptsProfile> {
  return withLogo(db, documentsDir, await getCptsProfile(db, today));
}

/** Id of the logo's document, null without logo (or before the identity is saved). */
export async function logoDocumentId(db: Kysely<DB>): Promise<number | null> {
  const row = await db.selectFrom('cpts').select('logo_document_id').where('id', '=', 1).executeTakeFirst();
  return row?.logo_document_id ?? null;
}

/** Makes the image at `path` the CPTS logo (PNG or JPEG, 10 Mo at most); the previous logo's file is removed. */
export async function setCptsLogo(
  db: Kysely<DB>,
  documentsDir: string,
  path: string,
  today: string,
): Promise<CptsProfile> {
  const previous = await db.selectFrom('cpts').select('logo_document_id').where('id', '=', 1).executeTakeFirst();
  if (!previous)
    throw new UserError('conflict', 'Enregistrez d’abord l’identité de la CPTS (au moins son nom), puis son logo.');
  await storeImage(db, path, documentsDir, async (trx, documentId) => {
    await trx.updateTable('cpts').set({ logo_document_id: documentId }).where('id', '=', 1).execute();
    await audit(trx, 'update', 'cpts', '1', 'logo');
  });
  if (previous.logo_document_id !== null) await removeDocument(db, previous.logo_document_id, documentsDir);
  return cptsProfile(db, documentsDir, today);
}

/** Removes the CPTS logo and its file. */
export async function removeCptsLogo(db: Kysely<DB>, documentsDir: string, today: string): Promise<CptsProfile> {
  const documentId = await logoDocumentId(db);
  if (documentId !== null) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('cpts').set({ logo_document_id: null }).where('id', '=', 1).execute();
      await audit(trx, 'update', 'cpts', '1', 'logo retiré');
      await removeDocument(trx, documentId, documentsDir);
    });
  }
  return cptsProfile(db, documentsDir, today);
}
