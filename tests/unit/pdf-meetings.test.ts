import { dayLong, duration, timeRange } from '@shared/format';
import { describe, expect, it } from 'vitest';
import { expectFooterOnEveryPage, expectFrench, expectOnlyInter, normalise, pdfWorkspace } from '../helpers/pdf';
import { attendanceSummary } from '../../electron/pdf/meeting-minutes/format';
import { paragraphsOf } from '../../electron/pdf/text';
import { PSEUDONYMISATION_NOTICE } from '../../electron/pdf/meeting-minutes/MeetingMinutes';
import { professionParticipation } from '../../electron/pdf/rcp-year/RcpYear';
import { caMinutes, emptyRcpYear, longRcpMinutes, rcpMinutes, rcpYear, thinRcpMinutes } from '../fixtures/meetings-pdf';

const { render } = pdfWorkspace('maillage-pdf-meetings-', 'PDF_MEETINGS_PREVIEW');

const share = (count: number, total: number) =>
  `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((count / total) * 100)} %`.replace(
    /[\u00a0\u202f]/g,
    ' ',
  );

describe('format helpers of the minutes', () => {
  it('writes dates, times and durations the French way', () => {
    expect(dayLong('2026-03-10')).toBe('mardi 10 mars 2026');
    expect(dayLong('2026-03-01')).toBe('dimanche 1er mars 2026');
    expect(dayLong('pas une date')).toBe('');
    expect(normalise(timeRange('18:30', '20:00') ?? '')).toBe('de 18 h 30 à 20 h');
    expect(normalise(timeRange('09:05', null) ?? '')).toBe('à partir de 9 h 05');
    expect(timeRange(null, null)).toBeNull();
    expect(normalise(duration(90))).toBe('1 h 30');
    expect(normalise(duration(45))).toBe('45 min');
    expect(duration(null)).toBe('—');
  });

  it('counts attendance and splits free text into paragraphs and lines', () => {
    expect(attendanceSummary(['Présent·e', 'Excusé·e', 'Présent·e', 'Représenté·e', null])).toBe(
      '2 présents, 1 excusé, 1 représenté, 1 sans présence renseignée',
    );
    expect(paragraphsOf('Un.\r\nDeux.\n \nTrois.\n\n\n')).toEqual([['Un.', 'Deux.'], ['Trois.']]);
    expect(paragraphsOf(null)).toEqual([]);
  });
});

