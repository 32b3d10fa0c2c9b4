import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { imageSize } from 'image-size';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackingIndicator, TrackingMission, TrackingTable } from '@shared/contract/indicators';
import { ACTIVITY_SECTIONS } from '@shared/domain/report-labels';
import { formatEurosFromCents, formatInteger } from '@shared/format';
import type {
  ActivityReportData,
  ActivityReportSection,
  MissionFiche,
  ReportImage,
  SectionTexts,
} from '@shared/reports/activity-report';
import { protocolRegisterData } from '@shared/reports/protocol-register';
import { generateCptsHistory } from '../../bench/generate-history';
import { activityReportDocx } from '../../electron/docx/activity-report';
import { activityReportData, type ActivityReportDraft } from '../../electron/services/activity-report';
import { approvedPv } from '../fixtures/ag-documents';
import { rcpYear } from '../fixtures/meetings-pdf';
import { compositionData, membersListData } from '../fixtures/members-pdf';
import { tempDatabase } from '../helpers/db';

// ——— A small PNG, built here so that the docx carries a real image ———

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** An RGB PNG of `width` × `height`, a horizontal gradient of the given colour. */
function png(width: number, height: number, [r, g, b]: [number, number, number]): ReportImage {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      const shade = x / width;
      raw.set([Math.round(r * shade), Math.round(g * shade), Math.round(b * shade)], at);
    }
  }
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { mimeType: 'image/png', base64: bytes.toString('base64'), width, height };
}

// ——— The fixture: a CPTS of the Isère, its 2025 report, every section kept ———

const GENERATED_AT = '2026-03-02T10:30:00';
const CPTS_NAME = 'CPTS Sud-Est Grenoblois';
const NO_TEXTS: SectionTexts = { body: null, difficulties: null, nextSteps: null, photos: [] };
const sectionTitle = (key: string) => ACTIVITY_SECTIONS.find((section) => section.key === key)?.label ?? key;

const COMMUNES = [
  ['38151', 'Échirolles', 37_000],
  ['38158', 'Eybens', 10_200],
  ['38485', 'Saint-Martin-d’Hères', 38_800],
  ['38229', 'Meylan', 17_500],
  ['38309', 'Poisat', 2_200],
] as const;

function fiche(index: number, missionCode: string): MissionFiche {
  return {
    id: index,
    code: `FA-${missionCode.slice(0, 3).toUpperCase()}-${index}`,
    title: index % 2 ? `Dépistage du cancer du sein ${index}` : `Consultations non programmées ${index}`,
    statusLabel: 'En cours',
    cptsRoleLabel: 'Porteur',
    porteur: index % 5 === 0 ? 'Porteur : Ville d’Échirolles' : null,
    lastDone: { label: 'Réunion de lancement', doneOn: '2025-03-12' },
    nextDue: { label: 'Bilan à mi-parcours', dueOn: '2025-11-30', late: index % 3 === 0 },
    budgetPlannedCents: 1_200_000,
    budgetSpentCents: 845_050,
  };
}

function indicator(index: number, missionCode: TrackingMission['missionCode']): TrackingIndicator {
  return {
    indicator: {
      id: index,
      contractId: 1,
      missionCode,
      ficheId: null,
      ficheTitle: null,
      code: `${missionCode.slice(0, 3).toUpperCase()}-${index}`,
      label: `Part des patients en ALD sans médecin traitant ${index}`,
      kind: 'resultat',
      valueType: 'taux',
      unit: null,
      direction: 'baisse',
      definition: null,
      dataSource: 'cpam',
      autoMeasure: null,
      baselineValue: 4.8,
      baselineOn: '2024-12-31',
      baselineSource: null,
      position: index,
      archived: false,
      measureCount: 1,
    },
    target: {
      id: index,
      indicatorId: index,
      contractYearId: 3,
      yearIndex: 3,
      paymentRule: 'tout_ou_rien',
      targetValue: 4,
      maxCents: 300_000,
      tiers: [],
      carriedOverFromId: null,
      note: null,
    },
    measure: {
      id: index,
      indicatorId: index,
      contractYearId: 3,
      yearIndex: 3,
      value: 3.6,
      periodStart: null,
      periodEnd: null,
      measuredOn: '2025-12-31',
      source: null,
      status: 'valide',
      comment: null,
      computedFrom: null,
    },
    measureCount: 1,
    result: {
      status: 'atteint',
      value: 3.6,
      tierReached: null,
      earnedCents: 300_000,
      maxCents: 300_000,
      attainmentRate: 1,
      progress: 1,
    },
    evidence: { required: 2, provided: 1, missing: 1 },
  };
}

