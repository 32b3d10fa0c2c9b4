import { describe, it, expect } from 'vitest';
import {
  ACI_AMOUNTS,
  ACI_MISSION_CODES,
  EVIDENCE_KINDS,
  EVIDENCE_LABELS,
  INDICATOR_DATA_SOURCES,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_TEMPLATES,
  INDICATOR_VALUE_TYPES,
  indicatorTemplate,
  indicatorTemplatesFor,
  ACI_MISSIONS,
  ACI_VERSIONS,
  SIZE_CLASS_TABLES,
  aciMission,
  aciVersion,
  currentAciVersion,
  fonctionnementAmount,
  letterOfIntentAidAmount,
  missionsFor,
  sizeClassFor,
  versionIntroducing,
} from '@shared/domain/aci';

const TAGS = ['V', 'R', 'GK', 'inf'];

describe('ACI versions', () => {
  it('dates the 2019 accord and avenant 2 as the Journal officiel does', () => {
    expect(aciVersion('aci_2019')).toMatchObject({
      signedOn: '2019-06-20',
      publishedOn: '2019-08-24',
      effectiveFrom: '2019-08-25',
    });
    expect(aciVersion('aci_2019').approvedBy).toBe(
      'Arrêté du 21 août 2019 (NOR SSAS1924409A), JORF n°0196 du 24 août 2019',
    );
    expect(aciVersion('avenant_2')).toMatchObject({ signedOn: '2021-12-20', publishedOn: '2022-03-31' });
    expect(aciVersion('avenant_2').approvedBy).toContain('JORFTEXT000045443303');
  });

  it('tells which version is in force on a date', () => {
    expect(currentAciVersion('2019-08-24')).toBeNull();
    expect(currentAciVersion('2019-08-25')?.code).toBe('aci_2019');
    expect(currentAciVersion('2021-12-20')?.code).toBe('aci_2019');
    expect(currentAciVersion('2022-03-31')?.code).toBe('aci_2019');
    expect(currentAciVersion('2022-04-01')?.code).toBe('avenant_2');
    expect(currentAciVersion('2026-12-03')?.code).toBe('avenant_2');
  });

  it('gives a source and a tag to every row of reference data', () => {
    const rows = [...ACI_VERSIONS, ...ACI_MISSIONS, ...ACI_AMOUNTS, ...SIZE_CLASS_TABLES];
    for (const row of rows) {
      expect(TAGS).toContain(row.sourceTag);
      expect(row.source.trim().length).toBeGreaterThan(10);
    }
  });
});

describe('ACI missions', () => {
  it('has no crisis mission in 2019 and makes it the fourth socle mission in avenant 2', () => {
    expect(missionsFor('aci_2019').map((mission) => mission.code)).toEqual([
      'acces',
      'parcours',
      'prevention',
      'qualite',
      'accompagnement',
    ]);
    const amended = missionsFor('avenant_2');
    expect(amended.map((mission) => mission.code)).toEqual([
      'acces',
      'parcours',
      'prevention',
      'crise',
      'qualite',
      'accompagnement',
    ]);
    expect(amended.filter((mission) => mission.category === 'socle').map((mission) => mission.code)).toEqual([
      'acces',
      'parcours',
      'prevention',
      'crise',
    ]);
    expect(aciMission('aci_2019', 'crise')).toBeNull();
    expect(versionIntroducing('crise')?.code).toBe('avenant_2');
    expect(versionIntroducing('acces')?.code).toBe('aci_2019');
  });

  it('sets the start and deployment delays of the socle missions, none for the optional ones', () => {
    const delays = Object.fromEntries(
      missionsFor('avenant_2').map((mission) => [mission.code, [mission.startDelayMonths, mission.deployDelayMonths]]),
    );
    expect(delays).toEqual({
      acces: [6, 18],
      parcours: [12, 24],
      prevention: [12, 24],
      crise: [6, 18],
      qualite: [null, null],
      accompagnement: [null, null],
    });
  });

  it('groups médecin traitant, soins non programmés and télésanté under accès aux soins', () => {
    const acces = aciMission('avenant_2', 'acces')!;
    expect(acces.label).toBe('Amélioration de l’accès aux soins');
    expect(acces.subThemes).toHaveLength(3);
    expect(acces.subThemes[0]).toMatch(/médecin traitant/);
    expect(acces.subThemes[1]).toMatch(/non programmés.*SAS/);
    expect(acces.subThemes[2]).toMatch(/télésanté/);
  });

  it('gives result indicators to every mission but the crisis one', () => {
    const withoutResults = ACI_MISSIONS.filter((mission) => !mission.hasResultIndicators);
    expect(withoutResults.map((mission) => `${mission.versionCode}/${mission.code}`)).toEqual(['avenant_2/crise']);
  });
});

