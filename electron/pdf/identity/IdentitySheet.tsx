import type { IdentitySheetData } from '@shared/reports/identity';
import { dateLong, exportDate, formatInteger, keepNumbersTogether, nonBreaking, plural } from '@shared/format';
import {
  DocumentTitle,
  EmptyState,
  Highlight,
  KeyFigures,
  KeyValueList,
  MilestoneList,
  Note,
  Paragraph,
  Section,
  SectionTitle,
  SubsectionTitle,
  type KeyValueItem,
} from '../components';
import { chunkRows, ReportDocument, ReportPage, rowHeightUnits, Table, type TableColumn } from '../layout';
import { footerLabel } from '../text';

export const IDENTITY_SHEET_TITLE = "Fiche d'identité de la CPTS";

/** Rows of the communes table on the first territory page (below the summary) and on the following ones. */
export const COMMUNES_FIRST_PAGE = 25;
export const COMMUNES_PER_PAGE = 32;

type Territory = IdentitySheetData['territory'];
type CommuneRow = Territory['communes'][number];
type DepartementRow = Territory['departements'][number];
type EpciRow = Territory['epcis'][number];

const communeColumns: TableColumn<CommuneRow>[] = [
  { header: 'Commune', width: 44, value: (c) => c.nom },
  { header: 'Code INSEE', width: 13, value: (c) => c.code },
  { header: 'Département', width: 25, value: (c) => `${c.departementNom} (${c.departementCode})` },
  { header: 'Population', width: 18, numeric: true, value: (c) => formatInteger(c.population) },
];

const departementColumns: TableColumn<DepartementRow>[] = [
  { header: 'Code', width: 12, value: (d) => d.code },
  { header: 'Département', width: 52, value: (d) => d.nom },
  { header: 'Communes', width: 18, numeric: true, value: (d) => formatInteger(d.communeCount) },
  { header: 'Population', width: 18, numeric: true, value: (d) => formatInteger(d.population) },
];

const epciColumns: TableColumn<EpciRow>[] = [
  { header: 'Intercommunalité', width: 52, value: (e) => e.nom },
  { header: 'Code SIREN', width: 18, value: (e) => e.code },
  {
    header: 'Communes du territoire',
    width: 30,
    numeric: true,
    value: (e) => `${plural(e.communesInTerritory, 'commune')} sur ${formatInteger(e.communesTotal)}`,
  },
];

function identityItems(cpts: IdentitySheetData['cpts']): KeyValueItem[] {
  return [
    { label: 'Nom', value: cpts.name },
    { label: 'Forme juridique', value: cpts.legalForm || null },
    { label: 'Numéro RNA', value: cpts.rna },
    { label: 'SIREN', value: cpts.siren },
    { label: 'SIRET', value: cpts.siret },
    { label: 'Siège', value: cpts.addressLines },
    { label: 'Président·e', value: cpts.presidentName },
    { label: 'Coordinateur·rice', value: cpts.coordinatorName },
    { label: 'Courriel', value: cpts.email },
    { label: 'Téléphone', value: cpts.phone },
    { label: 'Site internet', value: cpts.website },
    { label: 'ARS de rattachement', value: cpts.ars },
    { label: 'CPAM de rattachement', value: cpts.cpam },
  ];
}

function contractItems(lifecycle: IdentitySheetData['lifecycle']): KeyValueItem[] {
  return [
    { label: 'Numéro du contrat ACI', value: lifecycle.contractNumber },
    { label: 'Prochaine date anniversaire', value: dateLong(lifecycle.nextAnniversary) || null },
    { label: 'Fin du contrat', value: dateLong(lifecycle.contractEnd) || null },
  ];
}

function hasContract(lifecycle: IdentitySheetData['lifecycle']): boolean {
  return lifecycle.contractNumber !== null || lifecycle.nextAnniversary !== null || lifecycle.contractEnd !== null;
}

/** « 3 communes, 50 361 habitants — taille 2 (de 40 000 à 80 000 habitants) selon le barème ACI CPTS 2019 (avenant 2) » */
export function territorySummary(territory: Territory): string {
  const counts = `${plural(territory.communeCount, 'commune')}, ${plural(territory.totalPopulation, 'habitant')}`;
  const size = territory.sizeClass;
  if (!size) return `${counts} — taille non déterminée.`;
  return nonBreaking(`${counts} — taille ${size.taille} (${size.label}) selon le barème ${size.tableVersion}.`);
}

function TerritoryFigures({ territory }: { territory: Territory }) {
  const size = territory.sizeClass;
  return (
    <KeyFigures
      items={[
        { label: 'Communes', value: formatInteger(territory.communeCount) },
        { label: 'Habitants', value: formatInteger(territory.totalPopulation) },
        size
          ? { label: 'Taille ACI', value: String(size.taille), detail: keepNumbersTogether(size.label) }
          : { label: 'Taille ACI', value: 'Non déterminée' },
      ]}
    />
  );
}

