import { frenchSpacing } from '@shared/format';
import { Font } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { FONTS_DIR } from '../helpers/handlers';
import {
  expectFooterOnEveryPage,
  expectFrench,
  expectOnlyInter,
  normalise,
  pdfWorkspace,
  type RenderedPdf as RenderedPdfBase,
} from '../helpers/pdf';
import {
  communeOf,
  majorityLine,
  meetingWhen,
  meetingWhere,
  organShort,
  organWith,
  signatureLines,
} from '@shared/reports/ag-format';
import { BLANK, dateLineOf, invitationSentence, proxyStatement } from '../../electron/pdf/convocation/Convocation';
import { FONT_FAMILY, registerFonts } from '../../electron/pdf/fonts';
import { closingSentence, DRAFT_BANNER, namesParagraph, NO_DEBATE, pvTitle } from '../../electron/pdf/pv/Pv';
import { type ReportJob } from '../../electron/pdf/render';
import type { PvData, PvResolution } from '@shared/reports/ag';
import {
  ageSecondRoundConvocation,
  agoConvocation,
  approvedPv,
  draftPv,
  largePv,
  memberNames,
  noProxyConvocation,
  weightedPv,
} from '../fixtures/ag-documents';

const workspace = pdfWorkspace('maillage-pdf-ag-', 'PDF_AG_PREVIEW');

const FOOTER_EXPORT = 'exporté le 23 novembre 2026 à 14 h 05';

interface RenderedPdf extends RenderedPdfBase {
  /** `flat` without the running header, the « BROUILLON » banner and the footer: lists that cross pages read whole. */
  body: string;
}

/** Replaces the registered Inter sources by new ones (new fontkit objects, empty glyph caches), as on app start. */
function freshInterFonts(): void {
  registerFonts(FONTS_DIR);
  const sources = Font.getRegisteredFonts()[FONT_FAMILY]?.sources ?? [];
  expect(sources.length).toBe(3);
  const fonts = sources.map((source) => ({
    src: source.src as string,
    fontWeight: source.fontWeight,
    fontStyle: source.fontStyle as 'normal',
  }));
  delete Font.getRegisteredFonts()[FONT_FAMILY];
  Font.register({ family: FONT_FAMILY, fonts });
}

async function render(job: ReportJob, name: string): Promise<RenderedPdf> {
  const pdf = await workspace.render(job, name);
  const body = pdf.raw
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .slice(1)
        .filter((line) => line !== DRAFT_BANNER && !/Page \d+ \/ \d+$/.test(line))
        .join('\n'),
    )
    .join('\n')
    .replace(/\s+/g, ' ');
  return { ...pdf, body };
}

