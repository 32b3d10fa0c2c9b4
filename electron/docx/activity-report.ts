/**
 * The rapport d’activité as an editable Word document, from the same `ActivityReportData` as the PDF and in the
 * same outline: cover (logo, CPTS, year), introduction, faits marquants, table of contents (a Word field, filled
 * when Word opens the file), the numbered sections the coordinator kept, then the annexes. The CPTS edits it
 * before sending it to the ARS and the CPAM, hence plain styles (Titre 1/2/3) and real tables.
 *
 * Charts: Word cannot draw our chart model (shared/charts), so each chart of the PDF is printed here as the small
 * table of its figures, under the chart's title.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type Table,
  TableOfContents,
  TextRun,
} from 'docx';
import {
  BUDGET_BY_MISSION_TITLE,
  MEMBERS_BY_PROFESSION_TITLE,
  meetingsPerMonthChart,
  membersOverYearsChart,
} from '@shared/charts';
import type { TrackingMission, TrackingTable } from '@shared/contract/indicators';
import {
  dateLong,
  exportDate,
  formatChange,
  formatDecimal,
  formatEurosFromCents,
  formatInteger,
  NBSP,
  plural,
  shortDate,
} from '@shared/format';
import {
  ACTIVITY_REPORT_TITLE,
  type ActivityReportData,
  type ActivityReportSection,
  type AssociativeLifeData,
  type FinancesData,
  type IdentityData,
  type KeyFigure,
  type MissionFiche,
  type MissionSection,
  type PartnershipLine,
  type ProtocolsData,
  type SectionTexts,
  type TerritoryData,
  keyFigureValue,
} from '@shared/reports/activity-report';
import type { PvData } from '@shared/reports/ag';
import {
  annexMissions,
  attainmentText,
  earnedOverMax,
  missionTitle,
  TRACKING_COLUMNS,
} from '@shared/reports/indicators-tracking';
import type { RcpYearData } from '@shared/reports/meetings';
import type { CompositionData, MembersListData } from '@shared/reports/members';
import {
  bullets,
  CONTENT_WIDTH_PX,
  docText,
  caption,
  chartTable,
  COLORS,
  freeText,
  gap,
  heading,
  imageRun,
  labelled,
  PAGE,
  pairsTable,
  para,
  photo,
  STYLES,
  table,
} from './kit';
import { finishDocx } from './finish';

type Block = Paragraph | Table | TableOfContents;

const DASH = '—';
const orDash = (value: string | null | undefined): string => (value ? value : DASH);
const dateOrDash = (value: string | null | undefined): string => (value ? shortDate(value) : DASH);

/** « Rapport d’activité 2025 ». */
export function activityReportTitle(year: number): string {
  return `${ACTIVITY_REPORT_TITLE} ${year}`;
}

/** Headings as the PDF prints them: sections numbered (« 3. Vie associative »), their subsections not. */
class Outline {
  private section = 0;
  h1(title: string): Paragraph {
    this.section += 1;
    return heading(`${this.section}. ${title}`, 1);
  }
  h2(title: string): Paragraph {
    return heading(title, 2);
  }
}

// ——— Figures ———

const MINUS = '\u2212';

function signed(change: number, format: (value: number) => string): string {
  if (change === 0) return '=';
  return change > 0 ? `+${format(change)}` : `${MINUS}${format(-change)}`;
}

function keyFigureChange(figure: KeyFigure): string {
  if (figure.previous === null) return DASH;
  const change = figure.value - figure.previous;
  if (figure.unit === 'euros_cents') return signed(change, formatEurosFromCents);
  if (figure.unit === 'percent') return signed(change, (value) => `${formatDecimal(value)}${NBSP}pt`);
  return formatChange(figure.value, figure.previous);
}

// ——— Texts of a section ———

function textsBlocks(texts: SectionTexts, mission: boolean): Block[] {
  return [
    ...freeText(texts.body),
    ...(mission && texts.difficulties ? [heading('Difficultés rencontrées', 3), ...freeText(texts.difficulties)] : []),
    ...(mission && texts.nextSteps ? [heading('Prochaines étapes', 3), ...freeText(texts.nextSteps)] : []),
  ];
}

