import { StyleSheet, Text, View } from '@react-pdf/renderer';
import type { TrackingIndicator, TrackingTable } from '@shared/contract/indicators';
import { dateLong, formatDecimal, formatEurosFromCents, formatInteger, nonBreaking } from '@shared/format';
import type { ActivityReportAnnexes } from '@shared/reports/activity-report';
import type { PvData } from '@shared/reports/ag';
import type { MembersListData, MembersListRowData } from '@shared/reports/members';
import {
  annexMissions,
  attainmentText,
  contractYearHeading,
  contractYearPeriod,
  earnedOverMax,
  missionTitle,
  TRACKING_COLUMNS,
} from '@shared/reports/indicators-tracking';
import { EmptyState, KeyValueList, Note, SubsectionTitle } from '../components';
import { FreeText } from '../components/free-text';
import { colors, contentWidth, fontSizes, textSize, weights } from '../components/theme';
import {
  brandedContentHeight,
  Grid,
  type GridColumn,
  type GridRow,
  GridTable,
  PageFlow,
  pageContentWidth,
  Table,
  type TableColumn,
  TextLines,
  wrapToWidth,
} from '../layout';
import { Block, FigureGrid, Label, TEXT_MAX_CHARS } from './blocks';

/** The annexes of the rapport d’activité: each starts a page (see ActivityReport). */

/** Label of a group (« Infirmier·ère (123) »): the accent label of the sections, see blocks.Label. */
const GROUP = { size: fontSizes.body, line: fontSizes.body * 1.35, top: 8, bottom: 3 };

const styles = StyleSheet.create({
  lead: { ...textSize(fontSizes.body), color: colors.muted, marginBottom: 8 },
  mission: { marginBottom: 12 },
  resolution: { marginTop: 4, marginBottom: 6, paddingLeft: 8, borderLeftWidth: 2, borderLeftColor: colors.rule },
  resolutionTitle: { ...textSize(fontSizes.body), fontWeight: weights.semibold },
  result: { ...textSize(fontSizes.body), color: colors.accent, marginTop: 2 },
  leadBox: { marginBottom: 8 },
  leadLine: { fontSize: fontSizes.body, lineHeight: 1.35, color: colors.muted },
  groupBox: { marginBottom: GROUP.bottom },
  groupBoxSpaced: { marginTop: GROUP.top, marginBottom: GROUP.bottom },
  groupLabel: {
    fontSize: GROUP.size,
    lineHeight: 1.35,
    fontWeight: weights.semibold,
    color: colors.accent,
  },
});

// ------------------------------------------------------------------------------------------ tableau de suivi

const trackingGrid = new Grid<TrackingIndicator>(
  TRACKING_COLUMNS.map(
    (column): GridColumn<TrackingIndicator> => ({
      header: column.header,
      width: column.width,
      ...(column.numeric ? { numeric: true } : {}),
      value: column.text,
    }),
  ),
  { width: pageContentWidth('landscape'), fontSize: 7.5 },
);

/** Up to this many indicators a mission stays whole on its page rather than leaving its title or header behind. */
const KEEP_TOGETHER_ROWS = 10;

