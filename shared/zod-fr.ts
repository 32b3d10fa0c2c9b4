import { config } from 'zod';
import fr from 'zod/v4/locales/fr.js';

// French default messages for every schema, on both sides of the IPC boundary.
config(fr());

// Every z.string() of the shared schemas cleans and checks user text (see zod-safe.ts).
export * as z from './zod-safe';