function photosBlocks(texts: SectionTexts): Block[] {
  return texts.photos.flatMap((entry) => photo(entry.image, entry.caption));
}

// ——— Sections ———

function synthese(keyFigures: KeyFigure[], year: number): Block[] {
  if (keyFigures.length === 0) return [];
  return [
    caption('Chiffres clés'),
    table(
      [
        { header: 'Indicateur', width: 46 },
        { header: String(year), width: 18, numeric: true },
        { header: String(year - 1), width: 18, numeric: true },
        { header: 'Évolution', width: 18, numeric: true },
      ],
      keyFigures.map((figure) => [
        figure.label,
        keyFigureValue(figure, figure.value),
        figure.previous === null ? DASH : keyFigureValue(figure, figure.previous),
        keyFigureChange(figure),
      ]),
    ),
    gap(),
  ];
}

function identityBlocks(outline: Outline, identity: IdentityData, territory: TerritoryData): Block[] {
  const pairs: [string, string][] = [
    ['Nom', identity.name],
    ['Forme juridique', identity.legalForm],
    ['RNA', orDash(identity.rna)],
    ['SIRET', orDash(identity.siret)],
    ['Siège', orDash(identity.address)],
    ['Président(e)', orDash(identity.president)],
    ['Coordination', orDash(identity.coordinator)],
    ['Courriel', orDash(identity.email)],
    ['Site internet', orDash(identity.website)],
    ['Signature de l’ACI', identity.aciSignedOn ? dateLong(identity.aciSignedOn) : DASH],
    ['Numéro du contrat', orDash(identity.contractNumber)],
  ];
  const blocks: Block[] = [outline.h2('Identité'), pairsTable(pairs), gap(), outline.h2('Territoire')];
  const census = territory.populationYear ? ` (population municipale ${territory.populationYear})` : '';
  blocks.push(
    para(
      `Le territoire de la CPTS compte ${plural(territory.communes.length, 'commune')} et ${formatInteger(territory.population)} habitants${census}.`,
    ),
    ...(territory.populationSource
      ? [para(`Source : ${territory.populationSource.replace(/\.$/, '')}.`, { muted: true })]
      : []),
  );
  if (territory.tailleByContractYear.length > 0) {
    blocks.push(
      caption('Taille de la CPTS par année de contrat'),
      table(
        [
          { header: 'Année de contrat', width: 26 },
          { header: 'Période', width: 38 },
          { header: 'Population', width: 18, numeric: true },
          { header: 'Taille', width: 18, numeric: true },
        ],
        territory.tailleByContractYear.map((line) => [
          line.yearLabel,
          line.periodLabel,
          line.population === null ? DASH : formatInteger(line.population),
          line.taille === null ? DASH : String(line.taille),
        ]),
      ),
      gap(),
    );
  }
  if (territory.communes.length > 0) {
    blocks.push(
      caption('Communes du territoire'),
      table(
        [
          { header: 'Code INSEE', width: 20 },
          { header: 'Commune', width: 56 },
          { header: 'Population', width: 24, numeric: true },
        ],
        territory.communes.map((commune) => [
          commune.codeInsee,
          commune.name,
          commune.population === null ? DASH : formatInteger(commune.population),
        ]),
        ['', 'Total', formatInteger(territory.population)],
      ),
      gap(),
    );
  }
  return blocks;
}

function countsTable(
  title: string,
  header: string,
  composition: CompositionData,
  rows: readonly { label: string; count: number; previous: number | null }[],
): Block[] {
  if (rows.length === 0) return [];
  return [
    caption(title),
    table(
      [
        { header, width: 52 },
        { header: `Au ${shortDate(composition.asOf)}`, width: 17, numeric: true },
        { header: `Au ${shortDate(composition.previousAsOf)}`, width: 17, numeric: true },
        { header: 'Évolution', width: 14, numeric: true },
      ],
      rows.map((row) => [
        row.label,
        formatInteger(row.count),
        row.previous === null ? DASH : formatInteger(row.previous),
        formatChange(row.count, row.previous),
      ]),
    ),
    gap(),
  ];
}

