/**
 * Data of the general-assembly documents (convocation, feuille d'émargement, procès-verbal) and the convocation
 * e-mails (.eml with the PDF and the .ics attached), built from the assembly state and the CPTS identity.
 */
import { format, parseISO } from 'date-fns';
import { fr } from 'date-fns/locale';
import type { Kysely } from 'kysely';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { AgState } from '@shared/contract';
import { quorumDescription } from '@shared/domain/ag';
import type {
  AgAssociation,
  AgMeetingHead,
  AttendanceSheetData,
  ConvocationData,
  PvData,
  PvResolution,
} from '@shared/reports/ag';
import type { DB } from '../../db/schema';
import { loadAssembly } from './assembly';
import { getAgState } from './state';
import type { StoredQuorum } from './stored-quorum';
import { getCptsProfile } from '../cpts';
import { dateLong, frenchTime, NBSP } from '@shared/format';
import { meetingWhen, meetingWhere, ofAssociation, organWith } from '@shared/reports/ag-format';
import { UserError } from '../errors';

async function associationOf(db: Kysely<DB>, today: string): Promise<AgAssociation> {
  const { identity } = await getCptsProfile(db, today);
  const legal = identity.legalForm || 'Association loi 1901';
  const address = [identity.addressLine, [identity.postalCode, identity.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return {
    name: identity.name || 'CPTS',
    legalLine: identity.rna ? `${legal} — RNA ${identity.rna}` : legal,
    address: address || null,
  };
}

async function meetingHead(db: Kysely<DB>, state: AgState): Promise<AgMeetingHead> {
  const meeting = await db
    .selectFrom('meeting')
    .select(['start_time', 'end_time', 'place', 'visio_url'])
    .where('id', '=', state.meetingId)
    .executeTakeFirstOrThrow();
  return {
    organLabel: state.typeLabel,
    title: state.title,
    date: state.date,
    startTime: meeting.start_time,
    endTime: meeting.end_time,
    place: meeting.place,
    visioUrl: meeting.visio_url,
    round: state.round,
  };
}

async function agendaOf(db: Kysely<DB>, meetingId: number) {
  return db
    .selectFrom('agenda_item')
    .select(['id', 'title', 'minutes'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

/** Numbers resolutions in the order of the ordre du jour (then those attached to no item). */
function numberedResolutions(state: AgState, agenda: { id: number }[]) {
  const order = new Map(agenda.map((item, index) => [item.id, index]));
  const sorted = [...state.resolutions].sort(
    (a, b) =>
      (order.get(a.agendaItemId ?? -1) ?? 1e9) - (order.get(b.agendaItemId ?? -1) ?? 1e9) ||
      a.position - b.position ||
      a.id - b.id,
  );
  return sorted.map((resolution, index) => ({ ...resolution, number: index + 1 }));
}

export async function convocationData(
  db: Kysely<DB>,
  meetingId: number,
  now: Date,
  today: string,
  recipient: string | null = null,
): Promise<ConvocationData> {
  const state = await getAgState(db, meetingId, today);
  return convocationFromState(db, state, now, today, recipient);
}

async function convocationFromState(
  db: Kysely<DB>,
  state: AgState,
  now: Date,
  today: string,
  recipient: string | null,
): Promise<ConvocationData> {
  const association = await associationOf(db, today);
  const agenda = await agendaOf(db, state.meetingId);
  const resolutions = numberedResolutions(state, agenda);
  const { identity } = await getCptsProfile(db, today);
  const toText = (resolution: (typeof resolutions)[number]) => ({
    number: resolution.number,
    title: resolution.title,
    text: resolution.text,
    majorityLabel: resolution.majorityLabel,
  });
  const items = agenda.map((item) => ({
    title: item.title,
    resolutions: resolutions.filter((r) => r.agendaItemId === item.id).map(toText),
  }));
  const loose = resolutions.filter(
    (r) => r.agendaItemId === null || !agenda.some((item) => item.id === r.agendaItemId),
  );
  if (loose.length) items.push({ title: 'Résolutions soumises au vote', resolutions: loose.map(toText) });
  const assembly = await loadAssembly(db, state.meetingId, today);
  const proxies = assembly.rules.meetings[state.meetingType].proxies;
  return {
    generatedAt: now.toISOString(),
    association,
    meeting: await meetingHead(db, state),
    convener: identity.presidentName
      ? `Pour le conseil d’administration, ${identity.presidentName}, président·e`
      : null,
    sentOn: state.convocation.sentOn,
    agenda: items,
    ruleReminders: state.rules.reminders,
    proxyForm: proxies.allowed
      ? {
          capLine:
            proxies.maxPerMandataire === null
              ? 'Un mandataire peut détenir plusieurs pouvoirs, sans limite de nombre.'
              : `Chaque mandataire peut détenir au plus ${proxies.maxPerMandataire} pouvoir${proxies.maxPerMandataire > 1 ? 's' : ''}.`,
          mandataireLine: proxies.mandataireMustBeVoter
            ? 'Le mandataire doit être membre votant de l’association.'
            : null,
        }
      : null,
    recipient,
  };
}

export async function attendanceSheetData(
  db: Kysely<DB>,
  meetingId: number,
  now: Date,
  today: string,
): Promise<AttendanceSheetData> {
  const state = await getAgState(db, meetingId, today);
  const { byId } = await loadAssembly(db, meetingId, today);
  const association = await associationOf(db, today);
  const colleges = await db
    .selectFrom('college')
    .select(['id', 'name', 'voting_right', 'position'])
    .orderBy('position')
    .orderBy('name')
    .execute();
  const proxyById = new Map(state.proxies.map((proxy) => [proxy.id, proxy]));
  const groups = new Map<number | null, AttendanceSheetData['colleges'][number]>();
  const groupOf = (collegeId: number | null, name: string | null) => {
    let group = groups.get(collegeId);
    if (!group) {
      const college = colleges.find((entry) => entry.id === collegeId);
      group = {
        name: name ?? 'Sans collège',
        votingRightLabel: college?.voting_right === 'consultative' ? 'voix consultative' : 'voix délibérative',
        voters: [],
      };
      groups.set(collegeId, group);
    }
    return group;
  };
  for (const college of colleges) if (college.voting_right === 'deliberative') groupOf(college.id, college.name);
  for (const voter of [...state.voters].sort((a, b) => a.name.localeCompare(b.name, 'fr'))) {
    const given = voter.proxyGiven === null ? undefined : proxyById.get(voter.proxyGiven);
    const upToDate = byId.get(voter.id)?.upToDate ?? false;
    groupOf(voter.collegeId, voter.collegeName).voters.push({
      name: voter.name,
      quality: voter.quality,
      cotisationLabel: upToDate ? `À jour ${state.year}` : `Non à jour ${state.year}`,
      upToDate,
      weight: state.weighted ? voter.weight : null,
      proxiesHeld: voter.proxiesHeld
        .map((id) => proxyById.get(id)?.mandantName)
        .filter((name): name is string => Boolean(name)),
      representedBy: given ? given.mandataireName : null,
    });
  }
  const quorum = state.quorum;
  const rule = quorum.rule;
  const quorumLine = rule.fraction
    ? `Quorum requis : ${quorumDescription(rule)}, soit ${french(quorum.required?.[rule.weighting === 'weight' ? 'weight' : 'heads'] ?? 0)}${rule.weighting === 'weight' ? ' voix' : ''} sur ${french(rule.weighting === 'weight' ? quorum.voting.weight : quorum.voting.heads)}${state.round === 2 ? ' (deuxième convocation)' : ''}.`
    : `Aucun quorum requis${state.round === 2 ? ' sur deuxième convocation' : ''} ; ${state.voters.length} membres votants.`;
  return {
    generatedAt: now.toISOString(),
    association,
    meeting: await meetingHead(db, state),
    colleges: [...groups.values()].filter((group) => group.voters.length > 0),
    nonVoters: state.nonVoters.map((other) => ({ name: other.name, quality: other.quality, reason: other.reason })),
    totals: {
      voters: state.voters.length,
      proxies: state.proxies.length,
      weighted: state.weighted,
      totalWeight: quorum.voting.weight,
    },
    quorumLine,
  };
}

/** « 1 500 », « 12,5 »: numbers as French readers write them. */
const french = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 3 });

const RESULT_LABELS = { true: 'Adoptée', false: 'Rejetée' } as const;

const pl = (count: number, singular: string, plural: string) => (count >= 2 ? plural : singular);

/**
 * The count a resolution was voted with, from the quorum kept with its vote: « Votée avec 4 membres présents et
 * 1 membre représenté, soit 5 membres votants sur 9. » (in voix when the votes are weighted).
 */
export function voteCountLine(stored: StoredQuorum, weighted: boolean): string {
  const both = stored.presentOrRepresented;
  const total = weighted
    ? `${french(both.weight)}${NBSP}voix ${pl(both.weight, 'présente ou représentée', 'présentes ou représentées')}`
    : `${french(both.heads)} ${pl(both.heads, 'membre votant', 'membres votants')}`;
  const outOf = stored.voting
    ? ` sur ${weighted ? `${french(stored.voting.weight)}${NBSP}voix` : french(stored.voting.heads)}`
    : '';
  if (!stored.present || !stored.represented) {
    return `Votée avec ${french(both.heads)} ${pl(both.heads, 'membre présent ou représenté', 'membres présents ou représentés')}${weighted ? `, soit ${french(both.weight)}${NBSP}voix` : ''}.`;
  }
  const present = `${french(stored.present.heads)} ${pl(stored.present.heads, 'membre présent', 'membres présents')}`;
  const represented = `${french(stored.represented.heads)} ${pl(stored.represented.heads, 'membre représenté', 'membres représentés')}`;
  return `Votée avec ${present} et ${represented}, soit ${total}${outOf}.`;
}

/** « 19 h 40 » from an ISO date-time, in the computer's time zone (the room's). */
const timeOf = (iso: string) => frenchTime(format(parseISO(iso), 'HH:mm')) ?? '';

/**
 * « M. Thomas Durand a quitté la séance à 19 h 40, avant le vote de la résolution n° 4. » — one line per departure,
 * with the return when the member came back, so the reader knows who could vote on what.
 */
async function departureLines(
  db: Kysely<DB>,
  meetingId: number,
  nameOf: (id: number) => string,
  voted: { number: number; votedAt: string }[],
): Promise<string[]> {
  const events = await db
    .selectFrom('ag_presence_event')
    .select(['member_id', 'kind', 'at'])
    .where('meeting_id', '=', meetingId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const lines: string[] = [];
  events.forEach((event, index) => {
    if (event.kind !== 'depart') return;
    let line = `${nameOf(event.member_id)} a quitté la séance à ${timeOf(event.at)}`;
    const next = voted.find((vote) => vote.votedAt > event.at);
    if (next) line += `, avant le vote de la résolution n°${NBSP}${next.number}`;
    else if (voted.length) line += ', après le dernier vote';
    const back = events
      .slice(index + 1)
      .find((later) => later.member_id === event.member_id && later.kind === 'arrivee');
    if (back) line += ` ; de retour à ${timeOf(back.at)}`;
    lines.push(`${line}.`);
  });
  return lines;
}

/**
 * The procès-verbal of an assembly. Once approved, the PV is the one recorded at approval (names included):
 * renaming or anonymising a member afterwards does not rewrite it; reopening the PV discards that record.
 */
export async function pvData(db: Kysely<DB>, meetingId: number, now: Date, today: string): Promise<PvData> {
  const meeting = await db
    .selectFrom('meeting')
    .select(['pv_status', 'pv_snapshot'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (meeting?.pv_status === 'approuve' && meeting.pv_snapshot) {
    return { ...(JSON.parse(meeting.pv_snapshot) as Omit<PvData, 'generatedAt'>), generatedAt: now.toISOString() };
  }
  const record = await pvRecord(db, meetingId, today);
  // A PV approved before the app kept approved PVs: recorded at its first export, it no longer moves after that.
  if (meeting?.pv_status === 'approuve') {
    await db
      .updateTable('meeting')
      .set({ pv_snapshot: JSON.stringify(record) })
      .where('id', '=', meetingId)
      .where('pv_status', '=', 'approuve')
      .execute();
  }
  return { ...record, generatedAt: now.toISOString() };
}

/** Everything the PV prints, read from the database now (what approval records). */
export async function pvRecord(db: Kysely<DB>, meetingId: number, today: string): Promise<Omit<PvData, 'generatedAt'>> {
  const state = await getAgState(db, meetingId, today);
  const association = await associationOf(db, today);
  const agenda = await agendaOf(db, meetingId);
  const resolutions = numberedResolutions(state, agenda);
  const stored = new Map(
    (
      await db
        .selectFrom('resolution')
        .select(['id', 'quorum_json', 'voted_at'])
        .where('meeting_id', '=', meetingId)
        .execute()
    ).map((row) => [
      row.id,
      { quorum: row.quorum_json ? (JSON.parse(row.quorum_json) as StoredQuorum) : null, votedAt: row.voted_at },
    ]),
  );
  const toPv = (resolution: (typeof resolutions)[number]): PvResolution => {
    const quorum = stored.get(resolution.id)?.quorum;
    return {
      number: resolution.number,
      title: resolution.title,
      text: resolution.text,
      majorityLabel: resolution.majorityLabel,
      votes: resolution.votes,
      adopted: resolution.adopted,
      resultLabel:
        resolution.adopted === null ? 'Non votée' : RESULT_LABELS[String(resolution.adopted) as 'true' | 'false'],
      arithmetic: resolution.arithmetic,
      countLine: resolution.votes && quorum ? voteCountLine(quorum, state.weighted) : null,
    };
  };
  const items = agenda.map((item) => ({
    title: item.title,
    summary: item.minutes,
    resolutions: resolutions.filter((r) => r.agendaItemId === item.id).map(toPv),
  }));
  const loose = resolutions.filter(
    (r) => r.agendaItemId === null || !agenda.some((item) => item.id === r.agendaItemId),
  );
  if (loose.length) items.push({ title: 'Autres résolutions', summary: null, resolutions: loose.map(toPv) });

  // Who took part: members who signed in at some point (a departure before the end does not erase them), and the
  // pouvoirs of absent mandants whose mandataire took part.
  const attended = new Set(
    [...state.voters, ...state.nonVoters.map((other) => ({ ...other, arrivedAt: other.present ? 'oui' : null }))]
      .filter((person) => person.arrivedAt)
      .map((person) => person.id),
  );
  const present = state.voters.filter((voter) => attended.has(voter.id));
  const counted = state.proxies.filter((proxy) => !attended.has(proxy.mandantId) && attended.has(proxy.mandataireId));
  // The quorum the assembly deliberated with: the one recorded with its first vote, else the current one. When the
  // room changed between votes, each resolution states its own count.
  const quorums = resolutions
    .map((resolution) => resolution.quorumAtVote)
    .filter((quorum): quorum is NonNullable<typeof quorum> => quorum !== null);
  const changed = new Set(quorums.map((quorum) => quorum.sentence)).size > 1;
  const quorumSentence = quorums[0]
    ? changed
      ? `Au premier vote : ${quorums[0].sentence} Les présences ont changé au cours de la séance : chaque résolution indique le nombre de membres avec lequel elle a été votée.`
      : `Au moment des votes : ${quorums[0].sentence}`
    : state.quorum.sentence;
  const names = new Map<number, string>(
    [...state.voters, ...state.nonVoters].map((person) => [person.id, person.name]),
  );
  const voted = resolutions
    .map((resolution) => ({ number: resolution.number, votedAt: stored.get(resolution.id)?.votedAt ?? null }))
    .filter((vote): vote is { number: number; votedAt: string } => vote.votedAt !== null)
    .sort((a, b) => a.votedAt.localeCompare(b.votedAt));
  const departures = await departureLines(db, meetingId, (id) => names.get(id) ?? 'Un membre', voted);
  const convocation = state.convocation.sentOn
    ? `Convocation adressée ${state.convocation.modeLabel ?? ''} le ${format(parseISO(state.convocation.sentOn), 'd MMMM yyyy', { locale: fr })}${state.round === 2 ? ', sur deuxième convocation' : ''}.`.replace(
        '  ',
        ' ',
      )
    : 'Date et mode de convocation non renseignés.';
  const meeting = await db
    .selectFrom('meeting')
    .select(['end_time'])
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const president = state.officers.presidentName;
  const secretaire = state.officers.secretaireName;
  return {
    association,
    meeting: await meetingHead(db, state),
    statusLabel:
      state.pv.status === 'approuve' && state.pv.approvedOn
        ? `Approuvé le ${format(parseISO(state.pv.approvedOn), 'd MMMM yyyy', { locale: fr })}`
        : 'Brouillon',
    draft: state.pv.status !== 'approuve',
    convocationLine: convocation,
    presidentSeance: president,
    secretaireSeance: secretaire,
    quorumSentence,
    attendance: {
      presentCount: present.length,
      representedCount: counted.length,
      votingCount: state.voters.length,
      present: present.map((voter) => voter.name),
      represented: counted.map((proxy) => `${proxy.mandantName} — représenté·e par ${proxy.mandataireName}`),
      others: state.nonVoters.filter((other) => other.present).map((other) => other.name),
    },
    departures,
    items,
    closingTime: meeting.end_time,
    signatories: [
      { capacity: 'Le président de séance', name: president },
      { capacity: 'Le secrétaire de séance', name: secretaire },
    ],
  };
}

export function agFileName(kind: string, state: { title: string; date: string }): string {
  return `${kind} - ${safeFileName(state.title)} - ${state.date}.pdf`;
}

/** A file name safe on Windows, macOS and Linux: no reserved or control characters, at most 120 characters. */
export function safeFileName(text: string): string {
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120);
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) || !cleaned ? `_${cleaned}` : cleaned;
}

/**
 * One .eml per member with an e-mail address, each with the convocation PDF and the .ics attached, marked as
 * unsent drafts (X-Unsent, honoured by Outlook; other clients open them as messages to forward) so the
 * coordinator's mail client can send them. Offline: nothing is sent. Each message is handed to `write` as soon as
 * it is built (1 500 messages with their PDF are never all in memory).
 */
export async function convocationMails(
  db: Kysely<DB>,
  meetingId: number,
  pdf: Uint8Array,
  ics: string,
  now: Date,
  today: string,
  write: (name: string, content: Buffer) => Promise<void>,
): Promise<{ count: number; bytes: number; withoutEmail: string[]; sender: string | null }> {
  const state = await getAgState(db, meetingId, today);
  const { identity } = await getCptsProfile(db, today);
  const association = await associationOf(db, today);
  const people = [...state.voters, ...state.nonVoters].map((person) => ({ id: person.id, name: person.name }));
  const emails = new Map(
    (
      await db
        .selectFrom('member')
        .select(['id', 'email'])
        .where('id', 'in', people.length ? people.map((p) => p.id) : [0])
        .execute()
    ).map((row) => [row.id, row.email]),
  );
  const head = await meetingHead(db, state);
  const when = meetingWhen(head);
  const where = meetingWhere(head);
  const organ = organWith('à', state.typeLabel);
  const subject = `Convocation ${organWith('de', state.typeLabel)} du ${dateLong(state.date)}${state.round === 2 ? ' (deuxième convocation)' : ''} — ${association.name}`;
  const pdfName = agFileName('Convocation', state);
  const from = identity.email ? { name: association.name, address: identity.email } : undefined;
  const withoutEmail: string[] = [];
  const used = new Set<string>();
  let count = 0;
  let bytes = 0;
  for (const person of people.sort((a, b) => a.name.localeCompare(b.name, 'fr'))) {
    const email = emails.get(person.id);
    if (!email) {
      withoutEmail.push(person.name);
      continue;
    }
    const text = [
      'Madame, Monsieur,',
      '',
      `Vous êtes convoqué·e ${organ} ${ofAssociation(association)}${state.round === 2 ? ', sur deuxième convocation,' : ''} qui se tiendra le ${when}, ${where}.`,
      '',
      'Vous trouverez en pièce jointe la convocation avec l’ordre du jour et les résolutions soumises au vote, ainsi qu’un formulaire de pouvoir si vous ne pouvez pas être présent·e. Le fichier .ics ajoute la date à votre agenda.',
      '',
      ...state.rules.reminders,
      '',
      'Bien cordialement,',
      identity.presidentName
        ? `${identity.presidentName}, pour le conseil d’administration`
        : `Le conseil d’administration ${ofAssociation(association)}`,
    ].join('\n');
    const composer = new MailComposer({
      from,
      to: { name: person.name, address: email },
      subject,
      text,
      date: now,
      headers: { 'X-Unsent': '1' },
      attachments: [
        { filename: pdfName, content: Buffer.from(pdf), contentType: 'application/pdf' },
        {
          filename: `${safeFileName(state.title)}.ics`,
          content: ics,
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        },
      ],
    });
    const content = await composer.compile().build();
    // Windows compares file names without case: « DUPONT Marie » and « Dupont MARIE » would overwrite each other.
    const base = safeFileName(person.name);
    let name = `${base}.eml`;
    for (let n = 2; used.has(name.toLocaleLowerCase('fr-FR')); n += 1) name = `${base} (${n}).eml`;
    used.add(name.toLocaleLowerCase('fr-FR'));
    await write(name, content);
    count += 1;
    bytes += content.byteLength;
  }
  if (!count && !withoutEmail.length)
    throw new UserError('invalid_input', 'Aucun membre à convoquer pour cette réunion.');
  return { count, bytes, withoutEmail, sender: identity.email ?? null };
}
