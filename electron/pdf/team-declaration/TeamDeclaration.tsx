import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { exportDate, frenchSpacing } from '@shared/format';
import {
  type DeclarationLine,
  TEAM_DECLARATION_TITLE,
  type TeamDeclarationData,
} from '@shared/reports/team-declaration';
import { DocumentTitle, EmptyState, KeyValueList, Note, Section } from '../components';
import { colors, fontSizes, textSize, weights } from '../components/theme';
import { ReportDocument, ReportPage, Table, type TableColumn } from '../layout';
import { footerLabel } from '../text';

const styles = StyleSheet.create({
  block: { marginBottom: 12 },
  attestation: {
    ...textSize(fontSizes.body),
    backgroundColor: colors.accentSoft,
    borderLeftWidth: 3,
    borderLeftColor: colors.accent,
    paddingVertical: 6,
    paddingHorizontal: 9,
    marginBottom: 12,
  },
  status: { ...textSize(fontSizes.body), marginBottom: 3 },
  owed: { ...textSize(fontSizes.body), fontWeight: weights.semibold, color: '#8a3b12' },
});

const columns: TableColumn<DeclarationLine>[] = [
  { header: 'Nom', width: 20, value: (row) => row.lastName },
  { header: 'Prénom', width: 17, value: (row) => row.firstName },
  { header: 'Profession', width: 22, value: (row) => row.profession },
  { header: 'RPPS', width: 17, value: (row) => row.rpps },
  { header: 'Date d’adhésion', width: 24, value: (row) => row.adhesionOn },
];

function MembersTable({ title, rows, empty }: { title: string; rows: DeclarationLine[]; empty: string }) {
  return (
    <Section title={title}>
      {rows.length === 0 ? <EmptyState>{empty}</EmptyState> : <Table columns={columns} rows={rows} />}
    </Section>
  );
}

/** « Déclaration d’équipe » of a cooperation protocol: the ARS form's fields on one page, to copy. */
export function TeamDeclaration({ data }: { data: TeamDeclarationData }) {
  const frame = {
    cptsName: data.cptsName,
    reportTitle: TEAM_DECLARATION_TITLE,
    footer: footerLabel(`${TEAM_DECLARATION_TITLE} — ${data.shortTitle}`, data.generatedAt),
  };
  const situation = exportDate(data.generatedAt);
  return (
    <ReportDocument
      title={`${TEAM_DECLARATION_TITLE} — ${data.title} — ${data.cptsName}`}
      author={data.cptsName}
      subject={TEAM_DECLARATION_TITLE}
    >
      <ReportPage {...frame} bookmark={TEAM_DECLARATION_TITLE}>
        <DocumentTitle
          title={TEAM_DECLARATION_TITLE}
          subtitle={data.title}
          {...(situation ? { meta: `Équipe au ${situation}, à reporter dans le formulaire de l’ARS` } : {})}
        />
        <View style={styles.block}>
          <KeyValueList items={data.facts} />
        </View>
        <Text style={styles.attestation}>{frenchSpacing(data.attestation)}</Text>
        <MembersTable
          title="Délégants"
          rows={data.delegants}
          empty="Aucun délégant actif : un médecin délégant au moins doit signer le protocole."
        />
        <MembersTable title="Délégués" rows={data.delegues} empty="Aucun délégué actif dans l’équipe." />
        <View wrap={false}>
          <Text style={styles.status}>{frenchSpacing(data.lastDeclared)}</Text>
          {data.owed ? <Text style={styles.owed}>{frenchSpacing(data.owed)}</Text> : null}
          {data.upToDate ? (
            <Note>
              {frenchSpacing('L’équipe déclarée est celle d’aujourd’hui : aucune nouvelle déclaration n’est due.')}
            </Note>
          ) : null}
        </View>
      </ReportPage>
    </ReportDocument>
  );
}
