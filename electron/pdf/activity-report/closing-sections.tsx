/** The sections after the missions: protocols, RCP, partnerships, finances, perspectives. */
import { Text, View } from '@react-pdf/renderer';
import { budgetByMissionChart } from '@shared/charts';
import { formatDecimal, formatEurosFromCents, nonBreaking, plural, shortDate } from '@shared/format';
import type {
  FinancesData,
  MissionFiche,
  NextYearTarget,
  PartnershipLine,
  ProtocolsData,
} from '@shared/reports/activity-report';
import type { RcpYearData } from '@shared/reports/meetings';
import type { RegisterLine } from '@shared/reports/protocol-register';
import { EmptyState, KeyValueList } from '../components';
import { PdfChart } from '../components/charts/PdfChart';
import { BulletList } from '../components/free-text';
import { Table, type TableColumn } from '../layout';
import { Block, CoordinatorText, FigureGrid, Label, TEXT_MAX_CHARS } from './blocks';

import { CHART, count, styles } from './section-kit';

// ------------------------------------------------------------------------------------------------------ protocoles

const registerColumns: TableColumn<RegisterLine>[] = [
  { header: 'Code', width: 1.2, value: (row) => row.code },
  { header: 'Protocole', width: 4, value: (row) => row.title },
  { header: 'Mission', width: 1.8, value: (row) => row.mission },
  { header: 'État', width: 2, value: (row) => row.status },
  { header: 'Validé le', width: 1.5, value: (row) => row.validatedOn },
  { header: 'Révision', width: 1.6, value: (row) => row.nextReview },
  { header: 'Utilisations', width: 1.4, numeric: true, value: (row) => count(row.uses) },
];

export function Protocols({ protocols }: { protocols: ProtocolsData }) {
  const { register } = protocols;
  const versionColumns: TableColumn<ProtocolsData['versionsValidated'][number]>[] = [
    { header: 'Protocole', width: 5, value: (row) => row.protocol },
    { header: 'Version', width: 1.2, numeric: true, value: (row) => String(row.version) },
    { header: 'Validée le', width: 1.6, value: (row) => shortDate(row.validatedOn) },
    { header: 'Par', width: 2.6, value: (row) => row.instance ?? '—' },
  ];
  const reviewColumns: TableColumn<ProtocolsData['reviewsDue'][number]>[] = [
    { header: 'Protocole', width: 6, value: (row) => row.protocol },
    { header: 'Révision', width: 2, value: (row) => `${shortDate(row.dueOn)}${row.overdue ? ' (dépassée)' : ''}` },
  ];
  const teamColumns: TableColumn<ProtocolsData['teams'][number]>[] = [
    { header: 'Protocole de coopération', width: 6, value: (row) => row.protocol },
    { header: 'Délégants', width: 1.5, numeric: true, value: (row) => count(row.delegants) },
    { header: 'Délégués', width: 1.5, numeric: true, value: (row) => count(row.delegues) },
  ];
  const useColumns: TableColumn<ProtocolsData['uses'][number]>[] = [
    { header: 'Protocole', width: 6, value: (row) => row.protocol },
    { header: 'Utilisations', width: 1.6, numeric: true, value: (row) => count(row.uses) },
    { header: 'Professionnels', width: 1.8, numeric: true, value: (row) => count(row.professionals) },
  ];
  return (
    <>
      <FigureGrid
        items={[
          { label: 'Protocoles', value: count(register.totals.protocols) },
          { label: 'En vigueur', value: count(register.totals.inForce) },
          { label: 'Utilisations dans l’année', value: count(register.totals.uses) },
        ]}
      />
      <Block title="Registre des protocoles">
        {register.groups.length === 0 ? (
          <EmptyState>Aucun protocole dans la bibliothèque.</EmptyState>
        ) : (
          register.groups.map((group) => (
            <View key={group.title} style={styles.spaced}>
              <Label>{`${group.title} (${group.lines.length})`}</Label>
              <Table columns={registerColumns} rows={group.lines} rowKey={(row) => String(row.id)} />
            </View>
          ))
        )}
      </Block>
      {protocols.versionsValidated.length > 0 ? (
        <Block title="Versions validées dans l’année" rows={protocols.versionsValidated.length}>
          <Table columns={versionColumns} rows={protocols.versionsValidated} />
        </Block>
      ) : null}
      {protocols.reviewsDue.length > 0 ? (
        <Block title="Révisions à faire" rows={protocols.reviewsDue.length}>
          <Table columns={reviewColumns} rows={protocols.reviewsDue} />
        </Block>
      ) : null}
      {protocols.teams.length > 0 ? (
        <Block title="Équipes des protocoles de coopération" rows={protocols.teams.length}>
          <Table columns={teamColumns} rows={protocols.teams} />
        </Block>
      ) : null}
      <Block title="Utilisations dans l’année" rows={protocols.uses.length}>
        {protocols.uses.length === 0 ? (
          <EmptyState>Aucune utilisation enregistrée dans l’année.</EmptyState>
        ) : (
          <Table columns={useColumns} rows={protocols.uses} />
        )}
      </Block>
    </>
  );
}

// ------------------------------------------------------------------------------------------------------------- RCP

