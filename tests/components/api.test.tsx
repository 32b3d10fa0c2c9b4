// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { cptsIdentitySchema } from '@shared/schemas/cpts';
import { ApiCallError, call, createQueryClient, errorMessage, queryKey } from '../../renderer/src/api';
import { identityToForm } from '../../renderer/src/features/cpts/IdentityForm';
import { useCptsWrite } from '../../renderer/src/features/cpts/queries';
import { realApiPerTest } from './real-api';

const real = realApiPerTest();
const install = () => real.install({ appVersion: '0.1.0' });

describe('renderer api', () => {
  it('unwraps a successful answer', async () => {
    await install();
    const hits = await call('communes.search', { query: 'gières', limit: 5 });
    // Gières (Isère) first, the closest match of the reference.
    expect(hits[0]).toMatchObject({ code: '38179', nom: 'Gières' });
    const info = await call('app.info');
    expect(info.version).toBe('0.1.0');
  });

  it('throws an ApiCallError with the code, the French message and the fields', async () => {
    await install();
    const error = await call('cpts.saveIdentity', { name: '', siret: '123' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toBeInstanceOf(Error);
    const apiError = error as ApiCallError;
    expect(apiError.code).toBe('invalid_input');
    expect(apiError.message).toMatch(/^Certaines informations ne sont pas valides/);
    expect(apiError.fields.name).toBe('Le nom de la CPTS est obligatoire (2 caractères au moins).');
    expect(apiError.fields.siret).toMatch(/^Le SIRET doit comporter 14 chiffres/);
  });

  it('turns a broken bridge into a French error', async () => {
    const { api } = await install();
    api['app.info'].mockImplementationOnce(() => Promise.reject(new Error('ipc closed')));
    const error = await call('app.info').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(errorMessage(error)).toMatch(/n'arrive pas à joindre sa base de données/);
    expect(errorMessage(new TypeError('x'))).toMatch(/^Une erreur inattendue est survenue/);
    expect(vi.mocked(api['app.info'])).toHaveBeenCalledTimes(1);
  });
});

describe('cache policy of a write', () => {
  it('stores the fresh answer, invalidates what the write made stale, and spares the rest', async () => {
    await install();
    const client = createQueryClient();
    client.setQueryData(queryKey('cpts.get'), null);
    client.setQueryData(queryKey('members.stats', { year: 2026 }), { stale: 'before' });
    client.setQueryData(queryKey('meetings.list', {}), []);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(() => useCptsWrite('cpts.saveIdentity'), { wrapper });
    const input = cptsIdentitySchema.parse({ ...identityToForm(null), name: 'CPTS du Grésivaudan' });

    const saved = await result.current.mutateAsync(input);

    const state = (key: readonly unknown[]) => client.getQueryState(key);
    // The answer is the fresh profile: stored, and not read again.
    expect(client.getQueryData(queryKey('cpts.get'))).toEqual(saved);
    expect(saved.identity.name).toBe('CPTS du Grésivaudan');
    expect(state(queryKey('cpts.get'))?.isInvalidated).toBe(false);
    // The statistics count the members of the territory: stale.
    expect(state(queryKey('members.stats', { year: 2026 }))?.isInvalidated).toBe(true);
    // The meetings do not depend on the profile.
    expect(state(queryKey('meetings.list', {}))?.isInvalidated).toBe(false);
  });
});