/** Départements, intercommunalités and the source note, after the last communes rows. */
function TerritoryAppendix({ territory }: { territory: Territory }) {
  return (
    <>
      {territory.departements.length > 0 ? (
        <>
          <SubsectionTitle>Départements</SubsectionTitle>
          <Table columns={departementColumns} rows={territory.departements} rowKey={(d) => d.code} />
        </>
      ) : null}
      {territory.epcis.length > 0 ? (
        <>
          <SubsectionTitle>Intercommunalités (EPCI)</SubsectionTitle>
          <Table columns={epciColumns} rows={territory.epcis} rowKey={(e) => e.code} />
        </>
      ) : null}
      <Note>{`Source : ${territory.referenceLabel}.`}</Note>
    </>
  );
}

/** The « Fiche d'identité de la CPTS »: identity, project steps and ACI contract, territory. */
export function IdentitySheet({ data }: { data: IdentitySheetData }) {
  const { cpts, lifecycle, territory } = data;
  const footer = footerLabel(IDENTITY_SHEET_TITLE, data.generatedAt);
  const frame = { cptsName: cpts.name, reportTitle: IDENTITY_SHEET_TITLE, footer };
  const situationDate = exportDate(data.generatedAt);

  const communePages = chunkRows(
    territory.communes,
    COMMUNES_PER_PAGE,
    COMMUNES_FIRST_PAGE,
    rowHeightUnits(communeColumns),
  );
  const populationSum = territory.communes.reduce((sum, commune) => sum + commune.population, 0);
  const totalRow = ['Total', '', '', formatInteger(populationSum)];
  const firstRowIndex = communePages.map((_, pageIndex) =>
    communePages.slice(0, pageIndex).reduce((count, rows) => count + rows.length, 0),
  );

  return (
    <ReportDocument title={`${IDENTITY_SHEET_TITLE} — ${cpts.name}`} author={cpts.name} subject={IDENTITY_SHEET_TITLE}>
      <ReportPage {...frame} bookmark="Identité">
        <DocumentTitle
          title={IDENTITY_SHEET_TITLE}
          subtitle={cpts.name}
          {...(situationDate ? { meta: `Situation au ${situationDate}` } : {})}
        />
        <Section title="Identité">
          <KeyValueList items={identityItems(cpts)} />
        </Section>
        <Section title="Étapes du projet et contrat ACI">
          <Highlight label="Étape actuelle" value={lifecycle.stageLabel} />
          {lifecycle.steps.length > 0 ? (
            <>
              <SubsectionTitle>Étapes</SubsectionTitle>
              <MilestoneList
                items={lifecycle.steps.map((step) => ({ label: step.label, date: dateLong(step.date) || null }))}
              />
            </>
          ) : null}
          <SubsectionTitle>Contrat ACI</SubsectionTitle>
          {hasContract(lifecycle) ? (
            <KeyValueList items={contractItems(lifecycle)} />
          ) : (
            <EmptyState>Aucun contrat ACI n'est renseigné.</EmptyState>
          )}
        </Section>
      </ReportPage>

      {communePages.length === 0 ? (
        <ReportPage {...frame} bookmark="Territoire">
          <Section title="Territoire">
            <Paragraph>{territorySummary(territory)}</Paragraph>
            <EmptyState>Aucune commune n'a encore été ajoutée au territoire.</EmptyState>
            <Note>{`Source : ${territory.referenceLabel}.`}</Note>
          </Section>
        </ReportPage>
      ) : (
        communePages.map((rows, pageIndex) => {
          const last = pageIndex === communePages.length - 1;
          return (
            <ReportPage key={pageIndex} {...frame} {...(pageIndex === 0 ? { bookmark: 'Territoire' } : {})}>
              {pageIndex === 0 ? (
                <>
                  <SectionTitle>Territoire</SectionTitle>
                  <TerritoryFigures territory={territory} />
                  <Paragraph>{territorySummary(territory)}</Paragraph>
                  <SubsectionTitle>Communes du territoire</SubsectionTitle>
                </>
              ) : (
                <SubsectionTitle>Communes du territoire (suite)</SubsectionTitle>
              )}
              <Table
                columns={communeColumns}
                rows={rows}
                startIndex={firstRowIndex[pageIndex] ?? 0}
                rowKey={(c) => c.code}
                {...(last ? { totalRow } : {})}
              />
              {last ? <TerritoryAppendix territory={territory} /> : null}
            </ReportPage>
          );
        })
      )}
    </ReportDocument>
  );
}