function associativeBlocks(outline: Outline, life: AssociativeLifeData, year: number): Block[] {
  const blocks: Block[] = [outline.h2('Instances de gouvernance')];
  if (life.governance.length === 0) blocks.push(para('Aucune réunion des instances dans l’année.', { muted: true }));
  else
    blocks.push(
      table(
        [
          { header: 'Date', width: 13 },
          { header: 'Instance', width: 22 },
          { header: 'Objet', width: 30 },
          { header: 'Quorum', width: 25 },
          { header: 'Décisions', width: 10, numeric: true },
        ],
        life.governance.map((meeting) => [
          shortDate(meeting.date),
          meeting.typeLabel,
          meeting.title,
          orDash(meeting.quorum),
          formatInteger(meeting.decisions),
        ]),
      ),
      gap(),
    );
  if (life.workingGroups.length > 0) {
    blocks.push(
      outline.h2('Commissions et groupes de travail'),
      table(
        [
          { header: 'Groupe', width: 46 },
          { header: 'Type', width: 24 },
          { header: 'Réunions', width: 15, numeric: true },
          { header: 'Participants', width: 15, numeric: true },
        ],
        life.workingGroups.map((group) => [
          group.name,
          group.typeLabel,
          formatInteger(group.meetings),
          formatInteger(group.participants),
        ]),
      ),
      gap(),
    );
  }
  blocks.push(...chartTable(meetingsPerMonthChart(life.meetingsPerMonth, year)));

  const composition = life.composition;
  const totals = composition.totals;
  blocks.push(
    outline.h2('Adhérents'),
    para(
      `Au ${dateLong(composition.asOf)}, la CPTS compte ${plural(totals.active.count, 'adhérent')} (${plural(totals.persons.count, 'professionnel')} et ${plural(totals.structures.count, 'structure')}) ; ${plural(totals.joined, 'adhésion')} et ${plural(totals.left, 'départ')} dans l’année.`,
    ),
    // The chart « Adhérents par profession », as its figures with the year before.
    ...countsTable(MEMBERS_BY_PROFESSION_TITLE, 'Profession', composition, composition.byProfession),
    ...countsTable('Adhérents par collège', 'Collège', composition, composition.byCollege),
    ...countsTable('Adhérents par type de structure', 'Type de structure', composition, composition.byStructureType),
  );
  blocks.push(...chartTable(membersOverYearsChart(life.membersOverYears)));
  blocks.push(outline.h2('Équipe salariée et prestataires'));
  if (life.staff.length === 0) blocks.push(para('Aucun salarié ni prestataire dans l’année.', { muted: true }));
  else
    blocks.push(
      table(
        [
          { header: 'Nom', width: 22 },
          { header: 'Fonction', width: 26 },
          { header: 'Statut', width: 16 },
          { header: 'ETP', width: 8, numeric: true },
          { header: 'Depuis le', width: 14 },
          { header: 'Jusqu’au', width: 14 },
        ],
        life.staff.map((line) => [
          line.fullName,
          line.role,
          line.employmentLabel,
          line.fte === null ? DASH : formatDecimal(line.fte),
          shortDate(line.startedOn),
          dateOrDash(line.endedOn),
        ]),
      ),
      gap(),
    );
  return blocks;
}

function ficheBudget(fiche: MissionFiche): string {
  if (fiche.budgetPlannedCents === 0 && fiche.budgetSpentCents === 0) return DASH;
  return `${formatEurosFromCents(fiche.budgetSpentCents)} / ${formatEurosFromCents(fiche.budgetPlannedCents)}`;
}

