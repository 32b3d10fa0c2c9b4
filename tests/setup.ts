/**
 * Shared by every vitest file. The screens answer in milliseconds, but on a busy two-core machine (CI, or vitest's
 * own parallel files) a first render can take longer than Testing Library's 1 s default: wait up to 5 s before
 * calling an element missing. A real absence still fails, only later.
 */
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 5_000 });
