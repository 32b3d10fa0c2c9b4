import { Image, StyleSheet, Text, View } from '@react-pdf/renderer';
import { lineChart } from '@shared/charts';
import { dateLong, formatEurosFromCents, formatInteger, NBSP, shortDate } from '@shared/format';
import type { RenewalProposal } from '@shared/contract/renewal';
import {
  RENEWAL_DOSSIER_TITLE,
  type RenewalDeliberation,
  type RenewalDossierData,
  type RenewalDossierSection,
  type RenewalIndicator,
  type RenewalMissionBilan,
  type RenewalSeries,
  type RenewalTerritory,
  type RenewalYear,
  yearColumnLabel,
  yearSpanLabel,
} from '@shared/reports/renewal-dossier';
import { BulletList, FreeText, KeyFigures, KeyValueList, Note, SubsectionTitle } from '../components';
import { PdfChart, pdfMeasureText } from '../components/charts/PdfChart';
import { colors, contentWidth, fontSizes, weights } from '../components/theme';
import { maxCharsFor, ReportDocument, ReportPage, Table, type TableColumn, Toc, TocHeading, TocPages } from '../layout';
import { footerLabel } from '../text';

const MAX_CHARS = maxCharsFor(contentWidth, fontSizes.body);
const CHART_HEIGHT = 170;
const MISSING = '—';

const styles = StyleSheet.create({
  cover: { marginTop: 40, marginBottom: 28 },
  logo: { maxWidth: 160, maxHeight: 90, objectFit: 'contain', marginBottom: 24 },
  coverTitle: { fontSize: 26, fontWeight: weights.bold, color: colors.accent, marginBottom: 8 },
  coverCpts: { fontSize: 16, fontWeight: weights.semibold, color: colors.text, marginBottom: 14 },
  coverLine: { fontSize: fontSizes.body + 1, color: colors.text, marginBottom: 3 },
  coverMeta: { fontSize: fontSizes.small + 0.5, color: colors.muted, marginTop: 10 },
  tocTitle: { fontSize: fontSizes.section, fontWeight: weights.bold, color: colors.accent, marginBottom: 8 },
  sectionTitle: { fontSize: fontSizes.section, fontWeight: weights.bold, color: colors.accent, marginBottom: 8 },
  block: { marginBottom: 10 },
  text: { marginBottom: 8 },
});

const count = (value: number | null) => (value === null ? MISSING : formatInteger(value));
const euros = (value: number | null) => (value === null ? MISSING : formatEurosFromCents(value));
const seriesValue = (series: RenewalSeries, value: number | null) =>
  series.unit === 'euros_cents' ? euros(value) : count(value);

/** « Année 2 » over its period, the heading of a year column (« (en cours) » for the year under way). */
function yearHeader(year: RenewalYear): string {
  return `${yearColumnLabel(year)}${year.ongoing ? ' (en cours)' : ''}`;
}

/** A table of series with the contract years as columns. */
function SeriesTable({ series, years, header }: { series: RenewalSeries[]; years: RenewalYear[]; header: string }) {
  const columns: TableColumn<RenewalSeries>[] = [
    { header, width: 34, value: (row) => row.label },
    ...years.map((year, index) => ({
      header: yearHeader(year),
      width: 66 / Math.max(years.length, 1),
      numeric: true,
      value: (row: RenewalSeries) => seriesValue(row, row.values[index] ?? null),
    })),
  ];
  return (
    <View style={styles.block}>
      <Table columns={columns} rows={series} rowKey={(row) => row.label} />
    </View>
  );
}

function SeriesChart({ title, series, years }: { title: string; series: RenewalSeries[]; years: RenewalYear[] }) {
  const euro = series.every((entry) => entry.unit === 'euros_cents');
  return (
    <PdfChart
      showTable={false}
      geometry={lineChart({
        title,
        width: contentWidth,
        height: CHART_HEIGHT,
        measureText: pdfMeasureText,
        format: euro ? (value) => formatEurosFromCents(Math.round(value)) : 'integer',
        xLabels: years.map(yearSpanLabel),
        xHeader: 'Année de contrat',
        series: series.map((entry) => ({ label: entry.label, values: entry.values })),
      })}
    />
  );
}

function Periods({ years }: { years: RenewalYear[] }) {
  return (
    <Note>
      {years
        .map((year) => `${yearColumnLabel(year)} : du ${shortDate(year.startOn)} au ${shortDate(year.endOn)}`)
        .join(` ;${NBSP}`)}
    </Note>
  );
}