/** The text between `from` (included) and the first `to` after it (or the end). */
function between(text: string, from: string, to?: string): string {
  const start = text.indexOf(from);
  expect(start, `« ${from} » est absent`).toBeGreaterThanOrEqual(0);
  const end = to ? text.indexOf(to, start + from.length) : -1;
  return text.slice(start, end === -1 ? undefined : end);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (text: string, needle: string) => text.split(needle).length - 1;

// ---------------------------------------------------------------------------------------------- helpers

describe('wording of the AG documents', () => {
  it('puts the organ, the place and the date in French sentences', () => {
    expect(organWith('à', 'Assemblée générale ordinaire')).toBe("à l'assemblée générale ordinaire");
    expect(organWith('de', 'Assemblée générale extraordinaire')).toBe("de l'assemblée générale extraordinaire");
    expect(organWith('de', "Conseil d'administration")).toBe("du conseil d'administration");
    expect(organWith('à', 'Bureau')).toBe('au bureau');
    expect(organWith('de', 'Commission parcours')).toBe('de la commission parcours');
    expect(organShort('Assemblée générale ordinaire')).toBe('AGO');
    expect(organShort('Assemblée générale extraordinaire')).toBe('AGE');
    expect(communeOf("12 avenue Ambroise-Croizat, 38400 Saint-Martin-d'Hères")).toBe("Saint-Martin-d'Hères");
    expect(communeOf('BP 12, 38401 Saint-Martin-d’Hères Cedex')).toBe('Saint-Martin-d’Hères');
    expect(communeOf('Maison des associations, Eybens')).toBe('Eybens');
    expect(communeOf(null)).toBeNull();
    expect(normalise(meetingWhen({ date: '2026-06-11', startTime: '18:30', endTime: '20:30' }))).toBe(
      'jeudi 11 juin 2026 de 18 h 30 à 20 h 30',
    );
    expect(normalise(meetingWhen({ date: '2026-09-24', startTime: '19:00', endTime: null }))).toBe(
      'jeudi 24 septembre 2026 à 19 h',
    );
    expect(meetingWhen({ date: '2026-10-01', startTime: null, endTime: null })).toBe('jeudi 1er octobre 2026');
    expect(meetingWhere({ place: null, visioUrl: 'https://visio.example/ag' })).toBe(
      'en visioconférence (https://visio.example/ag)',
    );
    expect(meetingWhere({ place: null, visioUrl: null })).toBe('(lieu communiqué ultérieurement)');
    expect(signatureLines('Le président, Dr Paul Martin')).toEqual(['Le président,', 'Dr Paul Martin']);
    expect(signatureLines(null)).toEqual(['Le bureau']);
    expect(majorityLine('Majorité des deux tiers des suffrages exprimés.')).toBe(
      'Majorité requise : majorité des deux tiers des suffrages exprimés.',
    );
    expect(frenchSpacing('soit 18 420 € : voir « ceci »')).toBe(
      'soit\u00a018\u00a0420\u00a0€\u00a0: voir «\u00a0ceci\u00a0»',
    );
  });

  it('writes the convocation and PV sentences', () => {
    expect(dateLineOf(agoConvocation())).toBe("À Saint-Martin-d'Hères, le 27 mai 2026");
    expect(dateLineOf(ageSecondRoundConvocation())).toBeNull();
    expect(
      dateLineOf({ ...noProxyConvocation(), association: { ...noProxyConvocation().association, address: null } }),
    ).toBe('Le 16 novembre 2026');
    expect(normalise(invitationSentence(ageSecondRoundConvocation()))).toBe(
      "Nous avons le plaisir de vous convier, sur deuxième convocation, à l'assemblée générale extraordinaire de la CPTS " +
        "Sud-Est Grenoblois, qui se tiendra le jeudi 24 septembre 2026 à 19 h, à l'adresse suivante : Salle du conseil " +
        "municipal, mairie d'Eybens, 1 rue Jean-Jaurès, 38320 Eybens.",
    );
    expect(proxyStatement(agoConvocation())).toBe(
      `Je soussigné·e ${BLANK}, membre de l'association CPTS Sud-Est Grenoblois, donne pouvoir à ${BLANK} pour me ` +
        "représenter à l'assemblée générale ordinaire du jeudi 11 juin 2026 et prendre part aux votes en mon nom.",
    );
    expect(normalise(pvTitle(draftPv().meeting))).toBe(
      "Procès-verbal de l'assemblée générale ordinaire du 11 juin 2026",
    );
    expect(normalise(closingSentence('20:45'))).toBe("L'ordre du jour étant épuisé, la séance est levée à 20 h 45.");
    expect(closingSentence(null)).toBe("L'ordre du jour étant épuisé, la séance est levée.");
    expect(normalise(namesParagraph(['Dr Claire Fontaine', 'Inès Mallet — représentée par Marc Lefebvre']))).toBe(
      'Dr Claire Fontaine ; Inès Mallet — représentée par Marc Lefebvre.',
    );
    // Each name stays on one line: its spaces are non-breaking, the separators are not.
    expect(namesParagraph(['Dr Claire Fontaine', 'Marc Lefebvre'])).toBe(
      'Dr\u00a0Claire\u00a0Fontaine\u00a0; Marc\u00a0Lefebvre.',
    );
  });
});

// ---------------------------------------------------------------------------------------------- convocation

describe('Convocation à l’assemblée générale (PDF)', () => {
  it('renders an AGO letter with the ordre du jour, the resolutions and the pouvoir form on its own page', async () => {
    const data = agoConvocation();
    const pdf = await render({ kind: 'convocation', data }, 'convocation-ago');
    const { text, flat, pages, file } = pdf;
    const letter = pages.slice(0, -1).join('\n');
    const form = pages[pages.length - 1] ?? '';

    // Letterhead, date, salutation.
    expect(text).toContain('CPTS Sud-Est Grenoblois');
    expect(text).toContain('Association loi 1901 — RNA W381012345');
    expect(text).toContain("12 avenue Ambroise-Croizat, 38400 Saint-Martin-d'Hères");
    expect(text).toContain("À Saint-Martin-d'Hères, le 27 mai 2026");
    expect(text).not.toContain("Date d'envoi");
    expect(text).toContain('Madame, Monsieur,');
    expect(text).not.toContain("À l'attention de");
    expect(flat).toContain("Objet : convocation à l'assemblée générale ordinaire du jeudi 11 juin 2026");
    expect(flat).toContain(
      "Nous avons le plaisir de vous convier à l'assemblée générale ordinaire de la CPTS Sud-Est Grenoblois, qui se " +
        "tiendra le jeudi 11 juin 2026 de 18 h 30 à 20 h 30, à l'adresse suivante : Salle polyvalente de la maison de " +
        "santé universitaire, 12 avenue Ambroise-Croizat, 38400 Saint-Martin-d'Hères, et en visioconférence " +
        '(https://visio.cpts-seg.fr/assemblee-generale-2026).',
    );
    expect(text).not.toContain('deuxième convocation');
    expect(flat).toContain('vous pouvez vous faire représenter en remettant le pouvoir joint en dernière page');

    // Ordre du jour: numbered items, each resolution with its text and majority.
    expect(letter).toContain('Ordre du jour');
    data.agenda.forEach((item, index) =>
      expect(letter).toMatch(new RegExp(`${index + 1}\\.\\s+${escape(item.title)}`)),
    );
    const resolutions = data.agenda.flatMap((item) => item.resolutions);
    expect(resolutions).toHaveLength(4);
    for (const resolution of resolutions) {
      expect(letter).toContain(`Résolution ${resolution.number} : ${resolution.title}`);
      expect(flat).toContain(normalise(resolution.text.split('\n\n')[0] ?? ''));
    }
    expect(flat).toContain("Elle donne quitus au trésorier pour sa gestion de l'exercice 2025.");
    expect(count(letter, 'Majorité requise : majorité simple des suffrages exprimés.')).toBe(4);
    // The resolutions follow their item: resolution 3 sits under item 2, before item 3.
    expect(between(flat, "2. Comptes de l'exercice 2025", '3. Cotisation 2027')).toContain(
      "Résolution 3 : Affectation du résultat de l'exercice 2025",
    );

    // Rules, closing and signature.
    for (const reminder of data.ruleReminders) expect(flat).toContain(reminder);
    expect(flat).toContain("nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");
    expect(letter).toMatch(/La présidente,\s+Dr Claire Fontaine/);

    // The pouvoir form, on the last page only.
    expect(pdf.pageCount).toBe(2);
    expect(letter).not.toContain('Je soussigné');
    expect(form).toMatch(/^\s*CPTS Sud-Est Grenoblois\s+Pouvoir — AGO du 11 juin 2026/);
    const formFlat = normalise(form).replace(/\s+/g, ' ');
    expect(formFlat).toContain(
      `Je soussigné·e ${BLANK}, membre de l'association CPTS Sud-Est Grenoblois, donne pouvoir à ${BLANK} pour me ` +
        "représenter à l'assemblée générale ordinaire du jeudi 11 juin 2026 et prendre part aux votes en mon nom.",
    );
    expect(form).toMatch(/Fait à …+ le …+/);
    expect(form).toContain('Signature précédée de la mention « Bon pour pouvoir »');
    expect(form).toContain('Chaque mandataire peut détenir au plus 2 pouvoirs.');
    expect(form).toContain("Le mandataire doit être membre votant de l'association.");
    expect(formFlat).toContain(
      "Ce pouvoir est à remettre à votre mandataire, ou à retourner au bureau de l'association, avant l'ouverture de " +
        'la séance, le jeudi 11 juin 2026 à 18 h 30.',
    );

    expect(pages[0]).toMatch(/CPTS Sud-Est Grenoblois\s+Convocation — AGO du 11 juin 2026/);
    expectFooterOnEveryPage(pdf, `Convocation — Assemblée générale ordinaire du 11 juin 2026 — ${FOOTER_EXPORT}`);
    expectOnlyInter(file);
    expectFrench(text);
  });

  it('says « sur deuxième convocation » for a second-round AGE addressed to one member, not sent yet', async () => {
    const data = ageSecondRoundConvocation();
    const pdf = await render({ kind: 'convocation', data }, 'convocation-age-2');
    const { text, flat, pages } = pdf;

    expect(flat).toContain(
      "Objet : deuxième convocation à l'assemblée générale extraordinaire du jeudi 24 septembre 2026",
    );
    expect(flat).toContain(
      "Nous avons le plaisir de vous convier, sur deuxième convocation, à l'assemblée générale extraordinaire de la " +
        'CPTS Sud-Est Grenoblois, qui se tiendra le jeudi 24 septembre 2026 à 19 h,',
    );
    expect(flat).toContain(
      "Sur deuxième convocation, l'assemblée générale extraordinaire délibère valablement quel que soit le nombre de " +
        'membres présents ou représentés.',
    );
    expect(text).toContain("Date d'envoi : à compléter");
    expect(text).not.toContain("À Saint-Martin-d'Hères, le");
    expect(text).toContain("À l'attention de Dr Karim Benali");
    expect(text).not.toContain('Madame, Monsieur');
    expect(flat).toContain("nous vous prions d'agréer l'expression de nos salutations distinguées.");
    expect(count(flat, 'Majorité requise : majorité des deux tiers des suffrages exprimés.')).toBe(2);
    expect(flat).toContain('Majorité requise : majorité simple des suffrages exprimés.');
    for (const resolution of data.agenda.flatMap((item) => item.resolutions)) {
      expect(flat).toContain(`Résolution ${resolution.number} : ${resolution.title}`);
    }

    // Pouvoir with no cap on proxies and no condition on the mandataire.
    expect(pdf.pageCount).toBe(2);
    const formFlat = (pages[1] ?? '').replace(/\s+/g, ' ');
    expect(formFlat).toContain(
      "pour me représenter à l'assemblée générale extraordinaire du jeudi 24 septembre 2026, réunie sur deuxième " +
        'convocation, et prendre part aux votes en mon nom.',
    );
    expect(formFlat).toContain('Le nombre de pouvoirs par mandataire est sans limite.');
    expect(formFlat).not.toContain('Le mandataire doit être');
    expect(formFlat).toContain("avant l'ouverture de la séance, le jeudi 24 septembre 2026 à 19 h.");
    expectFooterOnEveryPage(
      pdf,
      `Convocation — Assemblée générale extraordinaire du 24 septembre 2026 — ${FOOTER_EXPORT}`,
    );
    expectOnlyInter(pdf.file);
    expectFrench(text);
  });

  it('has no pouvoir form, and says why, when the statuts forbid proxies', async () => {
    const data = noProxyConvocation();
    const pdf = await render({ kind: 'convocation', data }, 'convocation-sans-pouvoir');
    const { text, flat } = pdf;

    expect(pdf.pageCount).toBe(1);
    expect(flat).toContain(
      "Les statuts de l'association n'autorisent pas le vote par procuration : seuls les membres présents, sur place " +
        'ou en visioconférence, prennent part aux votes.',
    );
    expect(text).not.toContain('Pouvoir');
    expect(text).not.toContain('Je soussigné');
    expect(text).not.toContain('Bon pour pouvoir');
    expect(text).not.toContain('mandataire');
    expect(text).toContain('Le 16 novembre 2026');
    expect(flat).toContain(
      'qui se tiendra le jeudi 3 décembre 2026 de 12 h 30 à 13 h 30, en visioconférence (https://visio.cpts-seg.fr/ag-decembre-2026).',
    );
    expect(flat).toContain("1. Bilan des actions du second semestre 2026 Point d'information, sans vote.");
    expect(flat).toContain('Résolution 1 : Participation de la CPTS au SAS de l’Isère');
    expect(text).toMatch(/\n\s+Le bureau\s*\n/);
    expectFooterOnEveryPage(pdf, `Convocation — Assemblée générale ordinaire du 3 décembre 2026 — ${FOOTER_EXPORT}`);
    expectOnlyInter(pdf.file);
    expectFrench(text);
  });
});

// ---------------------------------------------------------------------------------------------- PV

function expectResolution(body: string, text: string, resolution: PvResolution, next: string | undefined) {
  const heading = `Résolution ${resolution.number} : ${resolution.title}`;
  const block = between(body, heading, next);
  const layoutBlock = between(text, heading, next);
  expect(block).toContain(normalise(resolution.text.split('\n\n')[0] ?? ''));
  expect(block).toContain(normalise(majorityLine(resolution.majorityLabel)));
  expect(block).toContain(`Résultat : ${resolution.resultLabel}`);
  if (resolution.votes) {
    const { pour, contre, abstention, blanc } = resolution.votes;
    const figures = [pour, contre, abstention, blanc].map((n) =>
      escape(new Intl.NumberFormat('fr-FR').format(n)).replace(/\s/g, ' '),
    );
    expect(layoutBlock).toMatch(
      new RegExp(`Pour\\s+Contre\\s+Abstention\\s+Blanc\\s*\\n\\s*${figures.join('\\s+')}\\s*\\n`),
    );
    expect(block).toContain(resolution.arithmetic ?? '(arithmétique manquante)');
    expect(block).not.toContain("Aucun vote n'a été enregistré");
  } else {
    expect(layoutBlock).not.toMatch(/Pour\s+Contre\s+Abstention\s+Blanc/);
    expect(block).toContain("Aucun vote n'a été enregistré pour cette résolution.");
  }
}

function expectPvBody(pdf: RenderedPdf, data: PvData) {
  const { text, flat, body } = pdf;
  expect(text).toContain('Procès-verbal de l');
  expect(flat).toContain("Procès-verbal de l'assemblée générale ordinaire du 11 juin 2026 CPTS Sud-Est Grenoblois");
  expect(text).toContain(data.statusLabel);
  expect(flat).toContain(
    'Le jeudi 11 juin 2026 à 18 h 30, les membres de la CPTS Sud-Est Grenoblois se sont réunis en assemblée générale ' +
      "ordinaire à l'adresse suivante : Salle polyvalente de la maison de santé universitaire, 12 avenue " +
      "Ambroise-Croizat, 38400 Saint-Martin-d'Hères, et en visioconférence (https://visio.cpts-seg.fr/assemblee-generale-2026).",
  );
  expect(flat).toContain(`${data.convocationLine}.`);
  expect(flat).toContain(
    'La séance est présidée par Dr Claire Fontaine. Le secrétariat de séance est assuré par Sophie Garnier.',
  );
  expect(text).toMatch(/Association\s+CPTS Sud-Est Grenoblois/);
  expect(text).toContain('Association loi 1901 — RNA W381012345');
  expect(text).toMatch(/Instance\s+Assemblée générale ordinaire/);
  expect(text).toMatch(/Date\s+jeudi 11 juin 2026/);
  expect(text).toMatch(/Ouverture de la séance\s+18 h 30/);
  expect(text).toMatch(/Président·e de séance\s+Dr Claire Fontaine/);
  expect(text).toMatch(/Secrétaire de séance\s+Sophie Garnier/);
  expect(text).toMatch(new RegExp(`Statut du procès-verbal\\s+${escape(data.statusLabel)}`));

  const { attendance } = data;
  const fmt = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, ' ');
  expect(text).toMatch(/MEMBRES VOTANTS\s+PRÉSENTS\s+REPRÉSENTÉS/);
  expect(text).toMatch(
    new RegExp(
      `${fmt(attendance.votingCount)}\\s+${fmt(attendance.presentCount)}\\s+${fmt(attendance.representedCount)}\\s*\\n`,
    ),
  );
  expect(flat).toContain(data.quorumSentence);
  expect(flat).toContain(`Membres votants présents (${fmt(attendance.present.length)})`);
  expect(flat).toContain(`Membres représentés et leur mandataire (${fmt(attendance.represented.length)})`);
  const presentList = between(body, 'Membres votants présents (', 'Membres représentés et leur mandataire');
  for (const name of attendance.present) expect(presentList).toContain(name);
  expect(presentList).toContain(`${attendance.present.join(' ; ')}.`);
  const representedList = between(body, 'Membres représentés et leur mandataire (', 'Autres participants');
  expect(representedList).toContain(`${attendance.represented.join(' ; ')}.`);
  expect(flat).toContain(
    `Autres participants, sans voix délibérative (${attendance.others.length}) ${attendance.others.join(' ; ')}.`,
  );

  // Ordre du jour: each item, its debates and its resolutions in order.
  const headings = data.items.flatMap((item, index) => [
    `${index + 1}. ${item.title}`,
    ...item.resolutions.map((r) => `Résolution ${r.number} : ${r.title}`),
  ]);
  headings.push("L'ordre du jour étant épuisé");
  let position = -1;
  for (const heading of headings) {
    const found = body.indexOf(heading, position + 1);
    expect(found, `« ${heading} » manque ou n'est pas à sa place`).toBeGreaterThan(position);
    position = found;
  }
  data.items.forEach((item, index) => {
    const block = between(
      body,
      `${index + 1}. ${item.title}`,
      headings[headings.indexOf(`${index + 1}. ${item.title}`) + 1],
    );
    if (item.summary) expect(block).toContain(`DÉBATS ${normalise(item.summary.split('\n')[0] ?? '')}`);
    else expect(block).toContain(`DÉBATS ${NO_DEBATE}`);
    item.resolutions.forEach((resolution) => {
      const next = headings[headings.indexOf(`Résolution ${resolution.number} : ${resolution.title}`) + 1];
      expectResolution(body, text, resolution, next);
    });
  });
  expect(count(flat, NO_DEBATE)).toBe(data.items.filter((item) => !item.summary).length);

  // Closing, attestation, signature blocks side by side.
  expect(flat).toContain(
    'De tout ce qui précède, il a été dressé le présent procès-verbal, signé par la présidente de séance et la secrétaire de séance.',
  );
  expect(text).toMatch(/La présidente de séance\s+La secrétaire de séance\s*\n\s*Dr Claire Fontaine\s+Sophie Garnier/);
  expect(count(text, 'Signature')).toBe(2);
}