describe('ACI amounts', () => {
  it('pays a taille 3 CPTS 75 000 € a year of fonctionnement, derived from the majorated amount', () => {
    const base = fonctionnementAmount('aci_2019', 3, '2020-06-15');
    expect(base).toMatchObject({ component: 'fonctionnement', amountCents: 7_500_000, sourceTag: 'inf' });
    // The Sénat gives the ends of the range: T1 50 000 €, T4 90 000 €.
    expect(fonctionnementAmount('aci_2019', 1, '2020-06-15')).toMatchObject({ amountCents: 5_000_000, sourceTag: 'V' });
    expect(fonctionnementAmount('aci_2019', 4, '2020-06-15')).toMatchObject({ amountCents: 9_000_000, sourceTag: 'V' });
    expect(fonctionnementAmount('aci_2019', 2, '2020-06-15')?.amountCents).toBe(6_000_000);
  });

  it('raises it to 131 250 € for a CPTS that signed by 31 December 2021, not for one signed in 2023', () => {
    const early = fonctionnementAmount('avenant_2', 3, '2021-12-19')!;
    expect(early).toMatchObject({ component: 'fonctionnement_majore', amountCents: 13_125_000, sourceTag: 'V' });
    expect(early.condition).toBe('Majoration de 75 % pour un contrat signé avant le 31/12/2021');
    expect(fonctionnementAmount('avenant_2', 3, '2021-12-31')?.amountCents).toBe(13_125_000);
    expect(fonctionnementAmount('avenant_2', 3, '2022-01-01')?.amountCents).toBe(7_500_000);
    const late = fonctionnementAmount('avenant_2', 3, '2023-05-10')!;
    expect(late).toMatchObject({ component: 'fonctionnement', amountCents: 7_500_000, condition: null });
    // That the 2019 base still applies after avenant 2 is an inference, even where the 2019 amount was read.
    expect(fonctionnementAmount('avenant_2', 1, '2023-05-10')).toMatchObject({
      amountCents: 5_000_000,
      sourceTag: 'inf',
    });
    expect(fonctionnementAmount('avenant_2', 1, '2020-01-15')?.amountCents).toBe(8_750_000);
    expect(fonctionnementAmount('avenant_2', 2, '2020-01-15')?.amountCents).toBe(10_500_000);
    expect(fonctionnementAmount('avenant_2', 4, '2020-01-15')?.amountCents).toBe(15_750_000);
  });

  it('knows no majoration under the 2019 accord', () => {
    expect(fonctionnementAmount('aci_2019', 3, '2021-12-19')?.component).toBe('fonctionnement');
  });

  it('pays the aid after the lettre d’intention from avenant 2 on', () => {
    expect(letterOfIntentAidAmount('avenant_2', 1)?.amountCents).toBe(1_500_000);
    expect(letterOfIntentAidAmount('avenant_2', 2)?.amountCents).toBe(1_750_000);
    expect(letterOfIntentAidAmount('avenant_2', 3)?.amountCents).toBe(2_500_000);
    expect(letterOfIntentAidAmount('avenant_2', 4)?.amountCents).toBe(3_000_000);
    expect(letterOfIntentAidAmount('aci_2019', 4)).toBeNull();
  });

  it('ships no per-mission amount: the grid is not known nationally', () => {
    expect(new Set(ACI_AMOUNTS.map((row) => row.component))).toEqual(
      new Set(['fonctionnement', 'fonctionnement_majore', 'lettre_intention']),
    );
    for (const row of ACI_AMOUNTS) {
      expect(Object.keys(row)).not.toContain('missionCode');
      expect(Number.isInteger(row.amountCents)).toBe(true);
    }
  });
});