function fichesTable(fiches: readonly MissionFiche[]): Block[] {
  return [
    table(
      [
        { header: 'Fiche action', width: 28 },
        { header: 'Statut', width: 12 },
        { header: 'Rôle de la CPTS', width: 13 },
        { header: 'Dernière étape', width: 17 },
        { header: 'Prochaine échéance', width: 17 },
        { header: 'Dépensé / prévu', width: 13, numeric: true },
      ],
      fiches.map((fiche) => [
        `${fiche.code ? `${fiche.code} — ` : ''}${fiche.title}${fiche.porteur ? `\n${fiche.porteur}` : ''}`,
        fiche.statusLabel,
        fiche.cptsRoleLabel,
        fiche.lastDone ? `${fiche.lastDone.label} (${shortDate(fiche.lastDone.doneOn)})` : DASH,
        fiche.nextDue
          ? `${fiche.nextDue.label} (${shortDate(fiche.nextDue.dueOn)}${fiche.nextDue.late ? ', en retard' : ''})`
          : DASH,
        ficheBudget(fiche),
      ]),
    ),
    gap(),
  ];
}

/** « Part fixe 90 000 € · part variable maximale 35 000 € ». */
function envelopeText(mission: TrackingMission): string {
  if (!mission.envelope) return 'Enveloppe de la mission non renseignée pour cette année.';
  return `Part fixe ${formatEurosFromCents(mission.envelope.fixedCents)} · part variable maximale ${formatEurosFromCents(mission.envelope.variableMaxCents)}`;
}

/**
 * Widths of the tableau de suivi's columns on a portrait page (the PDF prints it landscape): the figures' columns
 * keep « 100,0 % », « 31/12/2024 » and their headers whole, the indicator's wording takes what is left.
 */
const PORTRAIT_TRACKING_WIDTHS: Readonly<Record<string, number>> = {
  Indicateur: 19,
  'Valeur initiale': 12,
  Cible: 11,
  Réalisé: 12,
  'Palier atteint': 10,
  '€ obtenus / max': 13,
  Taux: 9,
  Justificatifs: 14,
};

/** The indicators of a mission as the tableau de suivi prints them, with the mission's subtotal. */
function trackingTable(mission: TrackingMission): Block[] {
  if (mission.indicators.length === 0) return [para('Aucun indicateur pour cette mission.', { muted: true })];
  const { earnedCents, variableMaxCents } = mission.result;
  return [
    table(
      TRACKING_COLUMNS.map((column) => ({
        header: column.header,
        width: PORTRAIT_TRACKING_WIDTHS[column.header] ?? column.width,
        ...(column.numeric ? { numeric: true } : {}),
      })),
      mission.indicators.map((line) => TRACKING_COLUMNS.map((column) => column.text(line))),
      TRACKING_COLUMNS.map((column, index) => {
        if (index === 0) return 'Sous-total de la mission';
        if (column.header === '€ obtenus / max') return earnedOverMax(earnedCents, variableMaxCents);
        if (column.header === 'Taux') return attainmentText(earnedCents, variableMaxCents);
        return '';
      }),
    ),
    gap(),
  ];
}

function missionBlocks(outline: Outline, mission: MissionSection, contractYearLabel: string | null): Block[] {
  const blocks: Block[] = [];
  if (!mission.inContract)
    blocks.push(para('Cette mission ne fait pas partie du contrat de la CPTS.', { muted: true }));
  if (mission.fiches.length > 0) blocks.push(outline.h2('Fiches actions'), ...fichesTable(mission.fiches));
  if (mission.tracking) {
    blocks.push(
      outline.h2(contractYearLabel ? `Indicateurs — ${contractYearLabel}` : 'Indicateurs'),
      para(envelopeText(mission.tracking), { muted: true }),
      ...trackingTable(mission.tracking),
    );
  }
  if (mission.evidence.length > 0) {
    blocks.push(
      outline.h2('Justificatifs'),
      table(
        [
          { header: 'Justificatif', width: 44 },
          { header: 'Pour', width: 34 },
          { header: 'Fourni', width: 22 },
        ],
        mission.evidence.map((line) => [
          line.label,
          line.forLabel,
          line.provided ? (line.providedOn ? `Oui, le ${shortDate(line.providedOn)}` : 'Oui') : 'Non',
        ]),
      ),
      gap(),
    );
  }
  if (mission.crisisPlan && mission.crisisPlan.length > 0) {
    blocks.push(
      outline.h2('Plan de réponse aux crises'),
      ...bullets(
        mission.crisisPlan.map(
          (event) => `${event.kindLabel} le ${dateLong(event.occurredOn)}${event.note ? ` : ${event.note}` : ''}`,
        ),
      ),
    );
  }
  return blocks;
}