function Bilan({
  section,
  data,
}: {
  section: Extract<RenewalDossierSection, { key: 'bilan' }>;
  data: RenewalDossierData;
}) {
  const { totals } = section;
  const [members, meetings] = section.highlights;
  const begun = data.years.filter((year) => !year.future);
  const first = members?.values[0] ?? null;
  const last = members?.values[begun.length - 1] ?? null;
  return (
    <View>
      <KeyFigures
        items={[
          {
            label: 'Adhérents',
            value: count(last),
            ...(first !== null ? { detail: `${count(first)} à la fin de l’année 1` } : {}),
          },
          {
            label: 'Réunions tenues',
            value: count(meetings ? meetings.values.reduce<number>((sum, value) => sum + (value ?? 0), 0) : null),
            detail: `sur ${begun.length} ${begun.length > 1 ? 'années' : 'année'}`,
          },
          {
            label: 'Part variable obtenue',
            value: euros(totals.earnedCents),
            detail: `sur ${euros(totals.maxCents)} possibles`,
          },
          { label: 'Versements reçus', value: euros(totals.receivedCents) },
        ]}
      />
      <SeriesTable series={section.highlights} years={data.years} header="Chiffre" />
    </View>
  );
}

function Territory({ territory, years }: { territory: RenewalTerritory; years: RenewalYear[] }) {
  const names = (list: { name: string }[]) => (list.length > 0 ? list.map((commune) => commune.name).join(', ') : null);
  const tailleColumns: TableColumn<{ label: string; values: string[] }>[] = [
    { header: 'Année de contrat', width: 34, value: (row) => row.label },
    ...years.map((year, index) => ({
      header: yearColumnLabel(year),
      width: 66 / Math.max(years.length, 1),
      numeric: true,
      value: (row: { values: string[] }) => row.values[index] ?? MISSING,
    })),
  ];
  return (
    <View>
      <KeyValueList
        items={[
          {
            label: `À la signature (${shortDate(territory.signedOn)})`,
            value: `${territory.communesThen.length} ${territory.communesThen.length > 1 ? 'communes' : 'commune'}`,
          },
          { label: 'Communes à la signature', value: names(territory.communesThen) },
          {
            label: 'Aujourd’hui',
            value: `${territory.communesNow.length} ${territory.communesNow.length > 1 ? 'communes' : 'commune'}, ${formatInteger(territory.populationNow)}${NBSP}habitants${territory.populationYear ? ` (populations légales, référentiel ${territory.populationYear})` : ''}`,
          },
          { label: 'Communes ajoutées depuis', value: names(territory.added) ?? 'Aucune' },
        ]}
      />
      <SubsectionTitle>Taille et population par année de contrat</SubsectionTitle>
      <Table
        columns={tailleColumns}
        rows={[
          {
            label: 'Taille',
            values: territory.byYear.map((year) => (year.taille === null ? MISSING : String(year.taille))),
          },
          {
            label: 'Population retenue',
            values: territory.byYear.map((year) =>
              year.population === null ? MISSING : formatInteger(year.population),
            ),
          },
        ]}
        rowKey={(row) => row.label}
      />
    </View>
  );
}

function MissionBilan({ mission }: { mission: RenewalMissionBilan }) {
  const status = mission.fichesByStatus.map((entry) => `${entry.statusLabel} : ${entry.count}`).join(', ');
  return (
    <View style={styles.block}>
      <SubsectionTitle>{mission.title}</SubsectionTitle>
      <KeyValueList
        items={[
          {
            label: 'Démarrage et déploiement',
            value:
              mission.startedOn || mission.deployedOn
                ? [
                    mission.startedOn ? `démarrée le ${dateLong(mission.startedOn)}` : null,
                    mission.deployedOn ? `déployée le ${dateLong(mission.deployedOn)}` : null,
                  ]
                    .filter((part): part is string => part !== null)
                    .join(', ')
                : null,
          },
          { label: 'Fiches actions', value: status || 'Aucune fiche' },
          {
            label: 'Indicateurs atteints',
            value:
              mission.indicatorsTotal > 0
                ? `${mission.indicatorsReached} sur ${mission.indicatorsTotal} (dernière année mesurée)`
                : 'Aucun indicateur',
          },
          {
            label: 'Part variable sur le contrat',
            value:
              mission.maxCents > 0 ? `${euros(mission.earnedCents)} obtenus sur ${euros(mission.maxCents)}` : MISSING,
          },
        ]}
      />
      {mission.fichesDone.length > 0 ? (
        <View style={styles.text}>
          <BulletList
            items={mission.fichesDone.map((fiche) => {
              const name = `${fiche.code ? `${fiche.code} — ` : ''}${fiche.title}`;
              const last = fiche.lastDone
                ? ` ; dernière étape : ${fiche.lastDone.label} (${shortDate(fiche.lastDone.doneOn)})`
                : '';
              return `${name} (${fiche.statusLabel.toLowerCase()}, ${fiche.cptsRoleLabel.toLowerCase()})${last}`;
            })}
            maxChars={MAX_CHARS}
          />
        </View>
      ) : null}
    </View>
  );
}

