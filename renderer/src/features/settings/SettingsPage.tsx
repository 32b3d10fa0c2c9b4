import { errorMessage } from '../../api';
import { useAppInfo } from '../../queries';
import { Loading, Page, QueryError } from '../../components/Page';
import { BackupsSection } from './BackupsSection';
import { RcpSettingSection } from './RcpSettingSection';
import { RulesSection } from '../ag/rules/RulesSection';
import './settings.css';

export function SettingsPage() {
  const info = useAppInfo();
  return (
    <Page title="Paramètres">
      <div className="stack">
        <RulesSection />
        <RcpSettingSection />
        <BackupsSection />
        <section className="card" aria-labelledby="app-info">
          <h2 id="app-info">À propos de cette installation</h2>
          {info.isPending ? (
            <Loading />
          ) : info.isError ? (
            <QueryError message={errorMessage(info.error)} onRetry={() => void info.refetch()} />
          ) : (
            <dl className="definition-list">
              <div>
                <dt>Version de Maillage</dt>
                <dd>{info.data.version}</dd>
              </div>
              <div>
                <dt>Emplacement de la base de données</dt>
                <dd className="path">{info.data.databasePath}</dd>
              </div>
              <div>
                <dt>Dossier des sauvegardes</dt>
                <dd className="path">{info.data.backupsDir}</dd>
              </div>
              <div>
                <dt>Données de référence</dt>
                <dd>{info.data.referenceData}</dd>
              </div>
            </dl>
          )}
          <p className="muted small">
            Toutes vos données sont enregistrées sur cet ordinateur, dans la base de données indiquée ci-dessus.
          </p>
        </section>
      </div>
    </Page>
  );
}