function protocolsBlocks(outline: Outline, protocols: ProtocolsData): Block[] {
  const { register } = protocols;
  const blocks: Block[] = [
    outline.h2('Registre des protocoles'),
    para(
      `${plural(register.totals.protocols, 'protocole')} dans la bibliothèque, dont ${formatInteger(register.totals.inForce)} en vigueur ; ${plural(register.totals.uses, 'utilisation')} enregistrée${register.totals.uses > 1 ? 's' : ''} dans l’année.`,
    ),
  ];
  if (register.overdue.length > 0) blocks.push(labelled('Revue dépassée', register.overdue.join(', ')));
  for (const group of register.groups) {
    blocks.push(
      caption(group.title),
      table(
        [
          { header: 'Code', width: 10 },
          { header: 'Protocole', width: 28 },
          { header: 'Mission', width: 14 },
          { header: 'Statut', width: 13 },
          { header: 'Version', width: 8 },
          { header: 'Validé le', width: 10 },
          { header: 'Prochaine revue', width: 12 },
          { header: 'Utilisations', width: 10, numeric: true },
        ],
        group.lines.map((line) => [
          line.code,
          line.title,
          line.mission,
          line.status,
          line.version,
          line.validatedOn,
          line.nextReview,
          formatInteger(line.uses),
        ]),
      ),
      gap(),
    );
  }
  if (protocols.versionsValidated.length > 0) {
    blocks.push(
      outline.h2('Versions validées dans l’année'),
      table(
        [
          { header: 'Protocole', width: 46 },
          { header: 'Version', width: 12 },
          { header: 'Validée le', width: 16 },
          { header: 'Instance', width: 26 },
        ],
        protocols.versionsValidated.map((line) => [
          line.protocol,
          `v${line.version}`,
          shortDate(line.validatedOn),
          orDash(line.instance),
        ]),
      ),
      gap(),
    );
  }
  if (protocols.reviewsDue.length > 0) {
    blocks.push(
      outline.h2('Revues à mener'),
      ...bullets(
        protocols.reviewsDue.map(
          (line) =>
            `${line.protocol} : revue ${line.overdue ? 'dépassée depuis le' : 'prévue le'} ${dateLong(line.dueOn)}`,
        ),
      ),
    );
  }
  if (protocols.teams.length > 0) {
    blocks.push(
      outline.h2('Protocoles de coopération : équipes au 31 décembre'),
      table(
        [
          { header: 'Protocole', width: 60 },
          { header: 'Délégants', width: 20, numeric: true },
          { header: 'Délégués', width: 20, numeric: true },
        ],
        protocols.teams.map((line) => [line.protocol, formatInteger(line.delegants), formatInteger(line.delegues)]),
      ),
      gap(),
    );
  }
  if (protocols.uses.length > 0) {
    blocks.push(
      outline.h2('Utilisations dans l’année'),
      table(
        [
          { header: 'Protocole', width: 60 },
          { header: 'Utilisations', width: 20, numeric: true },
          { header: 'Professionnels', width: 20, numeric: true },
        ],
        protocols.uses.map((line) => [line.protocol, formatInteger(line.uses), formatInteger(line.professionals)]),
      ),
      gap(),
    );
  }
  return blocks;
}

