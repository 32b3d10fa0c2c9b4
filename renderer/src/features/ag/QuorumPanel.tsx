/**
 * The quorum of the assembly as it stands now, readable from the back of the room: present, represented, present
 * or represented over the voting members, what the statuts require, « Quorum atteint » or what is missing, the
 * arithmetic sentence, and one line per collège. Changes are announced politely to screen readers.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { AgState } from '@shared/contract';
import type { Tally } from '@shared/domain/ag';
import { formatNumber } from '@shared/format';

/** 1500 → « 1 500 », 12.5 → « 12,5 » (non-breaking spaces). */
export function formatCount(value: number): string {
  return formatNumber(value);
}

/** French plural: 0 and 1 are singular. */
export const pl = (count: number, singular: string, plural: string) => (count >= 2 ? plural : singular);

/** « 18 h 40 » from an ISO timestamp, in local time. */
export function formatTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getHours()} h ${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The AG page's own summary strip, when it sticks to the top of the window: the panel sticks right under it. */
const STICKY_ABOVE = '.ag-strip';

interface Props {
  state: AgState;
  /** Stays at the top of the window while the page scrolls (check-in). */
  sticky?: boolean;
}

export function QuorumPanel({ state, sticky = false }: Props) {
  const titleId = useId();
  const quorum = state.quorum;
  const rule = quorum.rule;
  const byWeight = rule.weighting === 'weight';
  const withRepresented = rule.counting === 'presents_et_representes';
  const pick = (tally: Tally) => (byWeight ? tally.weight : tally.heads);
  const showBoth = byWeight || state.weighted;
  const other = (tally: Tally) =>
    byWeight
      ? `${formatCount(tally.heads)} ${pl(tally.heads, 'membre', 'membres')}`
      : `${formatCount(tally.weight)} voix`;

  const noQuorum = quorum.required === null;
  let status: string;
  if (quorum.met) status = noQuorum ? 'Aucun quorum requis : l’assemblée peut délibérer' : 'Quorum atteint';
  else if (quorum.missing > 0) {
    status = byWeight
      ? `Il manque ${formatCount(quorum.missing)} voix`
      : `Il manque ${formatCount(quorum.missing)} ${pl(
          quorum.missing,
          withRepresented ? 'membre présent ou représenté' : 'membre présent',
          withRepresented ? 'membres présents ou représentés' : 'membres présents',
        )}`;
  } else status = withRepresented ? 'Aucun membre votant présent ou représenté' : 'Aucun membre votant présent';

  // Announce each change (not the first display): « Quorum atteint. 3 membres présents ou représentés… ».
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef({ sentence: quorum.sentence, met: quorum.met });
  useEffect(() => {
    const before = previous.current;
    if (before.sentence === quorum.sentence) return;
    previous.current = { sentence: quorum.sentence, met: quorum.met };
    const change =
      before.met === quorum.met ? '' : quorum.met ? 'Quorum atteint. ' : 'Attention : le quorum n’est plus atteint. ';
    setAnnouncement(`${change}${quorum.sentence}`);
  }, [quorum.sentence, quorum.met]);

  // Sticky: stays under the page's own sticky strip (if any), and tells the list below how tall it is.
  const ref = useRef<HTMLElement>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const node = ref.current;
    if (!sticky || !node) return;
    const strip = document.querySelector<HTMLElement>(STICKY_ABOVE);
    const update = () => {
      const above =
        strip && getComputedStyle(strip).position === 'sticky' ? Math.round(strip.getBoundingClientRect().height) : 0;
      setTop(above);
      node.parentElement?.style.setProperty('--agl-sticky-top', `${above}px`);
      node.parentElement?.style.setProperty(
        '--agl-panel-height',
        `${Math.round(node.getBoundingClientRect().height)}px`,
      );
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(node);
    if (strip) observer.observe(strip);
    return () => observer.disconnect();
  }, [sticky]);

  const showColleges = quorum.byCollege.length > 1 || state.weighted;
  const unit = byWeight ? ' voix' : '';

  return (
    <section
      ref={ref}
      style={sticky ? { top } : undefined}
      className={`agl-quorum${sticky ? ' agl-quorum-sticky' : ''} ${quorum.met ? 'agl-quorum-met' : 'agl-quorum-missing'}`}
      aria-labelledby={titleId}
      data-testid="quorum-panel"
    >
      <div className="agl-quorum-main">
        <h2 id={titleId} className="visually-hidden">
          Quorum{quorum.round === 2 ? ' (deuxième convocation)' : ''}
        </h2>
        <dl className="agl-quorum-figures">
          <div className="agl-figure">
            <dt>Présents</dt>
            <dd>
              <span className="agl-figure-value">{formatCount(pick(quorum.present))}</span>
              {showBoth && <span className="agl-figure-sub">{other(quorum.present)}</span>}
            </dd>
          </div>
          <div className="agl-figure">
            <dt>Représentés</dt>
            <dd>
              <span className="agl-figure-value">{formatCount(pick(quorum.represented))}</span>
              {showBoth && <span className="agl-figure-sub">{other(quorum.represented)}</span>}
              {!withRepresented && <span className="agl-figure-sub">non comptés pour le quorum</span>}
            </dd>
          </div>
          <div className="agl-figure agl-figure-main">
            <dt>{withRepresented ? 'Présents ou représentés' : 'Comptés pour le quorum'}</dt>
            <dd>
              <span className="agl-figure-value">{formatCount(pick(quorum.reached))}</span>
              <span className="agl-figure-sub">
                sur {formatCount(pick(quorum.voting))}
                {byWeight ? ' voix' : ` ${pl(quorum.voting.heads, 'membre votant', 'membres votants')}`}
              </span>
            </dd>
          </div>
          <div className="agl-figure">
            <dt>Requis</dt>
            <dd>
              <span className="agl-figure-value">
                {quorum.required ? `${formatCount(pick(quorum.required))}${unit}` : '—'}
              </span>
              {!quorum.required && <span className="agl-figure-sub">aucun quorum</span>}
            </dd>
          </div>
        </dl>
        <p className="agl-quorum-status" data-testid="quorum-status">
          <span className="agl-quorum-icon" aria-hidden="true">
            {quorum.met ? '✓' : '!'}
          </span>
          {status}
        </p>
      </div>
      <p className="agl-quorum-sentence">{quorum.sentence}</p>
      {showColleges && (
        <ul className="agl-quorum-colleges" aria-label="Par collège">
          {quorum.byCollege.map((line) => (
            <li key={line.collegeId ?? 'sans'}>
              <span className="agl-college-name">{line.collegeName ?? 'Sans collège'}</span>{' '}
              <span className="agl-college-figures">
                {formatCount(pick(line.present))} {pl(pick(line.present), 'présent', 'présents')}
                {' + '}
                {formatCount(pick(line.represented))} {pl(pick(line.represented), 'représenté', 'représentés')}
                {' sur '}
                {formatCount(pick(line.voting))}
                {byWeight ? ' voix' : ''}
                {state.weighted &&
                  !byWeight &&
                  ` (${formatCount(line.reached.weight)} voix sur ${formatCount(line.voting.weight)})`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {quorum.anomalies.length > 0 && (
        <ul className="agl-quorum-anomalies">
          {quorum.anomalies.map((anomaly) => (
            <li key={anomaly}>{anomaly}</li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </section>
  );
}
