/** The numbered sections of the Word rapport d’activité, in the PDF’s outline; each chart as the table of its figures. */
import { PageBreak, Paragraph } from 'docx';
import {
  BUDGET_BY_MISSION_TITLE,
  MEMBERS_BY_PROFESSION_TITLE,
  meetingsPerMonthChart,
  membersOverYearsChart,
} from '@shared/charts';
import {
  dateLong,
  formatChange,
  formatDecimal,
  formatEurosFromCents,
  formatInteger,
  plural,
  shortDate,
} from '@shared/format';
import {
  type ActivityReportData,
  type ActivityReportSection,
  type AssociativeLifeData,
  type FinancesData,
  type IdentityData,
  type KeyFigure,
  type MissionFiche,
  type MissionSection,
  type PartnershipLine,
  type TerritoryData,
  keyFigureValue,
} from '@shared/reports/activity-report';
import type { CompositionData } from '@shared/reports/members';
import { bullets, caption, chartTable, freeText, gap, labelled, pairsTable, para, table } from './kit';
import {
  type Block,
  DASH,
  dateOrDash,
  envelopeText,
  keyFigureChange,
  orDash,
  type Outline,
  photosBlocks,
  textsBlocks,
  trackingTable,
} from './activity-blocks';
import { protocolsBlocks, rcpBlocks } from './activity-protocols-rcp';

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

export function sectionBlocks(
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
