import type { Kysely } from 'kysely';
import type { IdentitySheetData } from '@shared/reports/identity';
import type { CompositionData, CountWithChange, MembersListData } from '@shared/reports/members';
import { sortMembers, type MemberListRow } from '@shared/domain/members';
import { PROFESSION_BY_CODE } from '@shared/domain/professions';
import { formatDateLong } from '@shared/format';
import { listMembers, structureTypeLabelOf } from './members';
import type { DB } from '../db/schema';
import { getCptsProfile } from './cpts';
import { UserError } from './errors';
import { getTerritory } from './territory';

/** Gathers the plain data of the « Fiche d'identité de la CPTS ». */
export async function identitySheetData(db: Kysely<DB>, now: Date, today: string): Promise<IdentitySheetData> {
  const profile = await getCptsProfile(db, today);
  if (!profile.updatedAt) {
    throw new UserError(
      'conflict',
      'Renseignez d’abord l’identité de la CPTS (au moins son nom) dans « Ma CPTS » avant d’exporter sa fiche.',
    );
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
      departements: territory.departements.map(({ code, nom, communeCount, population }) => ({
        code,
        nom,
        communeCount,
        population,
      })),
      epcis: territory.epcis,
    },
  };
}

/** « Fiche d'identité - CPTS Sud-Est Grenoblois - 2026-11-23.pdf », safe on every file system. */
export function suggestedFileName(title: string, cptsName: string, today: string): string {
  const safeName = cptsName.replace(/[\\/:*?"<>|]/g, '-').trim();
  return `${title} - ${safeName} - ${today}.pdf`;
}

// ---------- Member reports ----------

const MODE_LABELS: Record<string, string> = { liberal: 'Libéral', salarie: 'Salarié', mixte: 'Mixte' };
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** « Liste des adhérents »: every active member for the bureau, or only those who consented for the annuaire. */
export async function membersListData(
  db: Kysely<DB>,
  options: { groupBy: 'profession' | 'college'; audience: 'bureau' | 'annuaire' },
  now: Date,
  today: string,
): Promise<MembersListData> {
  const profile = await getCptsProfile(db, today);
  const all = (await listMembers(db, today)).filter((row) => row.active);
  if (all.length === 0)
    throw new UserError(
      'conflict',
      'Aucun adhérent actif : ajoutez ou importez des adhérents avant d’éditer la liste.',
    );
  const members = options.audience === 'annuaire' ? all.filter((row) => row.directoryConsent) : all;
  if (members.length === 0) {
    throw new UserError(
      'conflict',
      'Aucun adhérent n’a encore accepté de figurer dans l’annuaire partagé : la liste serait vide.',
    );
  }
  const details = new Map(
    (
      await db
        .selectFrom('member')
        .select(['id', 'structure_label', 'structure_member_id', 'representative_name'])
        .execute()
    ).map((row) => [row.id, row]),
  );
  const names = new Map(all.map((row) => [row.id, row.displayName]));
  const groups = new Map<string, MembersListData['groups'][number]>();
  for (const row of sortMembers(members, 'name')) {
    const title =
      options.groupBy === 'college'
        ? (row.collegeName ?? 'Sans collège')
        : row.kind === 'structure'
          ? `Structures — ${structureTypeLabelOf(row.structureType) ?? 'autres'}`
          : (PROFESSION_BY_CODE.get(row.professionCode ?? '')?.inclusive ?? 'Profession non renseignée');
    const extra = details.get(row.id);
    const group = groups.get(title) ?? { title, count: 0, rows: [] };
    group.count += 1;
    group.rows.push({
      name: row.displayName,
      profession:
        row.kind === 'structure'
          ? (structureTypeLabelOf(row.structureType) ?? 'Structure')
          : [row.professionLabel, row.specialty].filter(Boolean).join(' — ') || 'Non renseignée',
      commune: row.communeName,
      structure:
        row.kind === 'structure'
          ? extra?.representative_name
            ? `Représentée par ${extra.representative_name}`
            : null
          : ((extra?.structure_member_id ? names.get(extra.structure_member_id) : null) ??
            extra?.structure_label ??
            null),
      phone: row.phone,
      email: row.email,
      identifier:
        options.audience === 'bureau'
          ? row.rpps
            ? `RPPS ${row.rpps}`
            : row.adeli
              ? `ADELI ${row.adeli}`
              : row.finessEt
                ? `FINESS ${row.finessEt}`
                : null
          : null,
      college: options.audience === 'bureau' ? row.collegeName : null,
      practiceMode: row.practiceMode ? (MODE_LABELS[row.practiceMode] ?? null) : null,
    });
    groups.set(title, group);
  }
  const withoutConsentCount = all.length - all.filter((row) => row.directoryConsent).length;
  return {
    generatedAt: now.toISOString(),
    cptsName: profile.identity.name || 'CPTS',
    audience: options.audience,
    groupBy: options.groupBy,
    notice:
      options.audience === 'bureau'
        ? 'Document interne au bureau et au conseil d’administration : il contient des données personnelles des adhérents. Ne pas diffuser.'
        : `Annuaire partagé entre adhérents : n’y figurent que les ${members.length} adhérents qui ont accepté d’y apparaître${withoutConsentCount ? ` (${withoutConsentCount} autres n’ont pas donné leur accord)` : ''}.`,
    totalCount: members.length,
    withoutConsentCount: options.audience === 'annuaire' ? withoutConsentCount : 0,
    groups: [...groups.values()].sort((a, b) => collator.compare(a.title, b.title)),
  };
}

function countBy(rows: MemberListRow[], key: (row: MemberListRow) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = key(row);
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

function withChange(current: Map<string, number>, previous: Map<string, number>): CountWithChange[] {
  const labels = new Set([...current.keys(), ...previous.keys()]);
  return [...labels]
    .map((label) => ({ label, count: current.get(label) ?? 0, previous: previous.get(label) ?? 0 }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
}

/** « Composition de la CPTS » on 31 December of `year` (today for the current year), compared with the year before. */
export async function compositionData(
  db: Kysely<DB>,
  year: number,
  now: Date,
  today: string,
): Promise<CompositionData> {
  const profile = await getCptsProfile(db, today);
  const currentYear = Number(today.slice(0, 4));
  if (year > currentYear) throw new UserError('invalid_input', `L’année ${year} n’est pas encore commencée.`);
  const asOf = year === currentYear ? today : `${year}-12-31`;
  const previousAsOf = `${year - 1}-12-31`;
  const rows = await listMembers(db, today);
  const activeOn = (date: string) =>
    rows.filter((row) => (!row.joinedOn || row.joinedOn <= date) && (!row.leftOn || row.leftOn > date));
  const current = activeOn(asOf);
  const previous = activeOn(previousAsOf);
  if (current.length === 0)
    throw new UserError('conflict', `Aucun adhérent actif au ${formatDateLong(asOf)} : la composition serait vide.`);

  const professionOf = (row: MemberListRow) =>
    row.kind === 'person' ? (PROFESSION_BY_CODE.get(row.professionCode ?? '')?.inclusive ?? 'Non renseignée') : null;
  const structureOf = (row: MemberListRow) =>
    row.kind === 'structure' ? (structureTypeLabelOf(row.structureType) ?? 'Autre structure') : null;
  const modeOf = (row: MemberListRow) =>
    row.kind === 'person' ? (row.practiceMode ? MODE_LABELS[row.practiceMode]! : 'Non renseigné') : null;

  const colleges = await db.selectFrom('college').selectAll().orderBy('position').execute();
  const collegeCurrent = countBy(current, (row) => (row.collegeId === null ? null : String(row.collegeId)));
  const collegePrevious = countBy(previous, (row) => (row.collegeId === null ? null : String(row.collegeId)));

  const territory = await getTerritory(db);
  const territoryNames = territory.communes.map((commune) => commune.nom);
  const territoryCodes = new Set(territory.communes.map((commune) => commune.code));
  const outside = 'Hors territoire';
  const columns = [...territoryNames, outside];
  const columnOf = (row: MemberListRow) =>
    row.communeCode && territoryCodes.has(row.communeCode) ? row.communeName! : outside;
  const people = current.filter((row) => row.kind === 'person');
  const matrix = new Map<string, number[]>();
  for (const row of people) {
    const profession = professionOf(row)!;
    const counts = matrix.get(profession) ?? columns.map(() => 0);
    counts[columns.indexOf(columnOf(row))]! += 1;
    matrix.set(profession, counts);
  }
  const usedColumns = columns
    .map((_, index) => index)
    .filter((index) => index < territoryNames.length || [...matrix.values()].some((counts) => counts[index]! > 0));
  const matrixRows = [...matrix.entries()]
    .map(([profession, counts]) => ({
      profession,
      counts: usedColumns.map((index) => counts[index]!),
      total: counts.reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.total - a.total || collator.compare(a.profession, b.profession));
  const covered = new Set(
    current.map((row) => row.communeCode).filter((code): code is string => code !== null && territoryCodes.has(code)),
  );

  return {
    generatedAt: now.toISOString(),
    cptsName: profile.identity.name || 'CPTS',
    year,
    asOf,
    previousAsOf,
    totals: {
      active: { label: 'Adhérents actifs', count: current.length, previous: previous.length },
      persons: {
        label: 'Personnes',
        count: current.filter((row) => row.kind === 'person').length,
        previous: previous.filter((row) => row.kind === 'person').length,
      },
      structures: {
        label: 'Structures',
        count: current.filter((row) => row.kind === 'structure').length,
        previous: previous.filter((row) => row.kind === 'structure').length,
      },
      joined: rows.filter((row) => row.joinedOn && row.joinedOn > previousAsOf && row.joinedOn <= asOf).length,
      left: rows.filter((row) => row.leftOn && row.leftOn > previousAsOf && row.leftOn <= asOf).length,
    },
    byProfession: withChange(countBy(current, professionOf), countBy(previous, professionOf)),
    byStructureType: withChange(countBy(current, structureOf), countBy(previous, structureOf)),
    byPracticeMode: withChange(countBy(current, modeOf), countBy(previous, modeOf)),
    byCollege: colleges.map((college) => ({
      label: college.name,
      count: collegeCurrent.get(String(college.id)) ?? 0,
      previous: collegePrevious.get(String(college.id)) ?? 0,
      votingRight: college.voting_right === 'deliberative' ? ('délibérative' as const) : ('consultative' as const),
      seats: college.seats,
      voteWeight: college.vote_weight,
    })),
    professionByCommune: {
      communes: usedColumns.map((index) => columns[index]!),
      rows: matrixRows,
      totals: usedColumns.map((_, position) => matrixRows.reduce((sum, row) => sum + row.counts[position]!, 0)),
    },
    territory: { communes: territory.communeCount, covered: covered.size },
  };
}
