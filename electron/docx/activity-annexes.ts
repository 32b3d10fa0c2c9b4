/** The annexes of the Word rapport d’activité, each on its own page as in the PDF. */
import { PageBreak, Paragraph } from 'docx';
import type { TrackingTable } from '@shared/contract/indicators';
import { dateLong, formatDecimal, formatEurosFromCents, formatInteger, plural, shortDate } from '@shared/format';
import type { ActivityReportData } from '@shared/reports/activity-report';
import type { PvData } from '@shared/reports/ag';
import { annexMissions, attainmentText, missionTitle } from '@shared/reports/indicators-tracking';
import type { MembersListData } from '@shared/reports/members';
import { caption, freeText, gap, heading, labelled, pairsTable, para, table } from './kit';
import { type Block, DASH, envelopeText, orDash, trackingTable } from './activity-blocks';

// ——— Annexes ———

function pvBlocks(pv: PvData): Block[] {
  const { meeting } = pv;
  const blocks: Block[] = [
    para(`${meeting.organLabel} du ${dateLong(meeting.date)}`, { bold: true }),
    para(`${pv.association.name}${meeting.place ? ` — ${meeting.place}` : ''}. ${pv.statusLabel}.`, { muted: true }),
    para(pv.convocationLine),
    para(pv.quorumSentence),
  ];
  if (pv.presidentSeance) blocks.push(labelled('Président(e) de séance', pv.presidentSeance));
  if (pv.secretaireSeance) blocks.push(labelled('Secrétaire de séance', pv.secretaireSeance));
  for (const item of pv.items) {
    blocks.push(heading(item.title, 2), ...freeText(item.summary));
    for (const resolution of item.resolutions) {
      blocks.push(
        para(`Résolution ${resolution.number} — ${resolution.title}`, { bold: true }),
        ...freeText(resolution.text),
        para(
          resolution.votes
            ? `Pour : ${formatInteger(resolution.votes.pour)} ; contre : ${formatInteger(resolution.votes.contre)} ; abstention : ${formatInteger(resolution.votes.abstention)}. ${resolution.resultLabel}.`
            : `${resolution.resultLabel}.`,
          { italics: true },
        ),
      );
    }
  }
  return blocks;
}

function membersListBlocks(list: MembersListData): Block[] {
  const full = list.audience === 'bureau';
  return [
    para(list.notice, { muted: true }),
    para(
      `${plural(list.totalCount, 'adhérent')}${list.withoutConsentCount > 0 ? ` (${formatInteger(list.withoutConsentCount)} sans consentement à la diffusion, non listés)` : ''}.`,
    ),
    ...list.groups.flatMap((group) => [
      caption(`${group.title} (${formatInteger(group.count)})`),
      table(
        [
          { header: 'Nom', width: 24 },
          { header: 'Profession', width: 22 },
          { header: 'Commune', width: 18 },
          { header: full ? 'Structure' : 'Structure d’exercice', width: 18 },
          { header: 'Contact', width: 18 },
        ],
        group.rows.map((row) => [
          row.name,
          row.profession,
          orDash(row.commune),
          orDash(row.structure),
          [row.phone, row.email].filter(Boolean).join('\n') || DASH,
        ]),
      ),
      gap(),
    ]),
  ];
}

function attendanceBlocks(attendance: NonNullable<ActivityReportData['annexes']['attendance']>): Block[] {
  return [
    table(
      [
        { header: 'Type de réunion', width: 40 },
        { header: 'Réunions', width: 20, numeric: true },
        { header: 'Présents (moyenne)', width: 20, numeric: true },
        { header: 'Invités (moyenne)', width: 20, numeric: true },
      ],
      attendance.map((line) => [
        line.typeLabel,
        formatInteger(line.meetings),
        formatDecimal(line.averagePresent),
        formatDecimal(line.averageInvited),
      ]),
    ),
    gap(),
  ];
}

function trackingAnnex(tracking: TrackingTable): Block[] {
  const { missions } = annexMissions(tracking);
  const result = tracking.result;
  return [
    para(
      `Du ${dateLong(tracking.startOn)} au ${dateLong(tracking.endOn)}${tracking.contractNumber ? `, contrat n° ${tracking.contractNumber}` : ''}.`,
      { muted: true },
    ),
    pairsTable([
      ['Part fixe', formatEurosFromCents(result.fixedCents)],
      ['Part variable maximale', formatEurosFromCents(result.variableMaxCents)],
      ['Part variable obtenue', formatEurosFromCents(result.earnedCents)],
      ['Taux d’atteinte', attainmentText(result.earnedCents, result.variableMaxCents)],
      ['Total de l’année', formatEurosFromCents(result.totalCents)],
    ]),
    gap(),
    ...missions.flatMap((mission) => [
      heading(missionTitle(mission), 2),
      para(envelopeText(mission), { muted: true }),
      ...trackingTable(mission),
    ]),
  ];
}

/** The annexes in the PDF's order, each on its own page under « Annexe 2 — … » (a Titre 1: the contents list it). */
export function annexesBlocks(annexes: ActivityReportData['annexes']): Block[] {
  const parts: { name: string; body: Block[] }[] = [
    ...(annexes.tracking
      ? [
          {
            name: `Tableau de suivi des indicateurs (année ${annexes.tracking.yearIndex} du contrat)`,
            body: trackingAnnex(annexes.tracking),
          },
        ]
      : []),
    ...(annexes.approvalPv
      ? [
          {
            name: `Procès-verbal de l’assemblée générale du ${shortDate(annexes.approvalPv.meeting.date)}`,
            body: pvBlocks(annexes.approvalPv),
          },
        ]
      : []),
    ...(annexes.membersList ? [{ name: 'Liste des adhérents', body: membersListBlocks(annexes.membersList) }] : []),
    ...(annexes.attendance
      ? [{ name: 'Statistiques de participation', body: attendanceBlocks(annexes.attendance) }]
      : []),
  ];
  return parts.flatMap((part, index) => [
    new Paragraph({ children: [new PageBreak()] }),
    heading(`Annexe ${index + 1} — ${part.name}`, 1),
    ...part.body,
  ]);
}
