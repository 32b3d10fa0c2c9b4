import { z } from 'zod';
import fr from 'zod/v4/locales/fr.js';

// French default messages for every schema, on both sides of the IPC boundary.
z.config(fr());

export { z };