export function TrackingAnnex({ table }: { table: TrackingTable }) {
  const { missions, untargeted } = annexMissions(table);
  const year = table.result;
  return (
    <>
      <Text style={styles.lead}>{nonBreaking(`${contractYearHeading(table)}, ${contractYearPeriod(table)}.`)}</Text>
      <FigureGrid
        items={[
          { label: 'Part fixe', value: formatEurosFromCents(year.fixedCents) },
          { label: 'Part variable obtenue', value: earnedOverMax(year.earnedCents, year.variableMaxCents) },
          { label: 'Taux d’atteinte', value: attainmentText(year.earnedCents, year.variableMaxCents) },
        ]}
      />
      {missions.length === 0 ? (
        <EmptyState>Aucune enveloppe de mission ni aucune cible d’indicateur pour cette année de contrat.</EmptyState>
      ) : (
        missions.map((mission) => (
          <View key={mission.missionCode} style={styles.mission} wrap={mission.indicators.length > KEEP_TOGETHER_ROWS}>
            <Label>{missionTitle(mission)}</Label>
            {mission.indicators.length === 0 ? (
              <EmptyState>Aucun indicateur pour cette mission.</EmptyState>
            ) : (
              <GridTable
                grid={trackingGrid}
                rows={mission.indicators.map((line) => trackingGrid.row(line))}
                totalRow={trackingGrid.total(
                  TRACKING_COLUMNS.map((column, index) => {
                    if (index === 0) return 'Sous-total de la mission';
                    if (column.header === '€ obtenus / max')
                      return earnedOverMax(mission.result.earnedCents, mission.result.variableMaxCents);
                    if (column.header === 'Taux')
                      return attainmentText(mission.result.earnedCents, mission.result.variableMaxCents);
                    return '';
                  }),
                )}
              />
            )}
          </View>
        ))
      )}
      {untargeted > 0 ? (
        <Note>
          {nonBreaking(
            `${untargeted} ${untargeted > 1 ? 'indicateurs du contrat n’ont' : 'indicateur du contrat n’a'} pas de cible pour cette année.`,
          )}
        </Note>
      ) : null}
    </>
  );
}

// -------------------------------------------------------------------------------------------------------------- PV

export function PvAnnex({ pv }: { pv: PvData }) {
  const { meeting, attendance } = pv;
  return (
    <>
      <Text style={styles.lead}>
        {nonBreaking(
          `${meeting.organLabel} du ${dateLong(meeting.date)}${meeting.place ? `, ${meeting.place}` : ''} — ${pv.statusLabel}.`,
        )}
      </Text>
      <KeyValueList
        items={[
          { label: 'Convocation', value: pv.convocationLine },
          { label: 'Présidence de séance', value: pv.presidentSeance },
          { label: 'Secrétariat de séance', value: pv.secretaireSeance },
          {
            label: 'Présents et représentés',
            value: nonBreaking(
              `${formatInteger(attendance.presentCount)} présents, ${formatInteger(attendance.representedCount)} représentés`,
            ),
          },
          { label: 'Quorum', value: pv.quorumSentence },
        ]}
      />
      {pv.items.map((item, index) => (
        <View key={index}>
          <SubsectionTitle>{`${index + 1}. ${item.title}`}</SubsectionTitle>
          <FreeText text={item.summary} maxChars={TEXT_MAX_CHARS} />
          {item.resolutions.map((resolution) => (
            <View key={resolution.number} style={styles.resolution} wrap={false}>
              <Text style={styles.resolutionTitle}>{`Résolution ${resolution.number} — ${resolution.title}`}</Text>
              <FreeText text={resolution.text} maxChars={TEXT_MAX_CHARS - 4} />
              <Text style={styles.result}>
                {nonBreaking(
                  resolution.votes
                    ? `${resolution.resultLabel} : ${resolution.votes.pour} pour, ${resolution.votes.contre} contre, ${resolution.votes.abstention} abstentions.`
                    : `${resolution.resultLabel}.`,
                )}
              </Text>
            </View>
          ))}
        </View>
      ))}
    </>
  );
}

// ------------------------------------------------------------------------------------------------- liste des membres

/** Room kept at the foot of each page for rounding. */
const SAFETY_MARGIN = 4;

function membersColumns(list: MembersListData): GridColumn<MembersListRowData>[] {
  return [
    { header: 'Nom', width: 3, value: (row) => row.name },
    { header: 'Profession', width: 3, value: (row) => row.profession },
    { header: 'Commune', width: 2.4, value: (row) => row.commune },
    ...(list.audience === 'annuaire'
      ? [
          { header: 'Téléphone', width: 2, value: (row: MembersListRowData) => row.phone, unique: true },
          { header: 'Courriel', width: 3.2, value: (row: MembersListRowData) => row.email, unique: true },
        ]
      : [{ header: 'Structure', width: 3, value: (row: MembersListRowData) => row.structure }]),
  ];
}