describe('Procès-verbal de l’assemblée générale (PDF)', () => {
  it('renders a draft PV with every mention, and « BROUILLON » on every page', async () => {
    const data = draftPv();
    const pdf = await render({ kind: 'pv', data }, 'pv-brouillon');
    expectPvBody(pdf, data);
    expect(pdf.flat).toContain("L'ordre du jour étant épuisé, la séance est levée à 20 h 45.");
    // Two results adopted, one rejected, one not voted.
    expect(count(pdf.flat, 'Résultat : Adoptée')).toBe(2);
    expect(count(pdf.flat, 'Résultat : Rejetée')).toBe(1);
    expect(count(pdf.flat, 'Résultat : Non votée')).toBe(1);
    expect(pdf.flat).toContain('Base : 48 suffrages exprimés ; requis : 25 voix pour ; obtenu : 20.');
    expect(pdf.flat).toContain(
      'La présidente rappelle les faits marquants de 2025 : signature de l’avenant au contrat ACI',
    );
    expect(pdf.text).toMatch(/•\s+place des pharmaciens dans le parcours personnes âgées\./);

    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expect(pdf.pageCount).toBeLessThanOrEqual(5);
    pdf.pages.forEach((page, index) => expect(page, `page ${index + 1}`).toContain(DRAFT_BANNER));
    expect(count(pdf.text, 'BROUILLON')).toBe(pdf.pageCount);
    expect(pdf.pages[0]).toMatch(/CPTS Sud-Est Grenoblois\s+Procès-verbal — AGO du 11 juin 2026/);
    expectFooterOnEveryPage(
      pdf,
      `Procès-verbal — Assemblée générale ordinaire du 11 juin 2026 (brouillon) — ${FOOTER_EXPORT}`,
    );
    expectOnlyInter(pdf.file);
    expectFrench(pdf.text);
  });

  it('renders an approved PV without any « BROUILLON » mark', async () => {
    const data = approvedPv();
    const pdf = await render({ kind: 'pv', data }, 'pv-approuve');
    expectPvBody(pdf, data);
    expect(pdf.text).toContain('Approuvé le 25 juin 2026');
    expect(pdf.text).not.toMatch(/brouillon/i);
    expect(pdf.text).not.toContain('non approuvé');
    expectFooterOnEveryPage(pdf, `Procès-verbal — Assemblée générale ordinaire du 11 juin 2026 — ${FOOTER_EXPORT}`);
    expectOnlyInter(pdf.file);
    expectFrench(pdf.text);
  });

  it('prints weighted votes with their decimals (12,5 voix), as the arithmetic under them does', async () => {
    const data = weightedPv();
    const pdf = await render({ kind: 'pv', data }, 'pv-pondere');
    expectPvBody(pdf, data);
    const first = data.items[0]!.resolutions[0]!;
    const next = data.items[1]!.resolutions[0]!;
    const block = between(
      pdf.text,
      `Résolution ${first.number} : ${first.title}`,
      `Résolution ${next.number} : ${next.title}`,
    );
    expect(block).toMatch(/Pour\s+Contre\s+Abstention\s+Blanc\s*\n\s*12,5\s+3\s+1,5\s+0\s*\n/);
    // Never rounded: no « 13 » (12,5) nor « 2 » (1,5) in the table, no decimal point.
    expect(block).not.toMatch(/\n\s*13\s/);
    expect(block).not.toMatch(/\d\.\d/);
    expect(pdf.flat).toContain('Pour 12,5, contre 3, abstentions 1,5, blancs 0. Base : 15,5 voix exprimées');
    expect(pdf.flat).toContain('Résultat : Adoptée');
    expectFrench(pdf.text);
  });

  it('lists 600 present members compactly and renders in reasonable time', async () => {
    const data = largePv();
    const pdf = await render({ kind: 'pv', data }, 'pv-600');
    console.info(`PV with 600 present members: ${Math.round(pdf.ms)} ms, ${pdf.pageCount} pages`);
    expect(memberNames(600)).toHaveLength(new Set(memberNames(600)).size);
    expectPvBody(pdf, data);
    for (const name of data.attendance.present) expect(count(pdf.flat, name)).toBeGreaterThanOrEqual(1);
    expect(pdf.text).toMatch(/1 500\s+600\s+150\s*\n/);
    expect(pdf.flat).toContain("L'ordre du jour étant épuisé, la séance est levée.");
    expect(pdf.flat).not.toContain('la séance est levée à');
    expect(pdf.flat).toContain('Base : 712 suffrages exprimés ; requis : 357 voix pour ; obtenu : 310.');
    // 750 names one per line would take about 15 pages on their own; as paragraphs they take about 3.
    expect(pdf.pageCount).toBeGreaterThanOrEqual(4);
    expect(pdf.pageCount).toBeLessThanOrEqual(8);
    expect(pdf.text).not.toContain('BROUILLON');
    expectFooterOnEveryPage(pdf, `Procès-verbal — Assemblée générale ordinaire du 11 juin 2026 — ${FOOTER_EXPORT}`);
    expectOnlyInter(pdf.file);
  });
});

describe('glyphs across documents rendered by the same process', () => {
  // react-pdf #3404 / fontkit #154: without clearStaleGlyphs() (electron/pdf/fonts.ts, run by renderReport), the
  // PV's SemiBold « 1. » and Regular « ’ » vanish when it is rendered right after a convocation.
  it('keeps every character of a PV rendered right after a convocation', async () => {
    freshInterFonts();
    await render({ kind: 'convocation', data: agoConvocation() }, 'sequence-convocation');
    const pdf = await render({ kind: 'pv', data: draftPv() }, 'sequence-pv');
    expect(pdf.flat).toContain("1. Rapport moral et rapport d'activité 2025");
    expect(pdf.flat).toContain('signature de l’avenant au contrat ACI');
  });
});