const COUNTS = { non_mesure: 0, atteint: 0, partiel: 0, non_atteint: 0 };

function trackingMission(missionCode: TrackingMission['missionCode'], label: string, rows: number): TrackingMission {
  const indicators = Array.from({ length: rows }, (_, index) => indicator(index + 1, missionCode));
  const earned = indicators.length * 300_000;
  return {
    missionCode,
    label,
    shortLabel: label,
    envelope: { fixedCents: 2_000_000, variableMaxCents: earned },
    indicators,
    result: {
      label,
      fixedCents: 2_000_000,
      variableMaxCents: earned,
      indicatorsMaxCents: earned,
      earnedCents: earned,
      attainmentRate: 1,
      counts: { ...COUNTS, atteint: rows },
      mismatch: null,
    },
  };
}

function trackingTable(scale: number): TrackingTable {
  const missions = [
    trackingMission('acces', 'Accès aux soins', 3 * scale),
    trackingMission('prevention', 'Prévention', 2 * scale),
  ];
  const earned = missions.reduce((sum, mission) => sum + mission.result.earnedCents, 0);
  return {
    contractId: 1,
    contractNumber: '2023-038-004',
    contractYearId: 3,
    yearIndex: 3,
    startOn: '2025-04-15',
    endOn: '2026-04-14',
    missions,
    result: {
      fixedCents: 4_000_000,
      variableMaxCents: earned,
      indicatorsMaxCents: earned,
      earnedCents: earned,
      totalCents: 4_000_000 + earned,
      attainmentRate: 1,
      counts: COUNTS,
      mismatches: [],
    },
    warnings: [],
  };
}

const INTRODUCTION =
  'L’année 2025 a vu la CPTS franchir le cap des 600 adhérents.\nMerci à toutes et à tous !\n\nLe bureau remercie la CPAM de l’Isère et l’ARS Auvergne-Rhône-Alpes.';
const ACCES_BODY =
  'Les consultations non programmées ont ouvert le 4 novembre.\nUne permanence a lieu chaque samedi matin.\n\n- Échirolles : 3 cabinets\n- Eybens : 1 cabinet';

interface FixtureOptions {
  scale?: number;
  logo?: boolean;
  photos?: boolean;
  leaveOut?: readonly string[];
}