interface MembersSlice {
  heading: string[];
  rows: GridRow[];
  startIndex: number;
  spaced: boolean;
}

/** The list cut into pages ahead of react-pdf (see layout/flow.ts): long lists are painted, page by page. */
export interface MembersAnnexPlan {
  grid: Grid<MembersListRowData>;
  lead: string[];
  pages: MembersSlice[][];
}

/**
 * Plans the list of members below the annex heading (`headingLines` lines of the section title): each group, or
 * the part of it that fits, on the page; a group carried over repeats its label with « (suite) » and its header row.
 */
export function planMembersAnnex(list: MembersListData, headerText: string, headingHeight: number): MembersAnnexPlan {
  const grid = new Grid(membersColumns(list), { width: contentWidth, fontSize: 8 });
  const lead = wrapToWidth(list.notice, contentWidth, fontSizes.body);
  const leadHeight = lead.length * fontSizes.body * 1.35 + 8;
  const flow = new PageFlow<MembersSlice>(brandedContentHeight(headerText) - SAFETY_MARGIN, headingHeight + leadHeight);
  for (const group of list.groups) {
    flow.add({
      heading: {
        lines: (continued) =>
          wrapToWidth(
            `${group.title} (${formatInteger(group.count)})${continued ? ' (suite)' : ''}`,
            contentWidth,
            GROUP.size,
            'bold',
          ),
        lineHeight: GROUP.line,
        marginTop: GROUP.top,
        marginBottom: GROUP.bottom,
      },
      frameHeight: grid.frameHeight,
      unit: grid.singleRowHeight,
      rows: group.rows.map((row) => grid.row(row)),
      slice: ({ rows, startIndex, spaced, heading }) => ({ heading, rows, startIndex, spaced }),
    });
  }
  return { grid, lead, pages: flow.pages };
}

/** The lead of the list (its notice), on the annex’s first page. */
export function MembersAnnexLead({ plan }: { plan: MembersAnnexPlan }) {
  return (
    <View style={styles.leadBox}>
      <TextLines lines={plan.lead} style={styles.leadLine} />
    </View>
  );
}

/** What one page of the annex shows of the list. */
export function MembersAnnexPage({ plan, slices }: { plan: MembersAnnexPlan; slices: MembersSlice[] }) {
  return (
    <>
      {slices.map((slice, index) => (
        <View key={index}>
          <View style={slice.spaced ? styles.groupBoxSpaced : styles.groupBox}>
            <TextLines lines={slice.heading} style={styles.groupLabel} />
          </View>
          {/* Painted: see layout/grid.tsx. */}
          <GridTable grid={plan.grid} rows={slice.rows} startIndex={slice.startIndex} painted />
        </View>
      ))}
    </>
  );
}

// ------------------------------------------------------------------------------------------------------ présences

export function AttendanceAnnex({ attendance }: { attendance: NonNullable<ActivityReportAnnexes['attendance']> }) {
  const columns: TableColumn<(typeof attendance)[number]>[] = [
    { header: 'Type de réunion', width: 5, value: (row) => row.typeLabel },
    { header: 'Réunions', width: 1.5, numeric: true, value: (row) => formatInteger(row.meetings) },
    { header: 'Présents en moyenne', width: 2, numeric: true, value: (row) => formatDecimal(row.averagePresent) },
    { header: 'Invités en moyenne', width: 2, numeric: true, value: (row) => formatDecimal(row.averageInvited) },
  ];
  if (attendance.length === 0) return <EmptyState>Aucune réunion tenue dans l’année.</EmptyState>;
  return (
    <Block title="Participation aux réunions de l’année">
      <Table columns={columns} rows={attendance} rowKey={(row) => row.typeLabel} />
    </Block>
  );
}
