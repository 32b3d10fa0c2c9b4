import { useId, useState } from 'react';
import {
  type AciMissionCode,
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_VALUE_TYPE_LABELS,
  type IndicatorTemplate,
  indicatorTemplatesFor,
} from '@shared/domain/aci';

/** Lower-case, without accents: « Médecin » matches « medecin ». */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The indicator wording seen in signed contracts for one mission, to start a new indicator from: a filter, then
 * one button per template (grouped by sub-theme). Picking one prefills the form; nothing is saved yet.
 */
export function TemplatePicker({
  missionCode,
  pickedId,
  onPick,
}: {
  missionCode: AciMissionCode;
  pickedId: string | null;
  onPick: (template: IndicatorTemplate) => void;
}) {
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const templates = indicatorTemplatesFor(missionCode).filter((template) =>
    folded(`${template.theme ?? ''} ${template.wording}`).includes(folded(filter.trim())),
  );
  const themes = [...new Set(templates.map((template) => template.theme ?? ''))];
  return (
    <div className="template-picker">
      <div className="field">
        <label htmlFor={filterId}>Chercher dans la bibliothèque d’indicateurs</label>
        <input
          id={filterId}
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="ex. médecin traitant, dépistage…"
        />
      </div>
      <div className="template-list" role="group" aria-label="Modèles d’indicateurs">
        {templates.length === 0 ? (
          <p className="muted small">Aucun modèle ne correspond : saisissez l’indicateur vous-même ci-dessous.</p>
        ) : (
          themes.map((theme) => (
            <div key={theme}>
              {theme && <h4 className="small muted">{theme}</h4>}
              {templates
                .filter((template) => (template.theme ?? '') === theme)
                .map((template) => (
                  <button
                    key={template.id}
                    type="button"
                    className="template-option"
                    aria-pressed={pickedId === template.id}
                    onClick={() => onPick(template)}
                  >
                    {template.wording}
                    <span className="cell-sub template-meta">
                      {INDICATOR_VALUE_TYPE_LABELS[template.valueType]} ·{' '}
                      {INDICATOR_DIRECTION_LABELS[template.direction].toLowerCase()}
                    </span>
                  </button>
                ))}
            </div>
          ))
        )}
      </div>
    </div>
  );
}
