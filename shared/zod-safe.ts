/**
 * Zod, with one change: `string()` cleans and checks user text, so that every schema of shared/schemas gets it
 * without asking (import `z` from shared/zod-fr, never from 'zod'):
 * - invisible and bidi control characters are removed and the text composed (shared/text.ts `cleanText`);
 * - characters the PDF font cannot draw (Arabic, Chinese, emoji…) are refused with a French message naming them.
 * Both happen before the schema's own rules (trim, min, max, formats).
 */
import { string as baseString } from 'zod';
import { cleanText, pdfTextProblem } from './text';

export * from 'zod';

export function string(params?: Parameters<typeof baseString>[0]) {
  return baseString(params)
    .overwrite(cleanText)
    .superRefine((value, ctx) => {
      const problem = pdfTextProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}
