import type { ReactNode } from 'react';
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import type { RcpYearData } from '@shared/reports/meetings';
import { dateLong, exportDate, formatInteger, formatShare, nonBreaking, plural } from '@shared/format';
import {
  DocumentTitle,
  EmptyState,
  KeyFigures,
  Note,
  Paragraph,
  Section,
  SectionTitle,
  type KeyFigure,
} from '../components';
import { ReportDocument, ReportPage, Table, type TableColumn } from '../layout';
import { colors, fontSizes, textSize } from '../components/theme';

import { footerLabel } from '../text';

export const RCP_YEAR_TITLE = 'Bilan des RCP';

type Session = RcpYearData['sessions'][number];
type CountRow = { label: string; count: number };

const styles = StyleSheet.create({
  figures: { marginBottom: 4 },
  section: { marginBottom: 16 },
  bullet: { flexDirection: 'row', marginBottom: 2 },
  bulletMark: { ...textSize(fontSizes.body), width: 12, color: colors.accent },
  bulletText: { ...textSize(fontSizes.body), flexGrow: 1, flexShrink: 1 },
});

const averageFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 2.75 → « 2,8 ». */
export function formatAverage(value: number): string {
  return Number.isFinite(value) ? averageFormat.format(value) : '—';
}

/** « Bilan des RCP 2026 ». */
export function rcpYearTitle(year: number): string {
  return `${RCP_YEAR_TITLE} ${year}`;
}

/** « Aucune RCP n'a été tenue en 2026. » */
export function emptyYearSentence(year: number): string {
  return `Aucune RCP n'a été tenue en ${year} : ce bilan ne contient donc ni séance ni cas.`;
}

/** The opening sentence: sessions, cases and the ACI share of patients ≥ 75 ans or in ALD. */
export function rcpYearSummary(data: RcpYearData): string {
  const t = data.totals;
  const sessions = plural(t.sessions, 'séance de RCP', 'séances de RCP');
  const kinds = `${plural(t.clinical, 'clinique', 'cliniques')}, ${plural(t.thematic, 'thématique', 'thématiques')}`;
  const verb = t.sessions > 1 ? 'ont examiné' : 'a examiné';
  const cases = plural(t.cases, 'cas', 'cas');
  const share =
    t.cases > 0
      ? `, dont ${formatInteger(t.over75OrAld)} de patients de 75 ans ou plus ou en ALD (${formatShare(t.over75OrAld, t.cases)})`
      : '';
  return nonBreaking(`En ${data.year}, ${sessions} (${kinds}) ${verb} ${cases}${share}.`);
}

function keyFigures(data: RcpYearData): KeyFigure[][] {
  const t = data.totals;
  return [
    [
      {
        label: 'Séances',
        value: formatInteger(t.sessions),
        detail: `dont ${plural(t.clinical, 'clinique', 'cliniques')}, ${plural(t.thematic, 'thématique', 'thématiques')}`,
      },
      { label: 'Cas présentés', value: formatInteger(t.cases) },
      {
        label: '≥ 75 ans ou ALD',
        value: formatInteger(t.over75OrAld),
        detail: `${formatShare(t.over75OrAld, t.cases)} des cas`,
      },
      {
        label: 'Patients informés',
        value: formatInteger(t.patientInformed),
        detail: `${formatShare(t.patientInformed, t.cases)} des cas`,
      },
    ],
    [
      {
        label: 'Suivis réalisés',
        value: `${formatInteger(t.followUpsDone)} / ${formatInteger(t.followUpsPlanned)}`,
        detail:
          t.followUpsPlanned > 0
            ? `${formatShare(t.followUpsDone, t.followUpsPlanned)} des suivis prévus`
            : 'aucun suivi prévu',
      },
      {
        label: 'Professions par séance',
        value: t.sessions > 0 ? formatAverage(t.averageProfessions) : '—',
        detail: 'en moyenne',
      },
      {
        label: 'Séances sous le minimum',
        value: formatInteger(t.sessionsBelowMinimum),
        detail: nonBreaking(`moins de ${plural(t.minProfessions, 'profession', 'professions')}`),
      },
    ],
  ];
}

function shortDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** Marks the profession count of a session below the CPTS minimum. */
const BELOW_MINIMUM_MARK = '*';

function sessionColumns(minProfessions: number): TableColumn<Session>[] {
  return [
    { header: 'Date', width: 13, value: (s) => shortDate(s.date) },
    { header: 'Intitulé', width: 33, value: (s) => s.title },
    { header: 'Type', width: 15, value: (s) => s.kindLabel },
    { header: 'Thème', width: 21, value: (s) => s.theme ?? '—' },
    {
      header: 'Professions',
      width: 11,
      numeric: true,
      value: (s) =>
        `${s.professions.length < minProfessions ? `${BELOW_MINIMUM_MARK} ` : ''}${formatInteger(s.professions.length)}`,
    },
    { header: 'Cas', width: 7, numeric: true, value: (s) => formatInteger(s.caseCount) },
  ];
}

type ProfessionRow = { label: string; sessions: number };