describe('Compte rendu de réunion (PDF)', () => {
  it('renders a conseil d’administration with participants, agenda, decisions and signatures', async () => {
    const data = caMinutes();
    const pdf = await render({ kind: 'meetingMinutes', data }, 'ca');
    const { text, flat, file } = pdf;

    expect(text).toContain('Compte rendu — Conseil d’administration');
    expect(text).toContain(data.meeting.title);
    expect(text).toContain('mardi 10 mars 2026, de 18 h 30 à 20 h');
    expect(flat).toContain("Maison de santé universitaire, 12 avenue Ambroise-Croizat, Saint-Martin-d'Hères");
    expect(flat).toContain('https://visio.cpts-seg.fr/conseil-administration-2026-03');
    expect(text).toMatch(/Organisation\s+Julien Mercier, coordinateur/);

    expect(text).toContain('8 présents, 2 excusés.');
    expect(text).toMatch(/Nom\s+Qualité\s+Présence\s+Temps/);
    for (const participant of data.participants) expect(text).toContain(participant.name);
    expect(text).toMatch(/Dr Claire Fontaine\s+Présidente — médecin généraliste\s+Présent·e\s+1 h 30/);
    expect(text).toMatch(/Thomas Roux\s+Administrateur — orthophoniste\s+Excusé·e\s+—/);

    data.agenda.forEach((item, index) => expect(flat).toContain(`${index + 1}. ${item.title}`));
    // Each line of a relevé is its own line of text, bullets included.
    expect(text).toContain('Les indemnités des professionnels pour les RCP ont été versées en janvier.');
    expect(text).toMatch(/•\s+Préparer les indicateurs de la mission accès aux soins/);
    expect(text).toContain('Pas de relevé pour ce point.');
    expect(text).toContain('Prochaine réunion : mardi 9 juin 2026 à 18 h 30.');

    expect(text).toMatch(/Décision\s+Responsable\s+Échéance\s+État/);
    expect(text).toMatch(/Inviter les pharmaciens d’officine aux prochaines\s+Marc Lefebvre\s+15 mai 2026\s+À faire/);
    expect(text).toMatch(/Publier le compte rendu dans l’espace adhérents\s+Sophie Garnier\s+—\s+Fait/);
    for (const document of data.documents) expect(text).toContain(document);
    expect(text).toContain('Le président / la présidente');
    expect(text).toContain('Le ou la secrétaire de séance');
    expect(text).not.toContain('pseudonymisé');

    expectFooterOnEveryPage(pdf, 'Compte rendu — Conseil d’administration — exporté le 23 novembre 2026 à 14 h 05');
    expectOnlyInter(file);
    expectFrench(text);
  });

  it('renders a pseudonymised RCP with the notice and one block per case', async () => {
    const data = rcpMinutes();
    const pdf = await render({ kind: 'meetingMinutes', data }, 'rcp');
    const { text, flat, file } = pdf;

    expect(text).toContain('Compte rendu de RCP');
    expect(text).not.toContain('Compte rendu — ');
    expect(text).toContain(data.meeting.title);
    expect(text).toContain('mardi 17 mars 2026, de 12 h 30 à 14 h');
    expect(flat).toContain(PSEUDONYMISATION_NOTICE);
    expect(text).toMatch(/Type de RCP\s+RCP clinique/);
    expect(text).toMatch(/Thème\s+Prévention des chutes/);
    expect(text).toContain('4 professions représentées.');
    expect(text).not.toContain('en dessous du minimum');
    expect(text).toContain('4 présents, 1 excusé.');

    for (const rcpCase of data.rcp!.cases) {
      expect(text).toContain(`Cas ${rcpCase.code}`);
      expect(text).toContain(rcpCase.motif);
      expect(text).toContain(rcpCase.ageBandLabel);
    }
    expect(text).toMatch(/Cas K7P-42\s+≥ 75 ans\s+ALD\s+85 ans et plus · Femme/);
    expect(text).toMatch(/Cas M3R-08\s+ALD\s+60 à 74 ans · Homme/);
    expect(text).toMatch(/Cas T9B-15\s+40 à 59 ans/);
    expect(text).not.toMatch(/Cas T9B-15\s+(≥ 75 ans|ALD)/);
    expect(text).toContain('Vit seule à l’étage, aide à domicile deux fois par semaine.');
    expect(text).toMatch(/Réévaluer le traitement \(hypnotique, antihypertenseur\)\s+Médecin traitant\s+24 mars 2026/);
    expect(text).toMatch(/Séances d’éducation thérapeutique\s+Infirmière Asalée\s+30 avril 2026/);
    expect(text).toMatch(/Patient informé : oui\s+Suivi : 14 avril 2026 — Prévu/);
    expect(text).toMatch(/Patient informé : non\s+Suivi : Non prévu/);
    expect(text).toContain('Synthèse non renseignée.');
    expect(text).toContain('Aucune décision enregistrée.');
    // No signature block and no empty agenda for an RCP.
    expect(text).not.toContain('secrétaire de séance');
    expect(text).not.toContain('Ordre du jour');

    expectFooterOnEveryPage(pdf, 'Compte rendu de RCP — exporté le 23 novembre 2026 à 14 h 05');
    expectOnlyInter(file);
    expectFrench(text);
  });

  it('warns when an RCP gathers fewer professions than the minimum', async () => {
    const pdf = await render({ kind: 'meetingMinutes', data: thinRcpMinutes() }, 'rcp-thin');
    expect(pdf.text).toContain('1 profession représentée.');
    expect(pdf.flat).toContain('Attention : en dessous du minimum fixé par la CPTS (2 professions différentes).');
    expect(pdf.text).toContain('mardi 2 juin 2026, à partir de 13 h');
    expect(pdf.text).toContain("Aucun cas n'a été présenté lors de cette séance.");
    expect(pdf.text).toContain('2 présents.');
    expectFooterOnEveryPage(pdf, 'Compte rendu de RCP');
  });

  it('runs a long RCP over several pages with every case and the footer on each page', async () => {
    const data = longRcpMinutes();
    const pdf = await render({ kind: 'meetingMinutes', data }, 'rcp-long');
    expect(pdf.pageCount).toBeGreaterThan(1);
    for (const rcpCase of data.rcp!.cases) expect(pdf.text).toContain(`Cas ${rcpCase.code}`);
    expect(pdf.text).toContain(`Cas présentés (${data.rcp!.cases.length})`);
    expectFooterOnEveryPage(pdf, 'Compte rendu de RCP — exporté le 23 novembre 2026 à 14 h 05');
    expectOnlyInter(pdf.file);
  });
});

