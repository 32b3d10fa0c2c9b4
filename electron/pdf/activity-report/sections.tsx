/** The body of each section of the rapport d’activité: the coordinator’s text first, then the figures. */
import { Text, View } from '@react-pdf/renderer';
import { attainmentBars, meetingsPerMonthChart, membersByProfessionChart, membersOverYearsChart } from '@shared/charts';
import type { TrackingIndicator } from '@shared/contract/indicators';
import {
  formatChange,
  formatEurosFromCents,
  nonBreaking,
  plural,
  shortDate,
  sinceLabel,
  sumPrevious,
} from '@shared/format';
import {
  type ActivityReportSection,
  type AssociativeLifeData,
  fteText,
  type IdentityData,
  type KeyFigure,
  keyFigureDetail,
  keyFigureValue,
  type MissionEvidence,
  type MissionFiche,
  type MissionSection,
  staffPeriod,
  type TerritoryData,
} from '@shared/reports/activity-report';
import type { CountWithChange } from '@shared/reports/members';
import { mismatchMessage, TRACKING_COLUMNS } from '@shared/reports/indicators-tracking';
import { EmptyState, KeyValueList, Note } from '../components';
import { PdfChart } from '../components/charts/PdfChart';
import { BulletList } from '../components/free-text';
import { contentWidth } from '../components/theme';
import { Grid, type GridColumn, GridTable, Table, type TableColumn } from '../layout';
import { Block, CoordinatorText, FigureGrid, Label, Photos, TEXT_MAX_CHARS } from './blocks';

import { CHART, count, styles } from './section-kit';
import { Finances, Partnerships, Perspectives, Protocols, Rcp } from './closing-sections';

// ---------------------------------------------------------------------------------------------------- synthèse

function figureItems(figures: readonly KeyFigure[]) {
  return figures.map((figure) => {
    const detail = keyFigureDetail(figure);
    return { label: figure.label, value: keyFigureValue(figure), ...(detail ? { detail } : {}) };
  });
}

function Synthesis({ keyFigures }: { keyFigures: KeyFigure[] }) {
  if (keyFigures.length === 0) return <EmptyState>Aucun chiffre clé pour cette année.</EmptyState>;
  return <FigureGrid items={figureItems(keyFigures)} />;
}

// ------------------------------------------------------------------------------------------ identité, territoire

function Identity({ identity, territory }: { identity: IdentityData; territory: TerritoryData }) {
  const communeColumns: TableColumn<TerritoryData['communes'][number]>[] = [
    { header: 'Commune', width: 5, value: (row) => row.name },
    { header: 'Code INSEE', width: 2, value: (row) => row.codeInsee },
    {
      header: 'Population',
      width: 2,
      numeric: true,
      value: (row) => (row.population === null ? '—' : count(row.population)),
    },
  ];
  const tailleColumns: TableColumn<TerritoryData['tailleByContractYear'][number]>[] = [
    { header: 'Année de contrat', width: 3, value: (row) => row.yearLabel },
    { header: 'Période', width: 4, value: (row) => row.periodLabel },
    {
      header: 'Population',
      width: 2,
      numeric: true,
      value: (row) => (row.population === null ? '—' : count(row.population)),
    },
    { header: 'Taille', width: 1.4, numeric: true, value: (row) => (row.taille === null ? '—' : String(row.taille)) },
  ];
  return (
    <>
      <Block title="L’association">
        <KeyValueList
          items={[
            { label: 'Nom', value: identity.name },
            { label: 'Forme juridique', value: identity.legalForm },
            { label: 'RNA', value: identity.rna },
            { label: 'SIRET', value: identity.siret },
            { label: 'Siège', value: identity.address },
            { label: 'Présidence', value: identity.president },
            { label: 'Coordination', value: identity.coordinator },
            { label: 'Courriel', value: identity.email },
            { label: 'Site internet', value: identity.website },
            { label: 'Contrat ACI', value: contractLine(identity) },
          ]}
        />
      </Block>
      <Block title="Le territoire">
        <FigureGrid
          items={[
            { label: 'Communes', value: count(territory.communes.length) },
            {
              label: 'Population',
              value: count(territory.population),
              ...(territory.populationYear ? { detail: `recensement ${territory.populationYear}` } : {}),
            },
          ]}
        />
        {territory.communes.length === 0 ? (
          <EmptyState>Aucune commune n’est enregistrée pour le territoire.</EmptyState>
        ) : (
          <Table columns={communeColumns} rows={territory.communes} rowKey={(row) => row.codeInsee} />
        )}
        <Note>{territory.populationSource}</Note>
      </Block>
      {territory.tailleByContractYear.length > 0 ? (
        <Block title="Taille de la CPTS par année de contrat">
          <View wrap={false}>
            <Table columns={tailleColumns} rows={territory.tailleByContractYear} />
          </View>
        </Block>
      ) : null}
    </>
  );
}

