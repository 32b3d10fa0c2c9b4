import type { ProtocolVersionDetail } from '@shared/contract';
import { DataTable } from '../../components/DataTable';
import { professionLabel } from './ProfessionCombobox';
import {
  filledFields,
  VERSION_FIELDS_AFTER_STEPS,
  VERSION_FIELDS_BEFORE_STEPS,
  type VersionFieldInfo,
} from './versionFields';

type Step = ProtocolVersionDetail['steps'][number];

function TextSections({ fields }: { fields: ReturnType<typeof filledFields> }) {
  return (
    <>
      {fields.map((field) => (
        <section key={field.name} className="protocol-text" aria-labelledby={`contenu-${field.name}`}>
          <h3 id={`contenu-${field.name}`}>{field.label}</h3>
          <p className="protocol-prewrap">{field.text}</p>
        </section>
      ))}
    </>
  );
}

/** The steps of a version as a table: who, what, when, where, with which tool. */
export function StepsTable({ steps }: { steps: readonly Step[] }) {
  return (
    <DataTable
      rows={steps}
      rowKey={(step) => step.id}
      aria-label="Étapes du protocole"
      compact
      scroll
      empty="Aucune étape décrite."
      columns={[
        { header: 'N°', className: 'num', cell: (step) => step.rank },
        {
          header: 'Qui',
          rowHeader: true,
          cell: (step) => step.professionLabel || professionLabel(step.professionCode),
        },
        { header: 'Fait quoi', cell: (step) => <span className="protocol-prewrap">{step.action}</span> },
        { header: 'Quand', cell: (step) => step.timing ?? '—' },
        { header: 'Où', cell: (step) => step.place ?? '—' },
        { header: 'Avec quel outil', cell: (step) => step.tool ?? '—' },
      ]}
    />
  );
}

/**
 * A version's content in the HAS order, only the parts that hold something: situation, need, population, criteria,
 * objectives (and the derogatory acts of a cooperation protocol), the professions and their role, the steps, then
 * critical points, traceability, references and evaluation.
 */
export function VersionContent({ version, cooperation }: { version: ProtocolVersionDetail; cooperation: boolean }) {
  const keep = (fields: readonly VersionFieldInfo[]) =>
    fields.filter((field) => cooperation || !field.cooperationOnly || version[field.name]);
  const before = filledFields(version, keep(VERSION_FIELDS_BEFORE_STEPS));
  const after = filledFields(version, keep(VERSION_FIELDS_AFTER_STEPS));
  const empty =
    before.length === 0 && after.length === 0 && version.professions.length === 0 && version.steps.length === 0;
  if (empty) return <p className="muted">Cette version n’a encore aucun contenu.</p>;
  return (
    <div className="protocol-content">
      <TextSections fields={before} />
      {version.professions.length > 0 && (
        <section className="protocol-text" aria-labelledby="contenu-professions">
          <h3 id="contenu-professions">Professions concernées</h3>
          <ul className="plain-list protocol-professions">
            {version.professions.map((profession) => (
              <li key={profession.professionCode}>
                <strong>{profession.professionLabel || professionLabel(profession.professionCode)}</strong>
                {profession.role && <> : {profession.role}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {version.steps.length > 0 && (
        <section className="protocol-text" aria-labelledby="contenu-etapes">
          <h3 id="contenu-etapes">Étapes</h3>
          <StepsTable steps={version.steps} />
        </section>
      )}
      <TextSections fields={after} />
    </div>
  );
}
