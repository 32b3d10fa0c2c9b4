import type { Api } from '@shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload (electron/preload): the only way to reach the main process. */
    api: Api;
  }
}

export {};
