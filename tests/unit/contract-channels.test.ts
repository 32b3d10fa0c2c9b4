import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { channels, contract, IPC_PREFIX } from '@shared/contract';
import { channelNames, IPC_PREFIX as PLAIN_PREFIX } from '@shared/contract/channels';

const root = resolve(import.meta.dirname, '../..');

describe('plain list of channel names', () => {
  it('names exactly the channels of the contract, each once', () => {
    const plain = [...channelNames].sort();
    expect(new Set(plain).size).toBe(plain.length);
    expect(plain).toEqual([...channels].sort());
    for (const name of channelNames) expect(Object.hasOwn(contract, name)).toBe(true);
    for (const name of Object.keys(contract)) expect(channelNames).toContain(name);
    expect(PLAIN_PREFIX).toBe(IPC_PREFIX);
  });

  it('keeps the schemas and their validation library out of the bundled preload', async () => {
    const result = await build({
      entryPoints: [resolve(root, 'electron/preload/index.ts')],
      absWorkingDir: root,
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      logLevel: 'error',
      metafile: true,
    });
    const code = result.outputFiles[0]!.text;
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('node_modules/zod'))).toBe(false);
    expect(inputs.filter((input) => input.startsWith('shared/'))).toEqual(['shared/contract/channels.ts']);
    expect(code).not.toMatch(/zod|ZodError/i);
    // Every channel is still exposed by name.
    for (const name of channelNames) expect(code).toContain(JSON.stringify(name));
    expect(code.length).toBeLessThan(10_000);
  });
});
