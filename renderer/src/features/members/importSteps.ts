/** What the steps of the member import share: the options chosen at the preview step, the heading each step focuses. */
import type { RefObject } from 'react';

/** The choices of the preview step (one date for what the file does not date, creating missing collèges). */
export type ImportOptions = { undatedOn: string | null; createColleges: boolean };

/** The heading of the current step, focused when the step opens. */
export type HeadingRef = RefObject<HTMLHeadingElement | null>;