function rcpBlocks(outline: Outline, rcp: RcpYearData): Block[] {
  const totals = rcp.totals;
  const blocks: Block[] = [
    outline.h2('En chiffres'),
    pairsTable([
      [
        'Séances',
        `${formatInteger(totals.sessions)} (${formatInteger(totals.clinical)} cliniques, ${formatInteger(totals.thematic)} thématiques)`,
      ],
      ['Cas présentés', formatInteger(totals.cases)],
      ['Patients de 75 ans ou plus, ou en ALD', formatInteger(totals.over75OrAld)],
      ['Patients informés', formatInteger(totals.patientInformed)],
      [
        'Suivis prévus / réalisés',
        `${formatInteger(totals.followUpsPlanned)} / ${formatInteger(totals.followUpsDone)}`,
      ],
      ['Professions par séance (moyenne)', formatDecimal(totals.averageProfessions)],
      [`Séances sous le minimum de ${totals.minProfessions} professions`, formatInteger(totals.sessionsBelowMinimum)],
    ]),
    gap(),
  ];
  if (rcp.sessions.length > 0) {
    blocks.push(
      outline.h2('Séances'),
      table(
        [
          { header: 'Date', width: 12 },
          { header: 'Intitulé', width: 28 },
          { header: 'Type', width: 12 },
          { header: 'Thème', width: 16 },
          { header: 'Professions', width: 24 },
          { header: 'Cas', width: 8, numeric: true },
        ],
        rcp.sessions.map((session) => [
          shortDate(session.date),
          session.title,
          session.kindLabel,
          orDash(session.theme),
          session.professions.join(', '),
          formatInteger(session.caseCount),
        ]),
      ),
      gap(),
    );
  }
  const counts = (title: string, header: string, rows: readonly { label: string; count: number }[]): Block[] =>
    rows.length === 0
      ? []
      : [
          caption(title),
          table(
            [
              { header, width: 75 },
              { header: 'Cas', width: 25, numeric: true },
            ],
            rows.map((row) => [row.label, formatInteger(row.count)]),
          ),
          gap(),
        ];
  blocks.push(
    ...counts('Cas par motif', 'Motif', rcp.byMotif),
    ...counts('Cas par âge', 'Tranche d’âge', rcp.byAgeBand),
  );
  return blocks;
}

function ficheLines(fiches: readonly MissionFiche[]): string[] {
  return fiches.map(
    (fiche) =>
      `${fiche.code ? `${fiche.code} — ` : ''}${fiche.title} (${fiche.statusLabel.toLowerCase()})${fiche.porteur ? ` — ${fiche.porteur}` : ''}`,
  );
}

function partnershipsBlocks(outline: Outline, partnerships: readonly PartnershipLine[]): Block[] {
  if (partnerships.length === 0) return [para('Aucun partenariat enregistré.', { muted: true })];
  return partnerships.flatMap((line) => {
    const blocks: Block[] = [outline.h2(`${line.typeLabel} – ${line.partner}`)];
    if (line.title) blocks.push(para(line.title, { bold: true }));
    if (line.signedOn) blocks.push(labelled('Signé le', dateLong(line.signedOn)));
    if (line.cptsSeat) blocks.push(labelled('Place de la CPTS', line.cptsSeat));
    const axes = line.axes ?? [];
    if (axes.length > 0 || line.fichesTotal) {
      // « Il comprend 4 axes : « Prévenir », « Guérir »… et 25 fiches actions. », as the reports of CPTS write it.
      const axesText =
        axes.length > 0 ? `${plural(axes.length, 'axe')} : ${axes.map((axis) => `« ${axis} »`).join(', ')}` : '';
      const fichesText = line.fichesTotal ? plural(line.fichesTotal, 'fiche action', 'fiches actions') : '';
      blocks.push(para(`Il comprend ${[axesText, fichesText].filter(Boolean).join(' et ')}.`));
    }
    blocks.push(...freeText(line.note));
    if (line.carried.length > 0)
      blocks.push(para('Les fiches actions portées par la CPTS :'), ...bullets(ficheLines(line.carried)));
    if (line.participating.length > 0)
      blocks.push(para('Les actions auxquelles participe la CPTS :'), ...bullets(ficheLines(line.participating)));
    return blocks;
  });
}

