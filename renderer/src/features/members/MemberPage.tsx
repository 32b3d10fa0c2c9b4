import { Link, useNavigate, useParams } from 'react-router-dom';
import type { MemberDetail } from '@shared/contract';
import type { MemberData } from '@shared/schemas/members';
import { errorMessage } from '../../api';
import { Loading, Page, QueryError } from '../../components/Page';
import { useToast } from '../../components/Toasts';
import { CotisationsSection } from './CotisationsSection';
import { DepartureSection } from './DepartureSection';
import { MandatesSection } from './MandatesSection';
import { MemberForm } from './MemberForm';
import { PrivacySection } from './PrivacySection';
import { currentYear, statusText } from './labels';
import { useColleges, useCotisationRates, useMember, useMembers, useMembersWrite } from './queries';
import './members.css';

function BackLink() {
  return (
    <p className="back-link">
      <Link to="/adherents">← Liste des adhérents</Link>
    </p>
  );
}

/** /adherents/nouveau */
export function NewMemberPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const colleges = useColleges();
  const members = useMembers();
  const create = useMembersWrite('members.create');

  return (
    <Page title="Nouvel adhérent">
      <BackLink />
      {colleges.isPending ? (
        <Loading />
      ) : (
        <>
          {colleges.isError && (
            <QueryError message={`Les collèges n’ont pas pu être chargés : ${errorMessage(colleges.error)}`} />
          )}
          <MemberForm
            detail={null}
            colleges={colleges.data ?? []}
            structures={members.data ?? []}
            save={(data: MemberData) => create.mutateAsync(data)}
            onCancel={() => navigate('/adherents')}
            onSaved={(saved) => {
              toast.notify({ kind: 'success', message: `${saved.displayName} ajouté·e aux adhérents.` });
              navigate(`/adherents/${saved.id}`, { replace: true });
            }}
            onFailed={(message) =>
              toast.notify({ kind: 'error', message: `L’adhérent n’a pas été enregistré : ${message}` })
            }
          />
        </>
      )}
    </Page>
  );
}

/** /adherents/:id — the form and the member's cotisations, mandates, departure and personal data. */
export function MemberPage() {
  const params = useParams();
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <Page title="Adhérent introuvable">
        <BackLink />
        <QueryError message="Cette adresse ne correspond à aucun adhérent." />
      </Page>
    );
  }
  return <MemberDetailPage key={id} id={id} />;
}

function MemberDetailPage({ id }: { id: number }) {
  const detail = useMember(id);
  const colleges = useColleges();
  const rates = useCotisationRates();

  if (detail.isPending || colleges.isPending) {
    return (
      <Page title="Adhérent">
        <BackLink />
        <Loading />
      </Page>
    );
  }
  if (detail.isError) {
    return (
      <Page title="Adhérent">
        <BackLink />
        <QueryError
          message={errorMessage(detail.error)}
          onRetry={detail.error.code === 'not_found' ? undefined : () => void detail.refetch()}
        />
      </Page>
    );
  }
  return <MemberSections detail={detail.data} colleges={colleges.data ?? []} rates={rates.data ?? []} />;
}

function MemberSections({
  detail,
  colleges,
  rates,
}: {
  detail: MemberDetail;
  colleges: NonNullable<ReturnType<typeof useColleges>['data']>;
  rates: NonNullable<ReturnType<typeof useCotisationRates>['data']>;
}) {
  const navigate = useNavigate();
  const toast = useToast();
  const members = useMembers();
  const update = useMembersWrite('members.update');
  const year = currentYear();
  const upToDate = detail.upToDateYears.includes(year);
  const summary = [detail.professionLabel, detail.data.specialty, detail.communeName, detail.collegeName].filter(
    Boolean,
  );

  return (
    <Page title={detail.displayName}>
      <BackLink />
      <div className="member-summary">
        {summary.length > 0 && <p className="member-summary-line">{summary.join(' · ')}</p>}
        <p className="member-badges">
          <span className={`badge${detail.active ? ' badge-ok' : ' badge-muted'}`}>
            {statusText({ active: detail.active, leftOn: detail.leftOn, erased: Boolean(detail.erasedAt) })}
          </span>{' '}
          <span className={`badge${upToDate ? ' badge-ok' : ' badge-warn'}`}>
            cotisation {year} {upToDate ? 'à jour' : 'non à jour'}
          </span>
          {detail.mandates
            .filter((mandate) => mandate.current)
            .map((mandate) => (
              <span key={mandate.id} className="badge">
                {mandate.roleLabel}
              </span>
            ))}
        </p>
      </div>
      <div className="stack">
        {detail.erasedAt ? (
          <section className="card">
            <p>Les informations personnelles de ce membre ont été effacées ; sa fiche ne peut plus être modifiée.</p>
          </section>
        ) : (
          <MemberForm
            detail={detail}
            colleges={colleges}
            structures={members.data ?? []}
            save={(data) => update.mutateAsync({ id: detail.id, data })}
            onCancel={() => navigate('/adherents')}
            onSaved={(saved) =>
              toast.notify({ kind: 'success', message: `Fiche de ${saved.displayName} enregistrée.` })
            }
            onFailed={(message) =>
              toast.notify({ kind: 'error', message: `La fiche n’a pas été enregistrée : ${message}` })
            }
          />
        )}
        <CotisationsSection detail={detail} rates={rates} />
        <MandatesSection detail={detail} />
        <DepartureSection detail={detail} />
        <PrivacySection detail={detail} />
      </div>
    </Page>
  );
}