interface IndicatorRow {
  label: string;
  cells: string[];
}

function IndicatorTable({ indicator, years }: { indicator: RenewalIndicator; years: RenewalYear[] }) {
  const rows: IndicatorRow[] = [
    { label: 'Cible', cells: indicator.years.map((year) => year.target ?? MISSING) },
    { label: 'Réalisé', cells: indicator.years.map((year) => year.measured ?? MISSING) },
    { label: 'Résultat', cells: indicator.years.map((year) => year.result ?? MISSING) },
    {
      label: 'Obtenu / max',
      cells: indicator.years.map((year) =>
        year.maxCents === null ? MISSING : `${euros(year.earnedCents ?? 0)} / ${euros(year.maxCents)}`,
      ),
    },
  ];
  const columns: TableColumn<IndicatorRow>[] = [
    { header: '', width: 16, value: (row) => row.label },
    ...years.map((year, index) => ({
      header: yearColumnLabel(year),
      width: 84 / Math.max(years.length, 1),
      value: (row: IndicatorRow) => row.cells[index] ?? MISSING,
    })),
  ];
  return (
    <View style={styles.block} wrap={false}>
      <Text style={{ fontWeight: weights.semibold, marginBottom: 3 }}>{indicator.label}</Text>
      <Table columns={columns} rows={rows} rowKey={(row) => row.label} />
      <Note>
        {`Sur le contrat : ${euros(indicator.earnedCents)} obtenus sur ${euros(indicator.maxCents)} ; cible atteinte ${indicator.yearsReached} ${indicator.yearsReached > 1 ? 'années' : 'année'} sur ${indicator.yearsTargeted}.`}
      </Note>
    </View>
  );
}

const proposalColumns: TableColumn<RenewalProposal>[] = [
  { header: 'Mission', width: 22, value: (row) => row.missionLabel },
  { header: 'Indicateur proposé', width: 38, value: (row) => row.label },
  { header: 'Cible proposée', width: 20, value: (row) => row.targetText ?? MISSING },
  { header: 'Commentaire', width: 20, value: (row) => row.comment ?? '' },
];

function Deliberation({ deliberation }: { deliberation: RenewalDeliberation | null }) {
  if (!deliberation) return <Note>Aucune délibération n’est encore désignée.</Note>;
  const vote = deliberation.vote;
  return (
    <View>
      <KeyValueList
        items={[
          { label: 'Instance', value: deliberation.meetingTypeLabel },
          { label: 'Séance', value: `${deliberation.meetingTitle}, le ${dateLong(deliberation.date)}` },
          ...(deliberation.title ? [{ label: 'Résolution', value: deliberation.title }] : []),
          ...(vote
            ? [
                {
                  label: 'Vote',
                  value: `${vote.pour} pour, ${vote.contre} contre, ${vote.abstention} abstention${vote.abstention > 1 ? 's' : ''}${vote.adopted === null ? '' : vote.adopted ? ' — adoptée' : ' — rejetée'}`,
                },
              ]
            : []),
        ]}
      />
      {deliberation.text ? (
        <View style={{ marginTop: 8 }}>
          <FreeText text={deliberation.text} maxChars={MAX_CHARS} />
        </View>
      ) : (
        <Note>La délibération n’est pas encore votée.</Note>
      )}
    </View>
  );
}

