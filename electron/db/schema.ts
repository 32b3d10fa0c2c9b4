import type { Generated } from 'kysely';

/** Kysely table types. Dates are ISO strings, booleans 0/1, money integer cents. */
export interface CptsTable {
  id: number;
  name: string;
  legal_form: string;
  rna: string | null;
  siren: string | null;
  siret: string | null;
  address_line: string | null;
  postal_code: string | null;
  city: string | null;
  president_name: string | null;
  coordinator_name: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  ars_region_code: string | null;
  cpam: string | null;
  letter_of_intent_submitted_on: string | null;
  letter_of_intent_validated_on: string | null;
  health_project_submitted_on: string | null;
  health_project_validated_on: string | null;
  aci_signed_on: string | null;
  aci_contract_number: string | null;
  aci_anniversary_on: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface TerritoryCommuneTable {
  code_insee: string;
  /** Year of the COG in force when the commune was added. */
  cog_year: number;
  added_at: Generated<string>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<string>;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string | null;
}

export interface DB {
  cpts: CptsTable;
  territory_commune: TerritoryCommuneTable;
  audit_log: AuditLogTable;
}