/** How many sessions each profession attended, most present first. */
export function professionParticipation(sessions: readonly Session[]): ProfessionRow[] {
  const counts = new Map<string, number>();
  for (const session of sessions) {
    for (const profession of new Set(session.professions)) counts.set(profession, (counts.get(profession) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([label, count]) => ({ label, sessions: count }))
    .sort((a, b) => b.sessions - a.sessions || a.label.localeCompare(b.label, 'fr'));
}

function professionColumns(total: number): TableColumn<ProfessionRow>[] {
  return [
    { header: 'Profession', width: 60, value: (row) => row.label },
    { header: 'Séances', width: 20, numeric: true, value: (row) => formatInteger(row.sessions) },
    { header: 'Part des séances', width: 20, numeric: true, value: (row) => formatShare(row.sessions, total) },
  ];
}

function countColumns(label: string, total: number): TableColumn<CountRow>[] {
  return [
    { header: label, width: 60, value: (row) => row.label },
    { header: 'Cas', width: 20, numeric: true, value: (row) => formatInteger(row.count) },
    { header: 'Part', width: 20, numeric: true, value: (row) => formatShare(row.count, total) },
  ];
}

function CountTable({ label, rows, total }: { label: string; rows: readonly CountRow[]; total: number }) {
  const sum = rows.reduce((acc, row) => acc + row.count, 0);
  return (
    <Table
      columns={countColumns(label, total)}
      rows={rows}
      rowKey={(row) => row.label}
      totalRow={['Total', formatInteger(sum), formatShare(sum, total)]}
    />
  );
}

/** Up to this many rows a short table stays whole with its title rather than leaving one row on the next page. */
const KEEP_TOGETHER_ROWS = 14;

function KeptSection({ title, rows, children }: { title: string; rows: number; children?: ReactNode }) {
  return (
    <View style={styles.section} wrap={rows > KEEP_TOGETHER_ROWS}>
      <SectionTitle>{title}</SectionTitle>
      {children}
    </View>
  );
}

/** « Bilan des RCP 2026 »: key figures, sessions, motifs, age bands and themes of the year. */
export function RcpYear({ data }: { data: RcpYearData }) {
  const title = rcpYearTitle(data.year);
  const footer = footerLabel(title, data.generatedAt);
  const frame = { cptsName: data.cptsName, reportTitle: title, footer };
  const situation = exportDate(data.generatedAt);
  const t = data.totals;
  const figures = keyFigures(data);
  const professions = professionParticipation(data.sessions);

  return (
    <ReportDocument title={`${title} — ${data.cptsName}`} author={data.cptsName} subject={title}>
      <ReportPage {...frame} bookmark={title}>
        <DocumentTitle
          title={title}
          subtitle={data.cptsName}
          {...(situation ? { meta: `Réunions de concertation pluriprofessionnelle — situation au ${situation}` } : {})}
        />
        {t.sessions === 0 ? (
          <EmptyState>{emptyYearSentence(data.year)}</EmptyState>
        ) : (
          <>
            <View style={styles.figures}>
              {figures.map((row, index) => (
                <KeyFigures key={index} items={row} />
              ))}
            </View>
            <Paragraph>{rcpYearSummary(data)}</Paragraph>
            <Paragraph>
              {nonBreaking(
                `Parmi les cas : ${plural(t.over75, 'patient', 'patients')} de 75 ans ou plus et ` +
                  `${plural(t.ald, 'patient', 'patients')} en ALD (un même patient peut relever des deux). ` +
                  `Le minimum fixé par la CPTS est de ${plural(t.minProfessions, 'profession différente', 'professions différentes')} par séance.`,
              )}
            </Paragraph>

            <Section title="Séances">
              <Table columns={sessionColumns(t.minProfessions)} rows={data.sessions} />
              {data.sessions.some((session) => session.professions.length < t.minProfessions) ? (
                <Note>
                  {nonBreaking(
                    `${BELOW_MINIMUM_MARK} Séance sous le minimum de ${plural(t.minProfessions, 'profession différente', 'professions différentes')}.`,
                  )}
                </Note>
              ) : null}
            </Section>
            {professions.length > 0 ? (
              <KeptSection title="Professions représentées" rows={professions.length}>
                <Table
                  columns={professionColumns(data.sessions.length)}
                  rows={professions}
                  rowKey={(row) => row.label}
                />
              </KeptSection>
            ) : null}
            <KeptSection title="Motifs de présentation" rows={data.byMotif.length}>
              {data.byMotif.length > 0 && t.cases > 0 ? (
                <CountTable label="Motif" rows={data.byMotif} total={t.cases} />
              ) : (
                <EmptyState>Aucun cas n'a été présenté cette année.</EmptyState>
              )}
            </KeptSection>
            <KeptSection title="Tranches d'âge des patients" rows={data.byAgeBand.length}>
              {data.byAgeBand.length > 0 && t.cases > 0 ? (
                <CountTable label="Tranche d'âge" rows={data.byAgeBand} total={t.cases} />
              ) : (
                <EmptyState>Aucun cas n'a été présenté cette année.</EmptyState>
              )}
            </KeptSection>
            <KeptSection title="Thèmes abordés" rows={data.themes.length}>
              {data.themes.length > 0 ? (
                <View>
                  {data.themes.map((theme, index) => (
                    <View key={index} style={styles.bullet} wrap={false}>
                      <Text style={styles.bulletMark}>•</Text>
                      <Text style={styles.bulletText}>{theme}</Text>
                    </View>
                  ))}
                </View>
              ) : (
                <EmptyState>Aucun thème n'a été renseigné pour les séances de l'année.</EmptyState>
              )}
            </KeptSection>
            <Note>
              {`Comptes établis à partir des comptes rendus pseudonymisés des RCP tenues du ${dateLong(`${data.year}-01-01`)} au ${dateLong(`${data.year}-12-31`)}. Les pourcentages portent sur l'ensemble des cas présentés.`}
            </Note>
          </>
        )}
      </ReportPage>
    </ReportDocument>
  );
}
