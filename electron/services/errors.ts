import type { ApiErrorCode } from '../../shared/contract';

/** An error the user can act on, with a French message. Services throw it; IPC returns it as is. */
export class UserError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
