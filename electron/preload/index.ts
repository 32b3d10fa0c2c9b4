import { contextBridge, ipcRenderer } from 'electron';
import { channels, IPC_PREFIX, type Api } from '@shared/contract';

// window.api: one function per channel of the contract, nothing else.
const api = Object.fromEntries(
  channels.map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input)]),
) as unknown as Api;

contextBridge.exposeInMainWorld('api', api);
