/** The territory: communes searched, added and removed, and what they add up to. */
import { z } from '../zod-fr';
import { channel, noInput } from './common';

export interface CommuneHit {
  code: string;
  nom: string;
  departementCode: string;
  departementNom: string;
  codesPostaux: string[];
  population: number;
  /** « commune » or « arrondissement municipal » */
  kind: 'commune' | 'arrondissement';
  inTerritory: boolean;
}

export interface TerritoryCommune {
  code: string;
  nom: string;
  departementCode: string;
  departementNom: string;
  regionCode: string;
  population: number;
  epciCode: string | null;
  epciNom: string | null;
}

export interface TerritorySummary {
  referenceLabel: string;
  communes: TerritoryCommune[];
  communeCount: number;
  totalPopulation: number;
  sizeClass: { taille: number; label: string; tableVersion: string } | null;
  departements: { code: string; nom: string; communeCount: number; population: number; cpamSuggestion: string }[];
  regions: { code: string; nom: string; arsName: string }[];
  epcis: { code: string; nom: string; communesInTerritory: number; communesTotal: number }[];
  /** French sentences about stored communes that the reference data no longer knows, for instance. */
  warnings: string[];
}

/** Channels of the territory and of the commune search. */
export const territoryChannels = {
  'communes.search': channel<CommuneHit[]>()(
    z.object({
      query: z.string().trim().max(100, 'Recherche trop longue (100 caractères au maximum).'),
      limit: z.number().int().min(1).max(100).default(20),
    }),
  ),
  'territory.get': channel<TerritorySummary>()(noInput),
  'territory.addCommunes': channel<TerritorySummary>()(
    z.object({
      codes: z
        .array(
          z
            .string()
            .trim()
            .regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de commune invalide (5 caractères attendus).'),
        )
        .min(1, 'Choisissez au moins une commune.')
        .max(500, 'Ajoutez 500 communes au plus à la fois.'),
    }),
  ),
  'territory.removeCommune': channel<TerritorySummary>()(
    z.object({
      code: z
        .string()
        .trim()
        .regex(/^(\d{5}|2[AB]\d{3})$/, 'Code INSEE de commune invalide.'),
    }),
  ),
} as const;
