import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { FicheDetail } from '@shared/contract';
import { formatDateLong } from '@shared/format';
import { FicheStatusBadge, missionShortLabel } from './labels';

/** The period of the action: « du 14 mai 2024 au 31 décembre 2026 », « depuis le… », « jusqu’au… ». */
function period(startsOn: string | null, endsOn: string | null): string | null {
  if (startsOn && endsOn) return `du ${formatDateLong(startsOn)} au ${formatDateLong(endsOn)}`;
  if (startsOn) return `depuis le ${formatDateLong(startsOn)}`;
  if (endsOn) return `jusqu’au ${formatDateLong(endsOn)}`;
  return null;
}

/** One line of the sheet, left out when it has nothing to say. */
function Row({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The fiche as it reads: identification, links, people, texts, follow-up. */
export function FicheSheet({ detail, actions }: { detail: FicheDetail; actions: ReactNode }) {
  const { data } = detail;
  const porteur = detail.cptsRole === 'porteur' ? null : detail.porteurOrg ? `porteur : ${detail.porteurOrg}` : null;
  return (
    <div className="stack">
      <div className="fiche-summary">
        <FicheStatusBadge status={detail.status} />
        {detail.lastDone && (
          <span>
            {detail.lastDone.label} le {formatDateLong(detail.lastDone.doneOn)}
          </span>
        )}
        {/* A late step is already said by the fiche's warnings. */}
        {detail.nextDue && !detail.nextDue.late && (
          <span className="muted">
            · Prochaine étape : {detail.nextDue.label}, le {formatDateLong(detail.nextDue.dueOn)}
          </span>
        )}
      </div>
      <section className="card" aria-labelledby="fiche-identification-titre">
        <div className="card-header">
          <h2 id="fiche-identification-titre">Identification</h2>
          <div className="page-actions">{actions}</div>
        </div>
        <dl className="fiche-sheet">
          <Row term="Code">{detail.code}</Row>
          <Row term="Axe du projet de santé">{detail.axis}</Row>
          <Row term="Mission de l’ACI">{detail.missionLabel ?? missionShortLabel(detail.missionCode)}</Row>
          <Row term="Partenariat">
            {detail.partnershipLabel && (
              <>
                <Link to="/projet-de-sante/partenariats">{detail.partnershipLabel}</Link>
                {detail.externalRef && ` — ${detail.externalRef}`}
              </>
            )}
          </Row>
          <Row term="Rôle de la CPTS">
            {detail.cptsRoleLabel}
            {porteur && ` (${porteur})`}
          </Row>
          <Row term="Période">{period(data.startsOn, data.endsOn)}</Row>
          <Row term="Pilote">{detail.pilot}</Row>
          <Row term="Référents">
            {detail.referents.length > 0 &&
              detail.referents
                .map((r) => `${r.name}${r.role ? ` (${r.role})` : ''}${r.active ? '' : ' — a quitté la CPTS'}`)
                .join(', ')}
          </Row>
          <Row term="Organisations partenaires">
            {detail.partners.length > 0 &&
              detail.partners.map((p) => `${p.organisation}${p.role ? ` (${p.role})` : ''}`).join(', ')}
          </Row>
          <Row term="Communes">
            {detail.communes.length > 0 ? detail.communes.map((c) => c.name).join(', ') : 'Tout le territoire'}
          </Row>
          <Row term="Public visé">{data.targetPublic}</Row>
        </dl>
      </section>
      <section className="card" aria-labelledby="fiche-contenu-titre">
        <h2 id="fiche-contenu-titre">Contenu de l’action</h2>
        {!data.context &&
        !data.generalObjective &&
        data.operationalObjectives.length === 0 &&
        !data.description &&
        !data.difficulties &&
        !data.nextSteps ? (
          <p className="muted">
            Contexte, objectifs et description ne sont pas encore rédigés : « Modifier la fiche » pour les écrire.
          </p>
        ) : (
          <dl className="fiche-sheet">
            <Row term="Contexte et constat">{data.context}</Row>
            <Row term="Objectif général">{data.generalObjective}</Row>
            <Row term="Objectifs opérationnels">
              {data.operationalObjectives.length > 0 && (
                <ol className="plain-list">
                  {data.operationalObjectives.map((objective) => (
                    <li key={objective}>{objective}</li>
                  ))}
                </ol>
              )}
            </Row>
            <Row term="Description et étapes">{data.description}</Row>
            <Row term="Difficultés rencontrées">{data.difficulties}</Row>
            <Row term="Perspectives">{data.nextSteps}</Row>
          </dl>
        )}
      </section>
    </div>
  );
}