function contractLine(identity: IdentityData): string | null {
  const parts = [
    identity.contractNumber ? `n° ${identity.contractNumber}` : null,
    identity.aciSignedOn ? `signé le ${shortDate(identity.aciSignedOn)}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? nonBreaking(parts.join(', ')) : null;
}

// ------------------------------------------------------------------------------------------------ vie associative

const changeColumns = (header: string, previousAsOf: string, asOf: string): TableColumn<CountWithChange>[] => [
  { header, width: 5, value: (row) => row.label },
  {
    header: sinceLabel(previousAsOf),
    width: 1.6,
    numeric: true,
    value: (row) => (row.previous === null ? '—' : count(row.previous)),
  },
  { header: sinceLabel(asOf), width: 1.6, numeric: true, value: (row) => count(row.count) },
  { header: 'Évolution', width: 1.6, numeric: true, value: (row) => formatChange(row.count, row.previous) },
];

function changeTotal(rows: readonly CountWithChange[]): string[] {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const previous = sumPrevious(rows);
  return ['Total', previous === null ? '—' : count(previous), count(total), formatChange(total, previous)];
}

function AssociativeLife({ data }: { data: AssociativeLifeData }) {
  const { composition } = data;
  const governanceColumns: TableColumn<AssociativeLifeData['governance'][number]>[] = [
    { header: 'Date', width: 1.9, value: (row) => shortDate(row.date) },
    { header: 'Instance', width: 3, value: (row) => row.typeLabel },
    { header: 'Objet', width: 4, value: (row) => row.title },
    { header: 'Quorum', width: 4.2, value: (row) => row.quorum ?? '—' },
    { header: 'Décisions', width: 1.5, numeric: true, value: (row) => count(row.decisions) },
  ];
  const groupColumns: TableColumn<AssociativeLifeData['workingGroups'][number]>[] = [
    { header: 'Commission ou groupe de travail', width: 5, value: (row) => row.name },
    { header: 'Type', width: 3, value: (row) => row.typeLabel },
    { header: 'Réunions', width: 1.5, numeric: true, value: (row) => count(row.meetings) },
    { header: 'Participants', width: 1.7, numeric: true, value: (row) => count(row.participants) },
  ];
  const staffColumns: TableColumn<AssociativeLifeData['staff'][number]>[] = [
    { header: 'Nom', width: 3, value: (row) => row.fullName },
    { header: 'Fonction', width: 3.4, value: (row) => row.role },
    { header: 'Statut', width: 2, value: (row) => row.employmentLabel },
    { header: 'Temps', width: 1.2, numeric: true, value: (row) => fteText(row.fte) },
    { header: 'Période', width: 3, value: (row) => staffPeriod(row) },
  ];
  const communes = composition.professionByCommune.communes.map((label, index) => ({
    label,
    count: composition.professionByCommune.totals[index] ?? 0,
  }));
  const communeColumns: TableColumn<{ label: string; count: number }>[] = [
    { header: 'Commune d’exercice', width: 5, value: (row) => row.label },
    { header: `Adhérents ${sinceLabel(composition.asOf)}`, width: 2, numeric: true, value: (row) => count(row.count) },
  ];
  const { totals } = composition;
  const meetingsInYear = data.meetingsPerMonth.reduce((sum, value) => sum + value, 0);
  return (
    <>
      <Block title="Instances statutaires">
        {data.governance.length === 0 ? (
          <EmptyState>Aucune assemblée générale, aucun conseil d’administration ni bureau dans l’année.</EmptyState>
        ) : (
          <Table columns={governanceColumns} rows={data.governance} rowKey={(row) => String(row.id)} />
        )}
      </Block>
      <Block title="Commissions et groupes de travail" rows={data.workingGroups.length}>
        {data.workingGroups.length === 0 ? (
          <EmptyState>Aucune réunion de commission ni de groupe de travail dans l’année.</EmptyState>
        ) : (
          <Table columns={groupColumns} rows={data.workingGroups} rowKey={(row) => `${row.typeLabel}-${row.name}`} />
        )}
      </Block>
      <Text style={styles.muted}>
        {nonBreaking(
          `${plural(meetingsInYear, 'réunion tenue', 'réunions tenues')} dans l’année, toutes instances confondues (hors RCP).`,
        )}
      </Text>
      <PdfChart geometry={meetingsPerMonthChart(data.meetingsPerMonth, composition.year, CHART)} />
      <Block title="Les adhérents">
        <FigureGrid
          items={[
            {
              label: `Adhérents ${sinceLabel(composition.asOf)}`,
              value: count(totals.active.count),
              detail: nonBreaking(`${formatChange(totals.active.count, totals.active.previous)} sur un an`),
            },
            { label: 'Adhésions dans l’année', value: count(totals.joined) },
            { label: 'Départs dans l’année', value: count(totals.left) },
          ]}
        />
        <PdfChart geometry={membersOverYearsChart(data.membersOverYears, CHART)} />
        <Label>Par profession</Label>
        <Table
          columns={changeColumns('Profession', composition.previousAsOf, composition.asOf)}
          rows={composition.byProfession}
          totalRow={changeTotal(composition.byProfession)}
          rowKey={(row) => row.label}
        />
        <View style={styles.spaced}>
          <PdfChart geometry={membersByProfessionChart(composition, CHART)} />
        </View>
        {composition.byCollege.length > 0 ? (
          <View style={styles.spaced}>
            <Label>Par collège</Label>
            <Table
              columns={changeColumns('Collège', composition.previousAsOf, composition.asOf)}
              rows={composition.byCollege}
              totalRow={changeTotal(composition.byCollege)}
              rowKey={(row) => row.label}
            />
          </View>
        ) : null}
        {communes.length > 0 ? (
          <View style={styles.spaced}>
            <Label>Par commune d’exercice</Label>
            <Table columns={communeColumns} rows={communes} rowKey={(row) => row.label} />
          </View>
        ) : null}
      </Block>
      <Block title="L’équipe salariée et les prestataires" rows={data.staff.length}>
        {data.staff.length === 0 ? (
          <EmptyState>Aucun salarié ni prestataire enregistré pour l’année.</EmptyState>
        ) : (
          <Table columns={staffColumns} rows={data.staff} rowKey={(row, index) => `${row.fullName}-${index}`} />
        )}
      </Block>
    </>
  );
}

// --------------------------------------------------------------------------------------------------------- mission

/** « Étude de faisabilité (12/03/2025) ». */
const stepText = (label: string, on: string) => `${label} (${shortDate(on)})`;

const ficheColumns: TableColumn<MissionFiche>[] = [
  { header: 'Fiche action', width: 3.7, value: (row) => (row.code ? `${row.code} — ${row.title}` : row.title) },
  { header: 'État', width: 1.7, value: (row) => row.statusLabel },
  {
    header: 'Rôle de la CPTS',
    width: 2.3,
    value: (row) => (row.porteur ? `${row.cptsRoleLabel} (${row.porteur})` : row.cptsRoleLabel),
  },
  {
    header: 'Dernière étape',
    width: 2.3,
    value: (row) => (row.lastDone ? stepText(row.lastDone.label, row.lastDone.doneOn) : '—'),
  },
  {
    header: 'Prochaine étape',
    width: 2.3,
    value: (row) =>
      row.nextDue ? `${stepText(row.nextDue.label, row.nextDue.dueOn)}${row.nextDue.late ? ', en retard' : ''}` : '—',
  },
  {
    header: 'Budget prévu / dépensé',
    width: 2.2,
    numeric: true,
    value: (row) =>
      row.budgetPlannedCents === 0 && row.budgetSpentCents === 0
        ? '—'
        : `${formatEurosFromCents(row.budgetPlannedCents)} / ${formatEurosFromCents(row.budgetSpentCents)}`,
  },
];

/** The tableau de suivi’s columns that fit a portrait page (the annex has them all). */
const PORTRAIT_TRACKING = ['Indicateur', 'Valeur initiale', 'Cible', 'Réalisé', 'Palier atteint', '€ obtenus / max'];
const trackingGrid = new Grid<TrackingIndicator>(
  TRACKING_COLUMNS.filter((column) => PORTRAIT_TRACKING.includes(column.header)).map(
    (column): GridColumn<TrackingIndicator> => ({
      header: column.header,
      width: column.width,
      ...(column.numeric ? { numeric: true } : {}),
      value: column.text,
    }),
  ),
  { width: contentWidth, fontSize: 7.5 },
);

const evidenceColumns: TableColumn<MissionEvidence>[] = [
  { header: 'Justificatif', width: 4, value: (row) => row.label },
  { header: 'Pour', width: 4, value: (row) => row.forLabel },
  {
    header: 'État',
    width: 2,
    value: (row) =>
      row.provided ? (row.providedOn ? `Fourni le ${shortDate(row.providedOn)}` : 'Fourni') : 'Manquant',
  },
];

function Mission({ mission }: { mission: MissionSection }) {
  // As the tableau de suivi: the indicators with a cible this contract year.
  const indicators = mission.tracking?.indicators.filter((line) => line.target !== null) ?? [];
  const mismatch = mission.tracking ? mismatchMessage(mission.tracking) : null;
  const provided = mission.evidence.filter((row) => row.provided).length;
  return (
    <>
      {!mission.inContract ? <Text style={styles.muted}>Mission optionnelle non retenue au contrat.</Text> : null}
      <Block title="Fiches actions" rows={mission.fiches.length}>
        {mission.fiches.length === 0 ? (
          <EmptyState>Aucune fiche action rattachée à cette mission.</EmptyState>
        ) : (
          <Table columns={ficheColumns} rows={mission.fiches} rowKey={(row) => String(row.id)} />
        )}
      </Block>
      {mission.tracking ? (
        <Block title="Indicateurs">
          {indicators.length === 0 ? (
            <EmptyState>Aucun indicateur n’a de cible pour cette année de contrat.</EmptyState>
          ) : (
            <>
              <GridTable
                grid={trackingGrid}
                rows={indicators.map((line) => trackingGrid.row(line))}
                totalRow={trackingGrid.total([
                  'Total de la mission',
                  '',
                  '',
                  '',
                  '',
                  `${formatEurosFromCents(mission.tracking.result.earnedCents)} / ${formatEurosFromCents(mission.tracking.result.variableMaxCents)}`,
                ])}
              />
              {mismatch ? <Text style={styles.warning}>{mismatch}</Text> : null}
              <View style={styles.spaced}>
                <PdfChart
                  geometry={attainmentBars({
                    ...CHART,
                    title: 'Part variable obtenue par indicateur',
                    labelHeader: 'Indicateur',
                    compact: true,
                    items: indicators
                      .filter((line) => line.result !== null)
                      .map((line) => ({
                        label: line.indicator.code ?? line.indicator.label,
                        earned: line.result?.earnedCents ?? 0,
                        max: line.result?.maxCents ?? 0,
                      })),
                  })}
                />
              </View>
            </>
          )}
        </Block>
      ) : null}
      {mission.evidence.length > 0 ? (
        <Block title="Justificatifs" rows={mission.evidence.length}>
          <Text style={styles.muted}>
            {nonBreaking(
              `${provided} ${provided > 1 ? 'justificatifs fournis' : 'justificatif fourni'} sur ${mission.evidence.length} attendus.`,
            )}
          </Text>
          <Table columns={evidenceColumns} rows={mission.evidence} rowKey={(row, index) => `${row.label}-${index}`} />
        </Block>
      ) : null}
      {mission.crisisPlan ? (
        <Block title="Plan de crise">
          {mission.crisisPlan.length === 0 ? (
            <EmptyState>Aucune étape du plan de crise n’est enregistrée.</EmptyState>
          ) : (
            <BulletList
              maxChars={TEXT_MAX_CHARS}
              items={mission.crisisPlan.map(
                (event) =>
                  `${event.kindLabel} le ${shortDate(event.occurredOn)}${event.note ? ` : ${event.note}` : ''}`,
              )}
            />
          )}
        </Block>
      ) : null}
      <CoordinatorText label="Difficultés rencontrées" text={mission.texts.difficulties} />
      <CoordinatorText label="Perspectives" text={mission.texts.nextSteps} />
    </>
  );
}

// ------------------------------------------------------------------------------------------------------------ body

/** What a section prints under its title: the coordinator’s text, then its data, then its photos. */
export function SectionBody({ section }: { section: ActivityReportSection }) {
  return (
    <>
      <CoordinatorText text={section.texts.body} />
      <SectionData section={section} />
      <Photos photos={section.texts.photos} />
    </>
  );
}

function SectionData({ section }: { section: ActivityReportSection }) {
  switch (section.key) {
    case 'synthese':
      return <Synthesis keyFigures={section.keyFigures} />;
    case 'identite':
      return <Identity identity={section.identity} territory={section.territory} />;
    case 'vie_associative':
      return <AssociativeLife data={section.associativeLife} />;
    case 'protocoles':
      return <Protocols protocols={section.protocols} />;
    case 'rcp':
      return <Rcp rcp={section.rcp} />;
    case 'partenariats':
      return <Partnerships partnerships={section.partnerships} />;
    case 'finances':
      return <Finances finances={section.finances} />;
    case 'perspectives':
      return <Perspectives targets={section.nextYearTargets} />;
    default:
      return 'mission' in section ? <Mission mission={section.mission} /> : null;
  }
}