describe('size classes', () => {
  it('are still reached through @shared/domain/aci', () => {
    expect(sizeClassFor(91_000)?.taille).toBe(3);
    expect(sizeClassFor(175_000)?.taille).toBe(4);
    expect(sizeClassFor(0)).toBeNull();
  });
});

describe('indicator library', () => {
  it('offers templates for every mission, each with a unique id and codes of the shared vocabulary', () => {
    for (const code of ACI_MISSION_CODES) expect(indicatorTemplatesFor(code).length).toBeGreaterThan(1);
    expect(new Set(INDICATOR_TEMPLATES.map((template) => template.id)).size).toBe(INDICATOR_TEMPLATES.length);
    for (const template of INDICATOR_TEMPLATES) {
      expect(template.id.startsWith(`${template.missionCode}-`)).toBe(true);
      expect(INDICATOR_KINDS).toContain(template.kind);
      expect(INDICATOR_VALUE_TYPES).toContain(template.valueType);
      expect(INDICATOR_DIRECTIONS).toContain(template.direction);
      expect(INDICATOR_DATA_SOURCES).toContain(template.dataSource);
      expect(template.evidence.length).toBeGreaterThan(0);
      for (const evidence of template.evidence) expect(EVIDENCE_KINDS).toContain(evidence);
      expect(template.sourceTag).toBe('R');
    }
  });

  it('makes « patients en ALD sans médecin traitant » a CPAM figure that must go down', () => {
    expect(indicatorTemplate('acces-ald-sans-mt')).toMatchObject({
      missionCode: 'acces',
      theme: 'Médecin traitant',
      wording: 'Patients en ALD sans médecin traitant',
      kind: 'resultat',
      valueType: 'nombre',
      direction: 'baisse',
      unit: 'patients',
      dataSource: 'cpam',
      evidence: ['donnees_cpam'],
    });
    expect(indicatorTemplate('prevention-depistage-sein')).toMatchObject({ valueType: 'taux', direction: 'hausse' });
    expect(indicatorTemplate('inconnu')).toBeNull();
  });

  it('covers médecin traitant, soins non programmés, lisibilité and télésanté under accès aux soins', () => {
    const themes = new Set(indicatorTemplatesFor('acces').map((template) => template.theme));
    expect(themes).toEqual(new Set(['Médecin traitant', 'Soins non programmés', 'Lisibilité de l’offre', 'Télésanté']));
  });

  it('gives the crisis mission no result indicator, as the contract sets none', () => {
    expect(indicatorTemplatesFor('crise').map((template) => template.kind)).not.toContain('resultat');
  });

  it('carries no amount, and a unit only for counts', () => {
    for (const template of INDICATOR_TEMPLATES) {
      expect(Object.keys(template).some((key) => /amount|cents|montant/i.test(key))).toBe(false);
      expect(`${template.wording} ${template.note ?? ''}`).not.toMatch(/€/);
      if (template.valueType !== 'nombre') expect(template.unit).toBeNull();
    }
  });

  it('names the evidence in French', () => {
    expect(EVIDENCE_LABELS.emargement).toBe('Feuilles d’émargement');
    expect(EVIDENCE_LABELS.donnees_cpam).toBe('Données statistiques CPAM');
    expect(Object.keys(EVIDENCE_LABELS)).toEqual([...EVIDENCE_KINDS]);
  });
});