function financesBlocks(outline: Outline, finances: FinancesData, year: number): Block[] {
  const blocks: Block[] = [outline.h2(`Versements de l’ACI reçus en ${year}`)];
  if (finances.received.length === 0) blocks.push(para('Aucun versement reçu dans l’année.', { muted: true }));
  else
    blocks.push(
      table(
        [
          { header: 'Nature', width: 40 },
          { header: 'Mission', width: 38 },
          { header: 'Montant', width: 22, numeric: true },
        ],
        finances.received.map((line) => [line.kindLabel, orDash(line.missionLabel), formatEurosFromCents(line.cents)]),
        ['Total', '', formatEurosFromCents(finances.receivedTotalCents)],
      ),
      gap(),
    );
  if (finances.byMission.length > 0) {
    // The chart « Budget par mission », as its figures (« — » for a mission without envelope).
    blocks.push(
      outline.h2(BUDGET_BY_MISSION_TITLE),
      table(
        [
          { header: 'Mission', width: 43 },
          { header: 'Enveloppe', width: 19, numeric: true },
          { header: 'Budget prévu', width: 19, numeric: true },
          { header: 'Dépensé', width: 19, numeric: true },
        ],
        finances.byMission.map((line) => [
          line.missionLabel,
          line.envelopeCents === null ? DASH : formatEurosFromCents(line.envelopeCents),
          formatEurosFromCents(line.plannedCents),
          formatEurosFromCents(line.spentCents),
        ]),
      ),
      gap(),
    );
  }
  return blocks;
}

function sectionBlocks(
  outline: Outline,
  section: ActivityReportSection,
  data: Pick<ActivityReportData, 'year' | 'contractYearLabel'>,
): Block[] {
  const opening = outline.h1(section.title);
  const head: Block[] = [
    new Paragraph({ children: [new PageBreak()] }),
    opening,
    ...textsBlocks(section.texts, 'mission' in section),
  ];
  const body = ((): Block[] => {
    switch (section.key) {
      case 'synthese':
        return 'keyFigures' in section ? synthese(section.keyFigures, data.year) : [];
      case 'identite':
        return 'identity' in section ? identityBlocks(outline, section.identity, section.territory) : [];
      case 'vie_associative':
        return 'associativeLife' in section ? associativeBlocks(outline, section.associativeLife, data.year) : [];
      case 'protocoles':
        return 'protocols' in section ? protocolsBlocks(outline, section.protocols) : [];
      case 'rcp':
        return 'rcp' in section ? rcpBlocks(outline, section.rcp) : [];
      case 'partenariats':
        return 'partnerships' in section ? partnershipsBlocks(outline, section.partnerships) : [];
      case 'finances':
        return 'finances' in section ? financesBlocks(outline, section.finances, data.year) : [];
      case 'perspectives':
        return 'nextYearTargets' in section && section.nextYearTargets.length > 0
          ? [
              outline.h2('Cibles de l’année de contrat suivante'),
              table(
                [
                  { header: 'Mission', width: 28 },
                  { header: 'Indicateur', width: 48 },
                  { header: 'Cible', width: 24 },
                ],
                section.nextYearTargets.map((target) => [target.missionLabel, target.indicator, target.target]),
              ),
              gap(),
            ]
          : [];
      default:
        return 'mission' in section ? missionBlocks(outline, section.mission, data.contractYearLabel) : [];
    }
  })();
  return [...head, ...body, ...photosBlocks(section.texts)];
}

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
function annexesBlocks(annexes: ActivityReportData['annexes']): Block[] {
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

// ——— Cover, introduction, highlights ———

function coverBlocks(data: ActivityReportData): Block[] {
  const generated = exportDate(data.generatedAt);
  return [
    ...(data.logo
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 1200, after: 480 },
            children: [imageRun(data.logo, Math.round(CONTENT_WIDTH_PX * 0.5), 200, `Logo de ${data.cptsName}`)],
          }),
        ]
      : [new Paragraph({ spacing: { before: 2400 }, children: [] })]),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: docText(data.cptsName), bold: true, size: 36, color: COLORS.text })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: activityReportTitle(data.year), bold: true, size: 56, color: COLORS.accent })],
    }),
    ...(data.contractYearLabel
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: docText(data.contractYearLabel), color: COLORS.muted })],
          }),
        ]
      : []),
    ...(generated
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 1200 },
            children: [new TextRun({ text: `Document établi le ${generated}`, color: COLORS.muted, size: 18 })],
          }),
        ]
      : []),
  ];
}

