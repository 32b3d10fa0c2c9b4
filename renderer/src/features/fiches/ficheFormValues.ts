/** The fiche form's values (what the inputs hold) ↔ the fiche as the contract takes it. */
import type { FicheData, FicheDetail, FicheInput } from '@shared/contract';
import type { MemberListRow } from '@shared/domain/members';
import { searchKey } from '@shared/text';
import type { Option } from '../ag/proxies/MemberCombobox';

export interface FicheFormValues {
  code: string;
  title: string;
  axis: string;
  missionCode: string;
  partnershipId: string;
  externalRef: string;
  cptsRole: string;
  porteurOrg: string;
  status: string;
  startsOn: string;
  endsOn: string;
  context: string;
  generalObjective: string;
  /** One per line. */
  operationalObjectives: string;
  description: string;
  targetPublic: string;
  communes: string[];
  pilotMemberId: number | null;
  referents: { memberId: number; role: string }[];
  partners: { organisation: string; role: string }[];
  difficulties: string;
  nextSteps: string;
}

/** The fields whose server messages go under an input of the form. */
export const FICHE_FIELDS = [
  'code',
  'title',
  'axis',
  'missionCode',
  'partnershipId',
  'externalRef',
  'cptsRole',
  'porteurOrg',
  'status',
  'startsOn',
  'endsOn',
  'context',
  'generalObjective',
  'operationalObjectives',
  'description',
  'targetPublic',
  'communes',
  'pilotMemberId',
  'referents',
  'partners',
  'difficulties',
  'nextSteps',
] as const;

export function ficheToForm(data: FicheData | null, partnershipId?: number): FicheFormValues {
  return {
    code: data?.code ?? '',
    title: data?.title ?? '',
    axis: data?.axis ?? '',
    missionCode: data?.missionCode ?? '',
    partnershipId: data?.partnershipId ? String(data.partnershipId) : partnershipId ? String(partnershipId) : '',
    externalRef: data?.externalRef ?? '',
    cptsRole: data?.cptsRole ?? 'porteur',
    porteurOrg: data?.porteurOrg ?? '',
    status: data?.status ?? 'non_debutee',
    startsOn: data?.startsOn ?? '',
    endsOn: data?.endsOn ?? '',
    context: data?.context ?? '',
    generalObjective: data?.generalObjective ?? '',
    operationalObjectives: (data?.operationalObjectives ?? []).join('\n'),
    description: data?.description ?? '',
    targetPublic: data?.targetPublic ?? '',
    communes: data?.communes ?? [],
    pilotMemberId: data?.pilotMemberId ?? null,
    referents: (data?.referents ?? []).map((r) => ({ memberId: r.memberId, role: r.role ?? '' })),
    partners: (data?.partners ?? []).map((p) => ({ organisation: p.organisation, role: p.role ?? '' })),
    difficulties: data?.difficulties ?? '',
    nextSteps: data?.nextSteps ?? '',
  };
}

/**
 * The fiche to send: the form's fields over the stored fiche, whose milestones, budget and meetings are edited in
 * their own sections and kept as they are. The porteur organisation only when the CPTS does not carry the action.
 */
export function formToFiche(values: FicheFormValues, base: FicheData | null): FicheInput {
  return {
    ...values,
    porteurOrg: values.cptsRole === 'porteur' ? null : values.porteurOrg,
    cptsRole: values.cptsRole as FicheInput['cptsRole'],
    status: values.status as FicheInput['status'],
    milestones: base?.milestones ?? [],
    budget: base?.budget ?? [],
    meetingIds: base?.meetingIds ?? [],
  };
}

/** The stored fiche with one of its lists replaced, ready for `fiches.update`. */
export function ficheWith(detail: FicheDetail, change: Partial<FicheInput>): FicheInput {
  return { ...detail.data, ...change };
}

/** Members that can be chosen (active, not erased), for the member pickers, plus those already chosen. */
export function memberOptions(members: readonly MemberListRow[], keep: readonly number[] = []): Option[] {
  return members
    .filter((m) => (m.active && !m.erased) || keep.includes(m.id))
    .map((m) => ({
      id: m.id,
      name: m.displayName,
      note: m.professionLabel,
      key: searchKey(`${m.displayName} ${m.professionLabel ?? ''}`),
    }));
}
