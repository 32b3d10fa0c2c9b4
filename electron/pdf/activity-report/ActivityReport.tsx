import type { ReactNode } from 'react';
import { Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { dateLong, exportDate, nonBreaking, shortDate } from '@shared/format';
import { ACTIVITY_REPORT_TITLE, type ActivityReportData, numberedTitle } from '@shared/reports/activity-report';
import { SubsectionTitle } from '../components';
import { FreeText } from '../components/free-text';
import { colors, fontFamily, fontSizes, page, textSize, weights } from '../components/theme';
import { BrandedPage, imageSource, ReportDocument, Toc, TocPages, widthAtHeight, type TocEntry } from '../layout';
import { footerLabel } from '../text';
import {
  AttendanceAnnex,
  MembersAnnexLead,
  MembersAnnexPage,
  PvAnnex,
  planMembersAnnex,
  TrackingAnnex,
} from './annexes';
import { CoordinatorText, Photos, SectionHeading, sectionHeadingHeight, TEXT_MAX_CHARS } from './blocks';
import { SectionBody } from './sections';

/**
 * « Rapport d’activité » of a calendar year, as the ARS and the CPAM read it: a cover with the logo, the
 * coordinator’s introduction and highlights, the contents with their page numbers, one numbered section per page
 * opening (the coordinator’s text first, then the tables and charts the data gives), and the annexes, each on its
 * own page. Sections left out by the coordinator are absent from `data.sections`, hence from the contents.
 */

const COVER_LOGO_HEIGHT = 90;
const COVER_LOGO_MAX_WIDTH = 260;

const styles = StyleSheet.create({
  cover: {
    fontFamily,
    color: colors.text,
    paddingTop: 120,
    paddingBottom: page.paddingBottom,
    paddingHorizontal: page.paddingHorizontal + 20,
  },
  coverLogo: { height: COVER_LOGO_HEIGHT, objectFit: 'contain', marginBottom: 40 },
  coverCpts: { ...textSize(fontSizes.title + 2, 1.2), fontWeight: weights.bold, color: colors.accent },
  coverRule: { marginTop: 18, marginBottom: 18, width: 90, borderBottomWidth: 3, borderBottomColor: colors.accent },
  coverTitle: { ...textSize(30, 1.15), fontWeight: weights.bold, color: colors.text },
  coverLine: { ...textSize(fontSizes.lead + 1), color: colors.muted, marginTop: 10 },
  coverFoot: {
    position: 'absolute',
    left: page.paddingHorizontal + 20,
    right: page.paddingHorizontal + 20,
    bottom: 70,
    ...textSize(fontSizes.body),
    color: colors.muted,
  },
  pageTitle: {
    ...textSize(fontSizes.title - 3, 1.25),
    fontWeight: weights.bold,
    color: colors.accent,
    marginBottom: 12,
  },
  highlight: {
    marginBottom: 8,
    paddingLeft: 10,
    borderLeftWidth: 2.5,
    borderLeftColor: colors.accent,
  },
  highlightTitle: { ...textSize(fontSizes.body + 0.5), fontWeight: weights.semibold },
  highlightDate: { ...textSize(fontSizes.small + 0.5), color: colors.muted, marginBottom: 2 },
});

/** The cover: logo, CPTS, title, contract year, date of the export. Neither header nor footer. */
function Cover({ data, title }: { data: ActivityReportData; title: string }) {
  const logo = data.logo;
  const day = exportDate(data.generatedAt);
  return (
    <Page size="A4" style={styles.cover}>
      {logo ? (
        <Image
          src={imageSource(logo)}
          style={[styles.coverLogo, { width: Math.min(widthAtHeight(logo, COVER_LOGO_HEIGHT), COVER_LOGO_MAX_WIDTH) }]}
        />
      ) : null}
      <Text style={styles.coverCpts}>{data.cptsName}</Text>
      <View style={styles.coverRule} />
      <Text style={styles.coverTitle}>{title}</Text>
      {data.contractYearLabel ? (
        <Text style={styles.coverLine}>{nonBreaking(`Contrat ACI : ${data.contractYearLabel}`)}</Text>
      ) : null}
      <Text style={styles.coverLine}>{`Du 1er janvier au 31 décembre ${data.year}`}</Text>
      {day ? <Text style={styles.coverFoot}>{`Document établi le ${day} avec Maillage.`}</Text> : null}
    </Page>
  );
}

interface Part {
  id: string;
  title: string;
  body: ReactNode;
  /** The tableau de suivi needs the width of a landscape page. */
  landscape?: boolean;
  /** Pages that follow the first one, cut ahead of react-pdf (the list of members). */
  nextPages?: ReactNode[];
}

/** The annexes present in the data, in print order. */
function annexParts(data: ActivityReportData, headerText: string): Part[] {
  const { annexes } = data;
  const list: (Omit<Part, 'title'> & { name: string })[] = [];
  if (annexes.tracking) {
    list.push({
      id: 'annexe-suivi',
      name: `Tableau de suivi des indicateurs (année ${annexes.tracking.yearIndex} du contrat)`,
      body: <TrackingAnnex table={annexes.tracking} />,
      landscape: true,
    });
  }
  if (annexes.approvalPv) {
    list.push({
      id: 'annexe-pv',
      name: `Procès-verbal de l’assemblée générale du ${shortDate(annexes.approvalPv.meeting.date)}`,
      body: <PvAnnex pv={annexes.approvalPv} />,
    });
  }
  if (annexes.membersList) {
    const name = 'Liste des adhérents';
    const title = `Annexe ${list.length + 1} — ${name}`;
    const plan = planMembersAnnex(annexes.membersList, headerText, sectionHeadingHeight(title));
    const [first = [], ...next] = plan.pages;
    list.push({
      id: 'annexe-adherents',
      name,
      body: (
        <>
          <MembersAnnexLead plan={plan} />
          <MembersAnnexPage plan={plan} slices={first} />
        </>
      ),
      nextPages: next.map((slices, index) => <MembersAnnexPage key={index} plan={plan} slices={slices} />),
    });
  }
  if (annexes.attendance) {
    list.push({
      id: 'annexe-presences',
      name: 'Statistiques de participation',
      body: <AttendanceAnnex attendance={annexes.attendance} />,
    });
  }
  return list.map((part, index) => ({
    id: part.id,
    title: `Annexe ${index + 1} — ${part.name}`,
    body: part.body,
    ...(part.landscape ? { landscape: true } : {}),
    ...(part.nextPages ? { nextPages: part.nextPages } : {}),
  }));
}

export function ActivityReport({ data }: { data: ActivityReportData }) {
  // One registry per render: the headings note their pages in it, the contents read them back.
  const pages = new TocPages();
  const title = `${ACTIVITY_REPORT_TITLE} ${data.year}`;
  const frame = {
    headerText: `${data.cptsName} — ${title}`,
    logo: data.logo,
    footer: footerLabel(title, data.generatedAt),
  };
  const sections: Part[] = data.sections.map((section, index) => ({
    id: `section-${section.key}`,
    title: numberedTitle(index, section.title),
    body: <SectionBody section={section} />,
  }));
  const annexes = annexParts(data, frame.headerText);
  const entries: TocEntry[] = [...sections, ...annexes].map((part) => ({ id: part.id, title: part.title }));
  const hasOpening =
    Boolean(data.introduction?.trim()) || data.highlights.length > 0 || data.highlightPhotos.length > 0;

  return (
    <ReportDocument title={`${title} — ${data.cptsName}`} author={data.cptsName} subject={ACTIVITY_REPORT_TITLE}>
      <Cover data={data} title={title} />
      {hasOpening ? (
        <BrandedPage {...frame}>
          {data.introduction?.trim() ? (
            <View>
              <Text style={styles.pageTitle}>Introduction</Text>
              <CoordinatorText text={data.introduction} />
            </View>
          ) : null}
          {data.highlights.length > 0 || data.highlightPhotos.length > 0 ? (
            <View>
              <SubsectionTitle>{`Les faits marquants de ${data.year}`}</SubsectionTitle>
              {data.highlights.map((highlight, index) => (
                <View key={index} style={styles.highlight} wrap={false}>
                  {highlight.happenedOn ? (
                    <Text style={styles.highlightDate}>{dateLong(highlight.happenedOn)}</Text>
                  ) : null}
                  <Text style={styles.highlightTitle}>{highlight.title}</Text>
                  <FreeText text={highlight.body} maxChars={TEXT_MAX_CHARS - 3} />
                </View>
              ))}
              <Photos photos={data.highlightPhotos} />
            </View>
          ) : null}
        </BrandedPage>
      ) : null}
      <BrandedPage {...frame}>
        <Text style={styles.pageTitle}>Sommaire</Text>
        <Toc pages={pages} entries={entries} />
      </BrandedPage>
      {[...sections, ...annexes].flatMap((part) => [
        <BrandedPage key={part.id} {...frame} orientation={part.landscape ? 'landscape' : 'portrait'}>
          <SectionHeading pages={pages} id={part.id} title={part.title} />
          {part.body}
        </BrandedPage>,
        ...(part.nextPages ?? []).map((content, index) => (
          <BrandedPage key={`${part.id}-${index + 1}`} {...frame}>
            {content}
          </BrandedPage>
        )),
      ])}
    </ReportDocument>
  );
}
