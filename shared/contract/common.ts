/** What every slice of the contract builds its channels with. */
import { z } from '../zod-fr';

/** Input of a channel that takes none. */
export const noInput = z.undefined();

/** Id of a meeting (or of any row) in an input. */
export const meetingId = z.number().int().positive();

/** A channel: its zod input schema, and its output type (carried by the type only). */
export const channel =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

export type ExportResult = { saved: true; path: string; pages: number; bytes: number } | { saved: false };
