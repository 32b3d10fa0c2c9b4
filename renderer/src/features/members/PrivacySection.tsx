import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MemberDetail } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { useMembersWrite } from './queries';

const CONFIRM_WORD = 'EFFACER';

export function PrivacySection({ detail }: { detail: MemberDetail }) {
  const [erasing, setErasing] = useState(false);
  const exportData = useMembersWrite('members.exportPersonalData');
  const result = exportData.data;

  if (detail.erasedAt) {
    return (
      <section className="card" aria-labelledby="rgpd-titre">
        <h2 id="rgpd-titre">Données personnelles (RGPD)</h2>
        <p>
          Ce membre a été anonymisé le {formatDateLong(detail.erasedAt.slice(0, 10))} : son nom, ses coordonnées et ses
          identifiants ont été effacés. Il ne reste que ce qui sert aux décomptes des rapports.
        </p>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="rgpd-titre">
      <h2 id="rgpd-titre">Données personnelles (RGPD)</h2>
      <p className="muted small">
        Droit d’accès et de portabilité : remettez à l’adhérent ses données dans un fichier. Droit à l’effacement :
        anonymisez sa fiche.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={exportData.isPending}
          onClick={() => exportData.mutate({ id: detail.id })}
        >
          Exporter ses données (JSON)
        </button>
        <button type="button" className="button button-danger-outline" onClick={() => setErasing(true)}>
          Anonymiser ce membre
        </button>
      </div>
      <div className="report-outcome">
        {exportData.isPending && (
          <p role="status" className="busy">
            <span className="spinner" aria-hidden="true" />
            Export en cours…
          </p>
        )}
        {exportData.isSuccess && result?.saved && (
          <p role="status" className="success-text">
            Données exportées : <span className="path">{result.path}</span>
          </p>
        )}
        {exportData.isSuccess && result && !result.saved && (
          <p role="status" className="muted">
            Export annulé : aucun fichier n'a été enregistré.
          </p>
        )}
        {exportData.isError && (
          <p role="alert" className="error-text">
            {errorMessage(exportData.error)}
          </p>
        )}
      </div>
      {erasing && <EraseDialog detail={detail} onClose={() => setErasing(false)} />}
    </section>
  );
}

function EraseDialog({ detail, onClose }: { detail: MemberDetail; onClose: () => void }) {
  const navigate = useNavigate();
  const toast = useToast();
  const erase = useMembersWrite('members.erase');
  const [typed, setTyped] = useState('');
  const confirmed = typed.trim() === CONFIRM_WORD;

  // Awaited rather than a per-call onSuccess: the refreshed member (now anonymised) may unmount this dialog before
  // the mutation settles, and the return to the list must still happen.
  const run = async () => {
    if (!confirmed) return;
    try {
      await erase.mutateAsync({ id: detail.id, confirm: CONFIRM_WORD });
    } catch {
      return; // shown below through erase.error
    }
    toast.notify({
      kind: 'success',
      message: `${detail.displayName} a été anonymisé·e : ses données personnelles sont effacées.`,
    });
    navigate('/adherents');
  };

  return (
    <Dialog
      title="Anonymiser ce membre ?"
      danger
      busy={erase.isPending}
      onClose={onClose}
      initialFocus="#confirmation-effacement"
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onClose} disabled={erase.isPending}>
            Annuler
          </button>
          <button type="button" className="button button-danger" disabled={!confirmed || erase.isPending} onClick={run}>
            {erase.isPending ? 'Anonymisation…' : 'Anonymiser définitivement'}
          </button>
        </>
      }
    >
      <p>
        La fiche de <strong>{detail.displayName}</strong> sera anonymisée. <strong>C’est irréversible.</strong>
      </p>
      <ul>
        <li>
          Son nom, son prénom, ses coordonnées (adresse, téléphone, courriel) et ses identifiants (RPPS, ADELI, FINESS,
          SIRET) seront effacés.
        </li>
        <li>
          Sa profession, sa commune, son collège, ses dates d’adhésion et ses cotisations sont gardés sans son nom : les
          effectifs des rapports des années passées restent justes.
        </li>
        <li>
          Son identité n’est gardée que sous forme d’empreinte illisible, pour qu’un import ne recrée pas sa fiche.
        </li>
        <li>
          <strong>Ce que l’anonymisation n’atteint pas :</strong> les sauvegardes déjà faites dans le dossier «
          sauvegardes » (elles disparaissent à mesure que de nouvelles les remplacent) et les copies déjà sorties de
          Maillage (listes Excel ou CSV, PDF, fichiers envoyés par courriel). Supprimez celles que vous gardez ailleurs.
          Les procès-verbaux déjà approuvés gardent aussi son nom tel qu’il était à l’approbation : ce sont les actes de
          l’association.
        </li>
        <li>Pensez à exporter ses données d’abord s’il vous les a demandées.</li>
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label htmlFor="confirmation-effacement" className="field-label-text">
          Pour confirmer, tapez {CONFIRM_WORD}
        </label>
        <input
          id="confirmation-effacement"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </form>
      {erase.isError && (
        <p role="alert" className="error-text">
          {errorMessage(erase.error)}
        </p>
      )}
    </Dialog>
  );
}
