/** The CPTS's identity and lifecycle. */
import type { LifecycleStatus } from '../domain/lifecycle';
import { cptsIdentitySchema, cptsLifecycleSchema, type CptsIdentity, type CptsLifecycle } from '../schemas/cpts';
import { channel, noInput } from './common';

export interface CptsProfile {
  identity: CptsIdentity;
  lifecycle: CptsLifecycle;
  status: LifecycleStatus;
  arsName: string | null;
  /** The logo printed on the yearly documents; `dataUrl` (« data:image/png;base64,… ») is for display. */
  logo: { fileName: string; dataUrl: string } | null;
  updatedAt: string | null;
}

/** Channels of the CPTS profile and of the ARS reference list. */
export const cptsChannels = {
  'cpts.get': channel<CptsProfile>()(noInput),
  'cpts.saveIdentity': channel<CptsProfile>()(cptsIdentitySchema),
  'cpts.saveLifecycle': channel<CptsProfile>()(cptsLifecycleSchema),
  /** Asks for a PNG or JPEG image (10 Mo at most); it replaces the previous logo. */
  'cpts.setLogo': channel<CptsProfile | { cancelled: true }>()(noInput),
  'cpts.removeLogo': channel<CptsProfile>()(noInput),
  'reference.arsRegions': channel<{ code: string; nom: string; arsName: string }[]>()(noInput),
} as const;
