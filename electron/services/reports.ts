import type { Kysely } from 'kysely';
import type { IdentitySheetData } from '../../shared/reports/identity';
import type { DB } from '../db/schema';
import { getCptsProfile } from './cpts';
import { UserError } from './errors';
import { getTerritory } from './territory';

/** Gathers the plain data of the « Fiche d'identité de la CPTS ». */
export async function identitySheetData(db: Kysely<DB>, now: Date, today: string): Promise<IdentitySheetData> {
  const profile = await getCptsProfile(db, today);
  if (!profile.updatedAt) {
    throw new UserError('conflict', 'Renseignez d’abord l’identité de la CPTS (au moins son nom) dans « Ma CPTS » avant d’exporter sa fiche.');
  }
  const territory = await getTerritory(db);
  const { identity, lifecycle, status } = profile;
  const cityLine = [identity.postalCode, identity.city].filter(Boolean).join(' ');
  return {
    generatedAt: now.toISOString(),
    cpts: {
      name: identity.name,
      legalForm: identity.legalForm,
      rna: identity.rna,
      siren: identity.siren,
      siret: identity.siret,
      addressLines: [identity.addressLine, cityLine].filter((line): line is string => Boolean(line)),
      presidentName: identity.presidentName,
      coordinatorName: identity.coordinatorName,
      email: identity.email,
      phone: identity.phone,
      website: identity.website,
      ars: profile.arsName,
      cpam: identity.cpam,
    },
    lifecycle: {
      stageLabel: status.label,
      contractNumber: lifecycle.aciContractNumber,
      steps: status.steps.map((step) => ({ label: step.label, date: step.date })),
      nextAnniversary: status.nextAnniversary,
      contractEnd: status.contractEnd,
    },
    territory: {
      referenceLabel: territory.referenceLabel,
      communeCount: territory.communeCount,
      totalPopulation: territory.totalPopulation,
      sizeClass: territory.sizeClass,
      communes: territory.communes.map((commune) => ({
        code: commune.code,
        nom: commune.nom,
        departementCode: commune.departementCode,
        departementNom: commune.departementNom,
        population: commune.population,
      })),
      departements: territory.departements.map(({ code, nom, communeCount, population }) => ({ code, nom, communeCount, population })),
      epcis: territory.epcis,
    },
  };
}

/** « Fiche d'identité - CPTS Sud-Est Grenoblois - 2026-11-23.pdf », safe on every file system. */
export function suggestedFileName(title: string, cptsName: string, today: string): string {
  const safeName = cptsName.replace(/[\\/:*?"<>|]/g, '-').trim();
  return `${title} - ${safeName} - ${today}.pdf`;
}