/** The title of a page left out of the contents (introduction, contents), in the look of a Titre 1. */
function pageTitle(text: string): Paragraph {
  return new Paragraph({
    spacing: { after: 240 },
    keepNext: true,
    children: [new TextRun({ text: docText(text), bold: true, size: 30, color: COLORS.accent })],
  });
}

function introductionBlocks(data: ActivityReportData): Block[] {
  const blocks: Block[] = [];
  if (data.introduction?.trim()) blocks.push(pageTitle('Introduction'), ...freeText(data.introduction));
  if (data.highlights.length > 0 || data.highlightPhotos.length > 0) {
    blocks.push(heading(`Les faits marquants de ${data.year}`, 2));
    for (const highlight of data.highlights) {
      blocks.push(
        new Paragraph({
          keepNext: true,
          spacing: { before: 160, after: 60 },
          children: [
            new TextRun({ text: docText(highlight.title), bold: true }),
            ...(highlight.happenedOn
              ? [new TextRun({ text: ` — ${dateLong(highlight.happenedOn)}`, color: COLORS.muted })]
              : []),
          ],
        }),
        ...freeText(highlight.body),
      );
    }
  }
  // Photos attached to no section go with the highlights.
  blocks.push(...data.highlightPhotos.flatMap((entry) => photo(entry.image, entry.caption)));
  return blocks.length > 0 ? [new Paragraph({ children: [new PageBreak()] }), ...blocks] : [];
}

function tableOfContents(): Block[] {
  return [
    new Paragraph({ children: [new PageBreak()] }),
    pageTitle('Sommaire'),
    // The sections and the annexes, as the PDF's contents list them.
    new TableOfContents('Sommaire', { hyperlink: true, headingStyleRange: '1-1' }),
    para(
      'Les numéros de page s’inscrivent quand le sommaire est mis à jour (Word le propose à l’ouverture du document).',
      {
        muted: true,
        italics: true,
      },
    ),
  ];
}

function headerFooter(data: ActivityReportData) {
  const small = { size: 16, color: COLORS.muted } as const;
  return {
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({ text: docText(`${data.cptsName} — ${activityReportTitle(data.year)}`), ...small }),
            ],
          }),
        ],
      }),
      first: new Header({ children: [] }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ children: ['Page ', PageNumber.CURRENT, ' sur ', PageNumber.TOTAL_PAGES], ...small }),
            ],
          }),
        ],
      }),
      first: new Footer({ children: [] }),
    },
  };
}

/** The .docx of the rapport d’activité: an A4 Word document, its table of contents filled when Word opens it. */
export async function activityReportDocx(data: ActivityReportData): Promise<Uint8Array> {
  const outline = new Outline();
  const title = activityReportTitle(data.year);
  const document = new Document({
    creator: data.cptsName,
    title: `${title} — ${data.cptsName}`,
    subject: ACTIVITY_REPORT_TITLE,
    features: { updateFields: true },
    styles: STYLES,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        ...headerFooter(data),
        children: [
          ...coverBlocks(data),
          ...introductionBlocks(data),
          ...tableOfContents(),
          ...data.sections.flatMap((section) => sectionBlocks(outline, section, data)),
          ...annexesBlocks(data.annexes),
        ],
      },
    ],
  });
  return finishDocx(new Uint8Array(await Packer.toBuffer(document)));
}
