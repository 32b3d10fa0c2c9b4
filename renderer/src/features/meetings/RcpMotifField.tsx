import { useEffect, useState } from 'react';
import { useWatch, type Control, type UseFormRegister, type UseFormSetValue } from 'react-hook-form';
import { errorMessage } from '../../api';
import { Field } from '../../components/Field';
import type { RcpCaseData } from '@shared/schemas/meetings';
import { NEW_MOTIF, type CaseValues } from './rcpCaseValues';
import { useMeetingsWrite, useRcpMotifs } from './queries';

interface Props {
  prefix: string;
  control: Control<CaseValues, unknown, RcpCaseData>;
  register: UseFormRegister<CaseValues>;
  setValue: UseFormSetValue<CaseValues>;
  error: string | undefined;
}

/**
 * The motif of a case, chosen in the CPTS's list; « Ajouter un motif… » opens a field that adds one to the list
 * and chooses it. Two cells of the form's grid: the select, then the new motif (or an empty cell).
 */
export function RcpMotifField({ prefix, control, register, setValue, error }: Props) {
  const motifs = useRcpMotifs();
  const addMotif = useMeetingsWrite('rcp.addMotif');
  const [newMotif, setNewMotif] = useState('');
  const [motifError, setMotifError] = useState<string | null>(null);
  const motifCode = useWatch({ control, name: 'motifCode' });
  // A motif just added is chosen once its option is on screen.
  const [pendingMotif, setPendingMotif] = useState<string | null>(null);
  useEffect(() => {
    if (pendingMotif && motifs.data?.some((m) => m.code === pendingMotif)) {
      setValue('motifCode', pendingMotif, { shouldDirty: true, shouldValidate: true });
      setPendingMotif(null);
    }
  }, [pendingMotif, motifs.data, setValue]);

  const onAddMotif = async () => {
    setMotifError(null);
    const label = newMotif.trim();
    try {
      const list = await addMotif.mutateAsync({ label });
      const created = [...list]
        .reverse()
        .find((m) => m.label.toLocaleLowerCase('fr-FR') === label.toLocaleLowerCase('fr-FR'));
      if (created) setPendingMotif(created.code);
      setNewMotif('');
    } catch (error) {
      setMotifError(errorMessage(error));
    }
  };

  return (
    <>
      <Field id={`${prefix}-motif`} label="Motif" error={error}>
        {(a) => (
          <select {...a} {...register('motifCode')}>
            <option value="">— Choisir —</option>
            {(motifs.data ?? []).map((m) => (
              <option key={m.code} value={m.code}>
                {m.label}
              </option>
            ))}
            <option value={NEW_MOTIF}>Ajouter un motif…</option>
          </select>
        )}
      </Field>
      {motifCode === NEW_MOTIF ? (
        <div className={`field${motifError ? ' field-invalid' : ''}`}>
          <label htmlFor={`${prefix}-new-motif`}>Nouveau motif</label>
          <div className="inline-row">
            <input
              id={`${prefix}-new-motif`}
              type="text"
              value={newMotif}
              onChange={(event) => setNewMotif(event.target.value)}
            />
            <button
              type="button"
              className="button button-small"
              onClick={() => void onAddMotif()}
              disabled={addMotif.isPending}
            >
              Ajouter le motif
            </button>
          </div>
          {motifError && <p className="field-error">{motifError}</p>}
        </div>
      ) : (
        <div className="field-spacer" aria-hidden="true" />
      )}
    </>
  );
}