function activityReport({
  scale = 1,
  logo = true,
  photos = true,
  leaveOut = [],
}: FixtureOptions = {}): ActivityReportData {
  const tracking = trackingTable(scale);
  const composition = compositionData(640, 7);
  const sections: ActivityReportSection[] = [];
  const texts = (body: string | null, extra: Partial<SectionTexts> = {}): SectionTexts => ({
    ...NO_TEXTS,
    body,
    ...extra,
  });
  const repeat = <T>(count: number, make: (index: number) => T): T[] =>
    Array.from({ length: count }, (_, index) => make(index));

  sections.push({
    key: 'synthese',
    title: sectionTitle('synthese'),
    texts: texts('En 2025, la CPTS a tenu 148 réunions et suivi 60 fiches actions.'),
    keyFigures: [
      { label: 'Adhérents', value: 640, previous: 603, unit: 'count' },
      { label: 'Versements de l’ACI reçus', value: 18_450_000, previous: 17_000_000, unit: 'euros_cents' },
      { label: 'Taux d’atteinte des indicateurs', value: 82.5, previous: null, unit: 'percent' },
    ],
  });
  sections.push({
    key: 'identite',
    title: sectionTitle('identite'),
    texts: NO_TEXTS,
    identity: {
      name: CPTS_NAME,
      legalForm: 'Association loi 1901',
      rna: 'W381234567',
      siret: '84512345600018',
      address: '12 avenue du 8 Mai 1945, 38130 Échirolles',
      president: 'Dr Paul Martin',
      coordinator: 'Claire Dubois',
      email: 'contact@cpts-seg.fr',
      website: null,
      aciSignedOn: '2023-04-15',
      contractNumber: '2023-038-004',
    },
    territory: {
      communes: repeat(COMMUNES.length * scale, (index) => {
        const [code, name, population] = COMMUNES[index % COMMUNES.length] ?? COMMUNES[0];
        return { codeInsee: code, name: scale > 1 ? `${name} ${index}` : name, population };
      }),
      population: 105_700 * scale,
      populationYear: 2021,
      populationSource: 'Code officiel géographique 2026 (INSEE) et populations légales 2021',
      tailleByContractYear: [
        { yearLabel: 'Année 3', periodLabel: '15/04/2025 – 14/04/2026', taille: 3, population: 105_700 },
      ],
    },
  });
  sections.push({
    key: 'vie_associative',
    title: sectionTitle('vie_associative'),
    texts: texts('Le conseil d’administration s’est réuni chaque mois.'),
    associativeLife: {
      governance: repeat(6 * scale, (index) => ({
        id: index + 1,
        date: `2025-${String((index % 12) + 1).padStart(2, '0')}-14`,
        typeLabel: index === 0 ? 'Assemblée générale ordinaire' : 'Conseil d’administration',
        title: index === 0 ? 'AG annuelle' : `CA n° ${index}`,
        quorum: index === 0 ? 'Quorum atteint : 142 présents ou représentés sur 380' : null,
        decisions: index % 4,
      })),
      workingGroups: repeat(4 * scale, (index) => ({
        name: `Commission soins non programmés ${index + 1}`,
        typeLabel: 'Commission',
        meetings: 5 + (index % 3),
        participants: 12,
      })),
      meetingsPerMonth: [9, 12, 14, 11, 13, 15, 6, 2, 14, 16, 18, 10],
      composition,
      membersOverYears: [
        { year: 2021, count: 212 },
        { year: 2022, count: 348 },
        { year: 2023, count: 455 },
        { year: 2024, count: 603 },
        { year: 2025, count: 640 },
      ],
      staff: [
        {
          fullName: 'Claire Dubois',
          role: 'Coordinatrice',
          employmentLabel: 'Salarié(e)',
          fte: 1,
          startedOn: '2022-01-03',
          endedOn: null,
        },
        {
          fullName: 'Hugo Bernard',
          role: 'Chargé de mission prévention',
          employmentLabel: 'Salarié(e)',
          fte: 0.5,
          startedOn: '2024-09-01',
          endedOn: null,
        },
      ],
    },
  });
  const image = png(320, 200, [15, 76, 92]);
  for (const entry of ACTIVITY_SECTIONS) {
    if (!('missionCode' in entry)) continue;
    const missionTracking = tracking.missions.find((mission) => mission.missionCode === entry.missionCode) ?? null;
    sections.push({
      key: entry.key,
      title: entry.label,
      texts:
        entry.missionCode === 'acces'
          ? texts(ACCES_BODY, {
              difficulties: 'Le recrutement de médecins reste difficile.',
              nextSteps: 'Ouvrir une deuxième permanence à Meylan.',
              photos: photos ? [{ caption: 'Inauguration des consultations, le 4 novembre', image }] : [],
            })
          : NO_TEXTS,
      mission: {
        key: entry.key,
        missionCode: entry.missionCode,
        title: entry.label,
        inContract: entry.missionCode !== 'qualite',
        fiches: repeat(2 * scale, (index) => fiche(index + 1, entry.missionCode)),
        tracking: missionTracking,
        evidence: [
          {
            label: 'Comptes rendus des réunions du groupe SNP',
            forLabel: 'ACC-1',
            provided: true,
            providedOn: '2025-06-30',
          },
          { label: 'Feuilles d’émargement', forLabel: 'ACC-2', provided: false, providedOn: null },
        ],
        crisisPlan:
          entry.missionCode === 'crise'
            ? [
                { kindLabel: 'Plan rédigé', occurredOn: '2023-01-15', note: null },
                { kindLabel: 'Exercice', occurredOn: '2025-10-03', note: 'Exercice canicule avec la mairie' },
              ]
            : null,
        texts: NO_TEXTS,
      },
    });
  }
  const register = protocolRegisterData({
    generatedAt: GENERATED_AT,
    cptsName: CPTS_NAME,
    year: 2025,
    protocols: repeat(4 * scale, (index) => ({
      id: index + 1,
      code: `PCO-${String(index + 1).padStart(2, '0')}`,
      title: index % 2 ? 'Cystite simple chez la femme' : 'Renouvellement de traitement de l’hypertension',
      family: 'pluripro',
      missionCode: 'parcours',
      status: 'en_vigueur',
      versionNumber: 2,
      validatedOn: '2024-05-02',
      nextReviewOn: '2026-05-02',
      review: 'a_jour',
      teamSize: 8,
      archivedOn: null,
    })),
    usesByProtocol: new Map([[1, 37]]),
  });
  sections.push({
    key: 'protocoles',
    title: sectionTitle('protocoles'),
    texts: NO_TEXTS,
    protocols: {
      register,
      versionsValidated: [
        { protocol: 'PCO-01 Cystite', version: 2, validatedOn: '2025-05-02', instance: 'Conseil d’administration' },
      ],
      reviewsDue: [{ protocol: 'PCO-02 Hypertension', dueOn: '2026-01-15', overdue: false }],
      teams: [{ protocol: 'PCO-01 Cystite', delegants: 4, delegues: 6 }],
      uses: [{ protocol: 'PCO-01 Cystite', uses: 37, professionals: 9 }],
    },
  });
  const rcp = rcpYear();
  sections.push({
    key: 'rcp',
    title: sectionTitle('rcp'),
    texts: NO_TEXTS,
    rcp: { ...rcp, sessions: repeat(scale, () => rcp.sessions).flat() },
  });
  sections.push({
    key: 'partenariats',
    title: sectionTitle('partenariats'),
    texts: texts('La CPTS siège au comité de pilotage du contrat local de santé.'),
    partnerships: [
      {
        typeLabel: 'Contrat local de santé',
        partner: 'Ville d’Échirolles',
        title: 'Contrat local de santé III',
        signedOn: '2023-12-15',
        cptsSeat: 'Comité de pilotage',
        note: null,
        axes: ['Prévenir', 'Guérir', 'Informer et former', 'Coordonner'],
        fichesTotal: 25,
        carried: [fiche(101, 'prevention')],
        participating: [{ ...fiche(102, 'acces'), porteur: 'Porteur : CHU Grenoble Alpes' }],
      },
    ],
  });
  sections.push({
    key: 'finances',
    title: sectionTitle('finances'),
    texts: NO_TEXTS,
    finances: {
      received: [
        { kindLabel: 'Fonctionnement', missionLabel: null, cents: 5_000_000 },
        { kindLabel: 'Part variable', missionLabel: 'Accès aux soins', cents: 1_345_050 },
      ],
      receivedTotalCents: 6_345_050,
      byMission: [
        { missionLabel: 'Accès aux soins', envelopeCents: 3_500_000, plannedCents: 2_400_000, spentCents: 1_690_100 },
        { missionLabel: 'Qualité et pertinence', envelopeCents: null, plannedCents: 0, spentCents: 0 },
      ],
    },
  });
  sections.push({
    key: 'perspectives',
    title: sectionTitle('perspectives'),
    texts: texts('En 2026, la CPTS ouvrira une deuxième permanence.'),
    nextYearTargets: [
      { missionLabel: 'Accès aux soins', indicator: 'ACC-1 Patients en ALD sans MT', target: '≤ 3,5 %' },
    ],
  });

  return {
    generatedAt: GENERATED_AT,
    cptsName: CPTS_NAME,
    year: 2025,
    logo: logo ? png(240, 120, [200, 60, 30]) : null,
    introduction: INTRODUCTION,
    highlights: [
      {
        title: 'Ouverture des consultations non programmées',
        body: 'Trois cabinets volontaires.',
        happenedOn: '2025-11-04',
      },
      { title: 'Exercice de crise canicule', body: null, happenedOn: null },
    ],
    highlightPhotos: photos ? [{ caption: 'Assemblée générale du 11 juin', image: png(300, 300, [90, 90, 90]) }] : [],
    contractYearLabel: 'Année 3 (15/04/2025 – 14/04/2026)',
    sections: sections.filter((section) => !leaveOut.includes(section.key)),
    annexes: {
      approvalPv: approvedPv(),
      membersList: membersListData({ count: 60 * scale, audience: 'annuaire' }),
      attendance: [{ typeLabel: 'Conseil d’administration', meetings: 11, averagePresent: 9.4, averageInvited: 12 }],
      tracking,
    },
  };
}

