import { PROFESSION_GROUPS } from './labels';

/** The `<option>`s of a profession select: « — Choisir — », then the ANS professions grouped by family. */
export function ProfessionOptions() {
  return (
    <>
      <option value="">— Choisir —</option>
      {PROFESSION_GROUPS.map((group) => (
        <optgroup key={group.family} label={group.label}>
          {group.professions.map((profession) => (
            <option key={profession.code} value={profession.code}>
              {profession.inclusive}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
