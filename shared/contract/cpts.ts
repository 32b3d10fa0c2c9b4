/** The CPTS's identity and lifecycle. */
import type { LifecycleStatus } from '../domain/lifecycle';
import { cptsIdentitySchema, cptsLifecycleSchema, type CptsIdentity, type CptsLifecycle } from '../schemas/cpts';
import { channel, noInput } from './common';

export interface CptsProfile {
  identity: CptsIdentity;
  lifecycle: CptsLifecycle;
  status: LifecycleStatus;
  arsName: string | null;
  updatedAt: string | null;
}

/** Channels of the CPTS profile and of the ARS reference list. */
export const cptsChannels = {
  'cpts.get': channel<CptsProfile>()(noInput),
  'cpts.saveIdentity': channel<CptsProfile>()(cptsIdentitySchema),
  'cpts.saveLifecycle': channel<CptsProfile>()(cptsLifecycleSchema),
  'reference.arsRegions': channel<{ code: string; nom: string; arsName: string }[]>()(noInput),
} as const;