// ——— Reading the .docx ———

interface Unzipped {
  zip: JSZip;
  document: string;
  /** The text of the body, runs joined, non-breaking spaces as plain spaces. */
  text: string;
  headers: string;
  footers: string;
}

const plainText = (xml: string) =>
  xml
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&apos;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\u00a0/g, ' ');

async function unzip(bytes: Uint8Array): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (pattern: RegExp) => {
    const names = Object.keys(zip.files).filter((name) => pattern.test(name));
    const parts = await Promise.all(names.map((name) => zip.file(name)?.async('string') ?? ''));
    return parts.join('\n');
  };
  const document = await read(/^word\/document\.xml$/);
  return {
    zip,
    document,
    text: plainText(document),
    headers: plainText(await read(/^word\/header\d*\.xml$/)),
    footers: await read(/^word\/footer\d*\.xml$/),
  };
}

/**
 * Processor time of `build` in milliseconds: what the export costs, whatever else the machine runs at the same time
 * (the wall-clock time of a test varies with the load of a shared machine).
 */
async function cpuMs<T>(build: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = process.cpuUsage();
  const result = await build();
  const used = process.cpuUsage(started);
  return { result, ms: (used.user + used.system) / 1000 };
}

const media = (zip: JSZip) => Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name));

describe('Rapport d’activité (Word)', () => {
  it('follows the PDF’s outline: cover, introduction, highlights, contents, numbered sections, annexes', async () => {
    const data = activityReport();
    const docx = await unzip(await activityReportDocx(data));
    const { text, document } = docx;
    expect(text).toContain(CPTS_NAME);
    expect(text).toContain('Rapport d’activité 2025');
    expect(text).toContain('Les faits marquants de 2025');
    expect(text).toContain('Ouverture des consultations non programmées — 4 novembre 2025');
    // Every section in print order, numbered, then each annex, in a Titre 1; subsections in a Titre 2.
    const headings = (level: number) =>
      [...document.matchAll(new RegExp(`<w:pStyle w:val="Heading${level}"/>.*?</w:p>`, 'g'))].map((match) =>
        plainText(match[0]).trim(),
      );
    const expected = [
      ...data.sections.map((section, index) => `${index + 1}. ${section.title}`),
      'Annexe 1 — Tableau de suivi des indicateurs (année 3 du contrat)',
      'Annexe 2 — Procès-verbal de l’assemblée générale du 11/06/2026',
      'Annexe 3 — Liste des adhérents',
      'Annexe 4 — Statistiques de participation',
    ];
    expect(headings(1)).toEqual(expected);
    expect(headings(2)).toContain('Instances de gouvernance');
    // A Word table of contents over the Titres 1, as the PDF's, filled when Word opens the file.
    expect(document).toMatch(/TOC \\h \\o &quot;1-1&quot;/);
    const settings = await docx.zip.file('word/settings.xml')?.async('string');
    expect(settings).toContain('w:updateFields');
    // Its lines are written in advance, for LibreOffice and for a Word told not to update fields.
    const toc = plainText(
      /TOC .*?fldCharType="separate"\/>(.*?)<w:fldChar w:fldCharType="end"/s.exec(document)?.[1] ?? '',
    )
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(toc).toEqual(expected);
    // Outside a content control, where LibreOffice would print the field's instruction instead.
    expect(document).not.toContain('<w:sdt>');
    expect(text.indexOf('Introduction')).toBeLessThan(text.indexOf('Sommaire'));
    expect(text.indexOf('Sommaire')).toBeLessThan(text.lastIndexOf(expected[0] ?? '?'));
  });

  it('prints the key figures, communes, indicators, fiches, finances and the tableau de suivi', async () => {
    const { text } = await unzip(await activityReportDocx(activityReport()));
    expect(text).toContain('Adhérents');
    expect(text).toContain(formatInteger(640).replace(/\u00a0/g, ' '));
    expect(text).toContain('+37');
    expect(text).toContain('184 500 €');
    expect(text).toContain('Saint-Martin-d’Hères');
    expect(text).toContain('38485');
    expect(text).toContain('105 700');
    // An indicator with its baseline, cible, réalisé, palier and €.
    expect(text).toContain('ACC-1 — Part des patients en ALD sans médecin traitant 1');
    expect(text).toContain('4,8 % au 31/12/2024');
    expect(text).toContain('≤ 4 %');
    expect(text).toContain('3,6 % (validé par la CPAM)');
    expect(text).toContain('3 000 € / 3 000 €');
    expect(text).toContain('Sous-total de la mission');
    // A fiche with its budget, the evidence, the crisis plan, the protocols, RCP and partnerships.
    expect(text).toContain('FA-ACC-1 — Dépistage du cancer du sein 1');
    expect(text).toContain('8 450,50 € / 12 000 €');
    expect(text).toContain('Comptes rendus des réunions du groupe SNP');
    expect(text).toContain('Exercice le 3 octobre 2025 : Exercice canicule avec la mairie');
    expect(text).toContain('Renouvellement de traitement de l’hypertension');
    expect(text).toContain('RCP personnes âgées — Eybens');
    expect(text).toContain('Contrat local de santé – Ville d’Échirolles');
    expect(text).toContain('Les actions auxquelles participe la CPTS :');
    expect(text).toContain('Porteur : CHU Grenoble Alpes');
    expect(text).toContain(formatEurosFromCents(6_345_050).replace(/\u00a0/g, ' '));
    expect(text).toContain('Source : Code officiel géographique 2026 (INSEE) et populations légales 2021.');
    expect(text).toContain(
      'Il comprend 4 axes : « Prévenir », « Guérir », « Informer et former », « Coordonner » et 25 fiches actions.',
    );
    // Charts as the table of their figures.
    expect(text).toContain('Réunions tenues par mois en 2025');
    expect(text).toMatch(/janv\.\s*févr\./);
    expect(text).toContain('Évolution du nombre d’adhérents');
    expect(text).toContain('Budget par mission');
    expect(text).toContain('Adhérents par profession');
    // Annexes.
    expect(text).toContain('Assemblée générale ordinaire du 11 juin 2026');
    expect(text).toContain('Quorum atteint');
    expect(text).toContain('Part variable obtenue');
    expect(text).toContain('Présents (moyenne)');
  });

  it('keeps the coordinator’s texts, their line breaks and bullets, with French spacing', async () => {
    const { text, document } = await unzip(await activityReportDocx(activityReport()));
    expect(text).toContain('L’année 2025 a vu la CPTS franchir le cap des 600 adhérents.\nMerci à toutes et à tous !');
    expect(text).toContain('Le bureau remercie la CPAM de l’Isère');
    expect(text).toContain('Une permanence a lieu chaque samedi matin.');
    expect(text).toContain('Difficultés rencontrées');
    expect(text).toContain('Le recrutement de médecins reste difficile.');
    expect(text).toContain('Prochaines étapes');
    // « - » lines are bullets, a non-breaking space before « ! » and « : ».
    expect(document).toMatch(/<w:numPr>.*?<\/w:numPr>.*?Échirolles\u00a0:\u00a03 cabinets/s);
    expect(document).toContain('à toutes et à tous\u00a0!');
    // No plain space before « : ; ! ? » anywhere in the body.
    expect(document.replace(/<[^>]+>/g, '')).not.toMatch(/ [:;!?]/);
  });

  it('drops the control characters a pasted text may carry, which would make the file unreadable', async () => {
    const data = activityReport();
    const docx = await unzip(
      await activityReportDocx({
        ...data,
        introduction: 'Texte collé\u000bdepuis un autre logiciel\u0001, avec un saut de page\u000c.',
      }),
    );
    expect(docx.text).toContain('Texte collédepuis un autre logiciel, avec un saut de page.');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may be left in the XML.
    expect(docx.document).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it('puts the CPTS and the year in the header, « Page x sur y » in the footer, A4 and Arial', async () => {
    const docx = await unzip(await activityReportDocx(activityReport()));
    expect(docx.headers).toContain('CPTS Sud-Est Grenoblois — Rapport d’activité 2025');
    expect(docx.footers).toMatch(/Page <\/w:t>.*PAGE.*sur <\/w:t>.*NUMPAGES/s);
    expect(docx.document).toContain('w:w="11906" w:h="16838"');
    const styles = await docx.zip.file('word/styles.xml')?.async('string');
    expect(styles).toContain('w:ascii="Arial"');
    // Tables repeat their header row on every page.
    expect(docx.document).toContain('<w:tblHeader/>');
  });

  it('embeds the logo and the photos with their captions', async () => {
    const docx = await unzip(await activityReportDocx(activityReport()));
    expect(media(docx.zip)).toHaveLength(3);
    expect(docx.text).toContain('Inauguration des consultations, le 4 novembre');
    // A photo attached to no section is printed with the highlights.
    expect(docx.text.indexOf('Assemblée générale du 11 juin')).toBeGreaterThan(
      docx.text.indexOf('Les faits marquants'),
    );
    expect(docx.text.indexOf('Assemblée générale du 11 juin')).toBeLessThan(docx.text.indexOf('Sommaire'));
    // The logo keeps its aspect ratio (240 × 120) within half the text width.
    const extents = [...docx.document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map(([, cx, cy]) => [
      Number(cx),
      Number(cy),
    ]);
    expect(extents[0]?.[0]).toBe(2 * (extents[0]?.[1] ?? 0));
    // Each drawing has its own id and says what it shows.
    const ids = [...docx.document.matchAll(/<wp:docPr id="(\d+)" name="([^"]*)"/g)];
    expect(new Set(ids.map((match) => match[1])).size).toBe(3);
    expect(ids.map((match) => match[2])).toEqual([
      'Logo de CPTS Sud-Est Grenoblois',
      'Assemblée générale du 11 juin',
      'Inauguration des consultations, le 4 novembre',
    ]);
  });

  it('builds a report without logo, photos or annexes', async () => {
    const data = activityReport({ logo: false, photos: false });
    const docx = await unzip(
      await activityReportDocx({
        ...data,
        introduction: null,
        highlights: [],
        annexes: { approvalPv: null, membersList: null, attendance: null, tracking: null },
      }),
    );
    expect(media(docx.zip)).toHaveLength(0);
    expect(docx.text).not.toContain('Les faits marquants');
    expect(docx.text).not.toContain('Annexe 1');
    expect(docx.text).toContain('1. Synthèse et chiffres clés');
  });

  it('leaves out the sections the coordinator left out, and renumbers the others', async () => {
    const docx = await unzip(
      await activityReportDocx(activityReport({ leaveOut: ['identite', 'mission_crise', 'rcp'] })),
    );
    expect(docx.text).not.toContain('Identité et territoire');
    expect(docx.text).not.toContain('38485');
    expect(docx.text).not.toContain('Réponse aux crises sanitaires graves');
    expect(docx.text).not.toContain('RCP personnes âgées — Eybens');
    expect(docx.text).toContain('2. Vie associative');
    expect(docx.text).toContain('3. Amélioration de l’accès aux soins');
  });

  it('builds a report ten times larger in under two seconds of processor time', async () => {
    const data = activityReport({ scale: 10 });
    // Timed once the code is warm, as in the running app.
    await activityReportDocx(activityReport());
    const { result: bytes, ms: elapsed } = await cpuMs(() => activityReportDocx(data));
    const docx = await unzip(bytes);
    expect(docx.text).toContain('Saint-Martin-d’Hères 47');
    expect(docx.text).toContain('ACC-30 — Part des patients en ALD sans médecin traitant 30');
    expect(elapsed).toBeLessThan(2_000);
  });
});

/** The report of a generated five-year CPTS (bench/generate-history.ts), read from the database as the app reads it. */
describe('Rapport d’activité (Word) of a generated CPTS', () => {
  let database: Awaited<ReturnType<typeof tempDatabase>>;
  let data: ActivityReportData;
  let docx: Unzipped;
  let elapsedMs = 0;

  beforeAll(async () => {
    database = await tempDatabase();
    const documentsDir = join(database.dir, 'documents');
    const history = await generateCptsHistory(database.db, { documentsDir });
    const year = history.years[history.years.length - 1] ?? 2025;
    const documents = await database.db.selectFrom('document').select(['id', 'stored_name']).execute();
    const images = (documentId: number): ReportImage | null => {
      const stored = documents.find((row) => row.id === documentId)?.stored_name;
      if (!stored) return null;
      const bytes = readFileSync(join(documentsDir, stored));
      const { width, height, type } = imageSize(bytes);
      return { mimeType: type === 'png' ? 'image/png' : 'image/jpeg', base64: bytes.toString('base64'), width, height };
    };
    const draft: ActivityReportDraft = {
      introduction: 'Cinq ans après la signature du contrat, la CPTS rassemble les professionnels du territoire.',
      contractYearId: history.contractYears.find((entry) => entry.startOn.startsWith(String(year)))?.id ?? null,
      approvalMeetingId: null,
      includeMembersList: true,
      membersListAudience: 'annuaire',
      includeAttendance: true,
      includeTrackingAnnex: true,
      sections: ACTIVITY_SECTIONS.map((section) => ({
        key: section.key,
        title: section.label,
        missionCode: 'missionCode' in section ? section.missionCode : null,
        included: true,
        body: null,
        difficulties: null,
        nextSteps: null,
      })),
      highlights: [],
      photos: [],
    };
    data = await activityReportData(
      database.db,
      { year, draft, images },
      { now: new Date(`${history.today}T10:00:00Z`), today: history.today },
    );
    // Timed once the code is warm (a first document loads and compiles the Word writer).
    await activityReportDocx(activityReport());
    const { result: bytes, ms } = await cpuMs(() => activityReportDocx(data));
    elapsedMs = ms;
    docx = await unzip(bytes);
  }, 180_000);
  afterAll(async () => {
    await database?.dispose();
  });

  it('prints the logo, every section kept and its figures', () => {
    expect(data.logo).not.toBeNull();
    expect(media(docx.zip)).toHaveLength(1);
    data.sections.forEach((section, index) => {
      expect(docx.text).toContain(`${index + 1}. ${section.title}`.replace(/\u00a0/g, ' '));
    });
    const synthese = data.sections.find((section) => section.key === 'synthese');
    if (!synthese || !('keyFigures' in synthese)) throw new Error('no synthèse');
    for (const figure of synthese.keyFigures) {
      expect(docx.text).toContain(figure.label);
      if (figure.unit === 'count') expect(docx.text).toContain(formatInteger(figure.value).replace(/\u00a0/g, ' '));
      if (figure.unit === 'euros_cents')
        expect(docx.text).toContain(formatEurosFromCents(figure.value).replace(/\u00a0/g, ' '));
    }
  });

  it('prints every fiche and every indicator of the mission sections', () => {
    const missions = data.sections.flatMap((section) => ('mission' in section ? [section.mission] : []));
    const fiches = missions.flatMap((mission) => mission.fiches);
    const indicators = missions.flatMap((mission) => mission.tracking?.indicators ?? []);
    expect(fiches.length).toBeGreaterThan(0);
    expect(indicators.length).toBeGreaterThan(0);
    for (const fiche of fiches) expect(docx.text).toContain(fiche.title.replace(/\u00a0/g, ' '));
    for (const line of indicators) expect(docx.text).toContain(line.indicator.label.replace(/\u00a0/g, ' '));
  });

  it('is written in under two seconds of processor time', () => {
    expect(elapsedMs).toBeLessThan(2_000);
  });
});
