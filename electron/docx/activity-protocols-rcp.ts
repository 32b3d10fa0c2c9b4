/** The protocols and RCP sections of the Word rapport d’activité. */
import { dateLong, formatDecimal, formatInteger, plural, shortDate } from '@shared/format';
import type { ProtocolsData } from '@shared/reports/activity-report';
import type { RcpYearData } from '@shared/reports/meetings';
import { bullets, caption, gap, labelled, pairsTable, para, table } from './kit';
import { type Block, orDash, type Outline } from './activity-blocks';

export function protocolsBlocks(outline: Outline, protocols: ProtocolsData): Block[] {
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

export function rcpBlocks(outline: Outline, rcp: RcpYearData): Block[] {
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