function SectionBody({ section, data }: { section: RenewalDossierSection; data: RenewalDossierData }) {
  switch (section.key) {
    case 'bilan':
      return <Bilan section={section} data={data} />;
    case 'territoire':
      return <Territory territory={section.territory} years={data.years} />;
    case 'chiffres': {
      const all = section.groups.flatMap((group) => group.series);
      const pick = (...labels: string[]) => all.filter((series) => labels.includes(series.label));
      return (
        <View>
          {section.groups.map((group) => (
            <View key={group.title}>
              <SubsectionTitle>{group.title}</SubsectionTitle>
              <SeriesTable series={group.series} years={data.years} header="Par année de contrat" />
            </View>
          ))}
          <SeriesChart
            title="Adhérents et réunions tenues"
            series={pick('Adhérents à la fin de l’année', 'Réunions tenues')}
            years={data.years}
          />
          <SeriesChart
            title="Part variable : maximum, obtenu et versements reçus"
            series={section.groups.at(-1)?.series ?? []}
            years={data.years}
          />
        </View>
      );
    }
    case 'missions':
      return section.missions.length > 0 ? (
        <View>
          {section.missions.map((mission) => (
            <MissionBilan key={mission.missionCode} mission={mission} />
          ))}
        </View>
      ) : (
        <Note>Aucune mission n’est renseignée pour ce contrat.</Note>
      );
    case 'indicateurs':
      return section.missions.length > 0 ? (
        <View>
          {section.missions.map((mission) => (
            <View key={mission.missionCode}>
              <SubsectionTitle>{mission.title}</SubsectionTitle>
              {mission.indicators.map((indicator) => (
                <IndicatorTable key={indicator.id} indicator={indicator} years={data.years} />
              ))}
            </View>
          ))}
        </View>
      ) : (
        <Note>Aucun indicateur n’a de cible sur ce contrat.</Note>
      );
    case 'annexe_proposee':
      return section.proposals.length > 0 ? (
        <Table columns={proposalColumns} rows={section.proposals} rowKey={(row) => String(row.id)} />
      ) : (
        <Note>Aucun indicateur n’est encore proposé pour le prochain contrat.</Note>
      );
    case 'deliberation':
      return <Deliberation deliberation={section.deliberation} />;
  }
}

/** « Dossier de renouvellement »: a cover with the contents, then each section chosen, five years side by side. */
export function RenewalDossier({ data }: { data: RenewalDossierData }) {
  const pages = new TocPages();
  const contractLabel = data.contract.number ? `Contrat ACI n°${NBSP}${data.contract.number}` : 'Contrat ACI';
  const frame = {
    cptsName: data.cptsName,
    reportTitle: `${RENEWAL_DOSSIER_TITLE} — ${contractLabel}`,
    footer: footerLabel(RENEWAL_DOSSIER_TITLE, data.generatedAt),
  };
  const entries = [
    ...(data.introduction ? [{ id: 'introduction', title: 'Introduction' }] : []),
    ...data.sections.map((section) => ({ id: `section-${section.key}`, title: section.title })),
  ];
  const logo = data.logo ? `data:${data.logo.mimeType};base64,${data.logo.base64}` : null;
  return (
    <ReportDocument
      title={`${RENEWAL_DOSSIER_TITLE} — ${data.cptsName}`}
      author={data.cptsName}
      subject={RENEWAL_DOSSIER_TITLE}
    >
      <ReportPage {...frame}>
        <View style={styles.cover}>
          {logo ? <Image src={logo} style={styles.logo} /> : null}
          <Text style={styles.coverTitle}>{RENEWAL_DOSSIER_TITLE}</Text>
          <Text style={styles.coverCpts}>{data.cptsName}</Text>
          <Text style={styles.coverLine}>{`${contractLabel}, signé le ${dateLong(data.contract.signedOn)}`}</Text>
          {data.contract.endOn ? (
            <Text
              style={styles.coverLine}
            >{`Bilan des années de contrat jusqu’au ${dateLong(data.contract.endOn)}`}</Text>
          ) : null}
          <Text style={styles.coverMeta}>{footerLabel(RENEWAL_DOSSIER_TITLE, data.generatedAt)}</Text>
        </View>
        <Text style={styles.tocTitle}>Sommaire</Text>
        <Toc pages={pages} entries={entries} />
        {data.years.length > 0 ? <Periods years={data.years} /> : null}
      </ReportPage>
      <ReportPage {...frame}>
        {data.introduction ? (
          <View style={styles.block}>
            <TocHeading pages={pages} id="introduction" title="Introduction" style={styles.sectionTitle} />
            <FreeText text={data.introduction} maxChars={MAX_CHARS} />
          </View>
        ) : null}
        {data.sections.map((section, index) => (
          <View
            key={section.key}
            style={styles.block}
            {...((index > 0 || data.introduction) && section.key !== 'bilan' ? { break: true } : {})}
          >
            <TocHeading pages={pages} id={`section-${section.key}`} title={section.title} style={styles.sectionTitle} />
            {section.body ? (
              <View style={styles.text}>
                <FreeText text={section.body} maxChars={MAX_CHARS} />
              </View>
            ) : null}
            <SectionBody section={section} data={data} />
          </View>
        ))}
        {data.sections.length === 0 ? <Note>Toutes les sections ont été laissées de côté.</Note> : null}
      </ReportPage>
    </ReportDocument>
  );
}
