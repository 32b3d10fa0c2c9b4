// @vitest-environment jsdom
import { describe, it, expect, vi } from 'vitest';
import { ApiCallError, call, errorMessage } from '../../renderer/src/api';
import { installFakeApi } from './fake-api';

describe('renderer api', () => {
  it('unwraps a successful answer', async () => {
    installFakeApi();
    const hits = await call('communes.search', { query: 'gières', limit: 5 });
    expect(hits.map((h) => h.code)).toEqual(['38169']);
    const info = await call('app.info');
    expect(info.version).toBe('0.1.0');
  });

  it('throws an ApiCallError with the code, the French message and the fields', async () => {
    installFakeApi();
    const error = await call('cpts.saveIdentity', { name: '', siret: '123' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toBeInstanceOf(Error);
    const apiError = error as ApiCallError;
    expect(apiError.code).toBe('invalid_input');
    expect(apiError.message).toBe('Certaines informations ne sont pas valides.');
    expect(apiError.fields.name).toBe('Le nom de la CPTS est obligatoire (2 caractères au moins).');
    expect(apiError.fields.siret).toMatch(/^Le SIRET doit comporter 14 chiffres/);
  });

  it('turns a broken bridge into a French error', async () => {
    const { api } = installFakeApi();
    api['app.info'].mockImplementationOnce(() => Promise.reject(new Error('ipc closed')));
    const error = await call('app.info').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(errorMessage(error)).toMatch(/n'arrive pas à joindre sa base de données/);
    expect(errorMessage(new TypeError('x'))).toMatch(/^Une erreur inattendue est survenue/);
    expect(vi.mocked(api['app.info'])).toHaveBeenCalledTimes(1);
  });
});