describe('Bilan annuel des RCP (PDF)', () => {
  it('renders the totals, percentages, sessions, motifs, age bands and themes of the year', async () => {
    const data = rcpYear();
    const t = data.totals;
    const pdf = await render({ kind: 'rcpYear', data }, 'rcp-year');
    const { text, flat, file } = pdf;

    expect(text).toContain(`Bilan des RCP ${data.year}`);
    expect(text).toContain(data.cptsName);
    expect(flat).toContain(
      `En ${data.year}, ${t.sessions} séances de RCP (${t.clinical} cliniques, ${t.thematic} thématiques) ont examiné ` +
        `${t.cases} cas, dont ${t.over75OrAld} de patients de 75 ans ou plus ou en ALD (${share(t.over75OrAld, t.cases)}).`,
    );
    expect(share(t.over75OrAld, t.cases)).toBe('43,8 %');
    expect(flat).toContain(`${t.over75} patients de 75 ans ou plus et ${t.ald} patients en ALD`);
    expect(flat).toContain(`dont ${t.clinical} cliniques, ${t.thematic} thématiques`);
    expect(text).toContain(`${share(t.over75OrAld, t.cases)} des cas`);
    expect(text).toContain(`${share(t.patientInformed, t.cases)} des cas`);
    expect(text).toContain(`${t.followUpsDone} / ${t.followUpsPlanned}`);
    expect(text).toContain(`${share(t.followUpsDone, t.followUpsPlanned)} des suivis prévus`);
    const average = data.sessions.reduce((sum, s) => sum + s.professions.length, 0) / data.sessions.length;
    expect(text).toContain(
      new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average),
    );
    expect(text).toMatch(/SÉANCES SOUS LE MINIMUM[\s\S]*\b1\b/);

    expect(text).toMatch(/Date\s+Intitulé\s+Type\s+Thème\s+Professions\s+Cas/);
    for (const session of data.sessions) {
      const [year, month, day] = session.date.split('-');
      expect(text).toContain(`${day}/${month}/${year}`);
      expect(flat).toContain(session.title);
    }
    expect(text).toMatch(/02\/06\/2026\s+RCP thématique — plaies\s+Thématique\s+Plaies chroniques\s+\*\s*1\s+0/);
    expect(flat).toContain('* Séance sous le minimum de 2 professions différentes.');

    for (const motif of data.byMotif) {
      expect(text).toMatch(
        new RegExp(`${motif.label.replace(/[/()]/g, '\\$&')}\\s+${motif.count}\\s+${share(motif.count, t.cases)}`),
      );
    }
    for (const band of data.byAgeBand) {
      expect(text).toMatch(new RegExp(`${band.label}\\s+${band.count}\\s+${share(band.count, t.cases)}`));
    }
    expect(text).toMatch(/Total\s+16\s+100,0 %/);
    const professions = professionParticipation(data.sessions);
    expect(professions.slice(0, 2)).toEqual([
      { label: 'Infirmier', sessions: 7 },
      { label: 'Médecin généraliste', sessions: 7 },
    ]);
    expect(text).toMatch(new RegExp(`Médecin généraliste\\s+7\\s+${share(7, data.sessions.length)}`));
    for (const theme of data.themes) expect(text).toMatch(new RegExp(`•\\s+${theme}`));

    expectFooterOnEveryPage(pdf, `Bilan des RCP ${data.year} — exporté le 23 novembre 2026 à 14 h 05`);
    expectOnlyInter(file);
    expectFrench(text);
  });

  it('says clearly that no RCP was held in an empty year', async () => {
    const pdf = await render({ kind: 'rcpYear', data: emptyRcpYear() }, 'rcp-year-empty');
    expect(pdf.text).toContain('Bilan des RCP 2025');
    expect(pdf.flat).toContain("Aucune RCP n'a été tenue en 2025 : ce bilan ne contient donc ni séance ni cas.");
    expect(pdf.text).not.toContain('Motifs de présentation');
    expect(pdf.text).not.toContain('%');
    expect(pdf.pageCount).toBe(1);
    expectFooterOnEveryPage(pdf, 'Bilan des RCP 2025 — exporté le 23 novembre 2026 à 14 h 05');
    expectOnlyInter(pdf.file);
    expectFrench(pdf.text);
  });
});