export function Rcp({ rcp }: { rcp: RcpYearData }) {
  const { totals } = rcp;
  const countColumns = (header: string): TableColumn<{ label: string; count: number }>[] => [
    { header, width: 6, value: (row) => row.label },
    { header: 'Cas', width: 1.5, numeric: true, value: (row) => count(row.count) },
  ];
  return (
    <>
      <FigureGrid
        items={[
          {
            label: 'RCP tenues',
            value: count(totals.sessions),
            detail: nonBreaking(`${totals.clinical} cliniques, ${totals.thematic} thématiques`),
          },
          { label: 'Cas présentés', value: count(totals.cases) },
          { label: 'Cas de 75 ans ou plus ou en ALD', value: count(totals.over75OrAld) },
          { label: 'Professions par RCP (moyenne)', value: formatDecimal(totals.averageProfessions) },
          { label: 'Suivis prévus', value: count(totals.followUpsPlanned) },
          { label: 'Suivis faits', value: count(totals.followUpsDone) },
        ]}
      />
      {totals.sessionsBelowMinimum > 0 ? (
        <Text style={styles.muted}>
          {nonBreaking(
            `${plural(totals.sessionsBelowMinimum, 'RCP a réuni', 'RCP ont réuni')} moins de ${totals.minProfessions} professions.`,
          )}
        </Text>
      ) : null}
      {rcp.byMotif.length > 0 ? (
        <Block title="Cas par motif" rows={rcp.byMotif.length}>
          <Table columns={countColumns('Motif')} rows={rcp.byMotif} rowKey={(row) => row.label} />
        </Block>
      ) : null}
      {rcp.byAgeBand.length > 0 ? (
        <Block title="Cas par tranche d’âge" rows={rcp.byAgeBand.length}>
          <Table columns={countColumns('Tranche d’âge')} rows={rcp.byAgeBand} rowKey={(row) => row.label} />
        </Block>
      ) : null}
      {rcp.themes.length > 0 ? (
        <Block title="Thèmes des RCP thématiques">
          <BulletList items={rcp.themes} maxChars={TEXT_MAX_CHARS} />
        </Block>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------- partenariats

const ficheLine = (fiche: MissionFiche) =>
  `${fiche.code ? `${fiche.code} — ` : ''}${fiche.title}${fiche.porteur ? ` (porteur : ${fiche.porteur})` : ''} — ${fiche.statusLabel.toLowerCase()}`;

export function Partnerships({ partnerships }: { partnerships: PartnershipLine[] }) {
  if (partnerships.length === 0) return <EmptyState>Aucun partenariat n’est enregistré.</EmptyState>;
  return (
    <>
      {partnerships.map((line, index) => (
        <View key={index} style={styles.partnership}>
          <Block title={`${line.typeLabel} — ${line.partner}`}>
            <KeyValueList
              items={[
                ...(line.title ? [{ label: 'Intitulé', value: line.title }] : []),
                { label: 'Signé le', value: line.signedOn ? shortDate(line.signedOn) : null },
                { label: 'Place de la CPTS', value: line.cptsSeat },
              ]}
            />
            {line.note ? <CoordinatorText text={line.note} /> : null}
            {line.carried.length > 0 ? (
              <View style={styles.spaced}>
                <Label>Fiches actions portées par la CPTS</Label>
                <BulletList items={line.carried.map(ficheLine)} maxChars={TEXT_MAX_CHARS} />
              </View>
            ) : null}
            {line.participating.length > 0 ? (
              <View style={styles.spaced}>
                <Label>Fiches actions auxquelles la CPTS participe</Label>
                <BulletList items={line.participating.map(ficheLine)} maxChars={TEXT_MAX_CHARS} />
              </View>
            ) : null}
          </Block>
        </View>
      ))}
    </>
  );
}

// -------------------------------------------------------------------------------------------------------- finances

export function Finances({ finances }: { finances: FinancesData }) {
  const receivedColumns: TableColumn<FinancesData['received'][number]>[] = [
    { header: 'Versement', width: 4, value: (row) => row.kindLabel },
    { header: 'Mission', width: 4, value: (row) => row.missionLabel ?? '—' },
    { header: 'Montant', width: 2, numeric: true, value: (row) => formatEurosFromCents(row.cents) },
  ];
  const missionColumns: TableColumn<FinancesData['byMission'][number]>[] = [
    { header: 'Mission', width: 5, value: (row) => row.missionLabel },
    {
      header: 'Enveloppe',
      width: 2,
      numeric: true,
      value: (row) => (row.envelopeCents === null ? '—' : formatEurosFromCents(row.envelopeCents)),
    },
    { header: 'Budget prévu', width: 2, numeric: true, value: (row) => formatEurosFromCents(row.plannedCents) },
    { header: 'Dépensé', width: 2, numeric: true, value: (row) => formatEurosFromCents(row.spentCents) },
  ];
  return (
    <>
      <Block title="Versements reçus dans l’année" rows={finances.received.length}>
        {finances.received.length === 0 ? (
          <EmptyState>Aucun versement reçu dans l’année.</EmptyState>
        ) : (
          <Table
            columns={receivedColumns}
            rows={finances.received}
            totalRow={['Total', '', formatEurosFromCents(finances.receivedTotalCents)]}
          />
        )}
      </Block>
      {finances.byMission.length > 0 ? (
        <Block title="Enveloppes et budgets par mission">
          <Table columns={missionColumns} rows={finances.byMission} rowKey={(row) => row.missionLabel} />
          <View style={styles.spaced}>
            <PdfChart geometry={budgetByMissionChart(finances.byMission, CHART)} />
          </View>
        </Block>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------- perspectives

export function Perspectives({ targets }: { targets: NextYearTarget[] }) {
  if (targets.length === 0) return null;
  const columns: TableColumn<NextYearTarget>[] = [
    { header: 'Mission', width: 3, value: (row) => row.missionLabel },
    { header: 'Indicateur', width: 5, value: (row) => row.indicator },
    { header: 'Cible', width: 2.5, value: (row) => row.target },
  ];
  return (
    <Block title="Cibles de l’année de contrat suivante" rows={targets.length}>
      <Table columns={columns} rows={targets} />
    </Block>
  );
}
