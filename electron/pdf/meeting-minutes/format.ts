import { formatInteger } from '@shared/format';

const ATTENDANCE_GROUPS = [
  { test: /^pr[ée]sent/i, singular: 'présent', plural: 'présents' },
  { test: /^excus[ée]/i, singular: 'excusé', plural: 'excusés' },
  { test: /^repr[ée]sent[ée]/i, singular: 'représenté', plural: 'représentés' },
  { test: /^absent/i, singular: 'absent', plural: 'absents' },
] as const;

/** « 8 présents, 2 excusés, 1 absent » from the attendance labels (Présent·e, Excusé·e…); '' for nobody. */
export function attendanceSummary(labels: readonly (string | null)[]): string {
  const counts = new Map<string, { count: number; singular: string; plural: string }>();
  let unknown = 0;
  for (const label of labels) {
    const group = label ? ATTENDANCE_GROUPS.find((candidate) => candidate.test.test(label.trim())) : undefined;
    const key = group ? group.singular : label?.trim().toLowerCase() || null;
    if (!key) {
      unknown += 1;
      continue;
    }
    const entry = counts.get(key) ?? { count: 0, singular: group?.singular ?? key, plural: group?.plural ?? key };
    entry.count += 1;
    counts.set(key, entry);
  }
  const ordered = [
    ...ATTENDANCE_GROUPS.map((group) => counts.get(group.singular)).filter((entry) => entry !== undefined),
    ...[...counts.entries()].filter(([key]) => !ATTENDANCE_GROUPS.some((g) => g.singular === key)).map(([, e]) => e),
  ];
  const parts = ordered.map(
    (entry) => `${formatInteger(entry.count)} ${entry.count > 1 ? entry.plural : entry.singular}`,
  );
  if (unknown > 0) parts.push(`${formatInteger(unknown)} sans présence renseignée`);
  return parts.join(', ');
}
