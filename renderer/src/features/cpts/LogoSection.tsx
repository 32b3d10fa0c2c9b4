/** Ma CPTS › Logo: the image printed on the cover and in the header of the yearly documents. */
import type { CptsProfile } from '@shared/contract';
import { errorMessage } from '../../api';
import { useConfirmedDelete } from '../../components/ConfirmDelete';
import { useToast } from '../../components/Toasts';
import { useCptsWrite } from './queries';

export function LogoSection({ profile }: { profile: CptsProfile | null }) {
  const toast = useToast();
  const choose = useCptsWrite('cpts.setLogo');
  const remove = useConfirmedDelete(useCptsWrite('cpts.removeLogo'), {
    title: () => 'Retirer le logo ?',
    confirmLabel: 'Retirer le logo',
    body: (logo: NonNullable<CptsProfile['logo']>) => (
      <p>
        « {logo.fileName} » ne sera plus imprimé sur les documents de la CPTS et sera supprimé de Maillage. Vous pourrez
        choisir une autre image.
      </p>
    ),
    input: () => undefined,
    deletedMessage: () => 'Logo retiré.',
  });
  const logo = profile?.logo ?? null;
  // The logo hangs on the CPTS record, which the identity form creates.
  const saved = profile?.updatedAt != null;

  const onChoose = () =>
    choose.mutate(undefined, {
      onSuccess: (result) => {
        if ('cancelled' in result) return;
        toast.notify({ kind: 'success', message: logo ? 'Logo remplacé.' : 'Logo enregistré.' });
      },
      onError: (error) =>
        toast.notify({ kind: 'error', message: `Le logo n’a pas été enregistré : ${errorMessage(error)}` }),
    });

  return (
    <section className="card" aria-labelledby="logo-titre">
      <h2 id="logo-titre">Logo</h2>
      <p className="muted">
        Imprimé sur la couverture et en tête des pages du rapport d’activité et des dossiers de la CPTS. Une image PNG
        ou JPEG de 10 Mo au plus.
      </p>
      {logo ? (
        <figure className="cpts-logo">
          <img src={logo.dataUrl} alt="Logo de la CPTS" />
          <figcaption className="cell-sub">{logo.fileName}</figcaption>
        </figure>
      ) : (
        <p className="muted">
          {saved
            ? 'Aucun logo : les documents portent seulement le nom de la CPTS.'
            : 'Enregistrez d’abord l’identité de la CPTS, puis choisissez son logo.'}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={!saved || choose.isPending}
          onClick={onChoose}
        >
          {choose.isPending ? 'Enregistrement…' : 'Choisir une image…'}
        </button>
        {logo && (
          <button type="button" className="button button-secondary" onClick={() => remove.ask(logo)}>
            Retirer
          </button>
        )}
      </div>
      {remove.dialog}
    </section>
  );
}
