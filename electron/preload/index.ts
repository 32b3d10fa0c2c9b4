import { contextBridge, ipcRenderer } from 'electron';
// Only the plain list of names: no schema comes into the preload (main validates every input).
import { channelNames, IPC_PREFIX } from '@shared/contract/channels';
import type { Api } from '@shared/contract';

// window.api: one function per channel of the contract, nothing else.
const api = Object.fromEntries(
  channelNames.map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input)]),
) as unknown as Api;

contextBridge.exposeInMainWorld('api', api);
