import { describe, it, expect } from 'vitest';
import {
  type CheckResult,
  normaliseIdentifier,
  luhnValid,
  checkRna,
  checkSiren,
  checkSiret,
  checkRpps,
  checkAdeli,
  checkFiness,
  checkInseeCommune,
  checkPostcode,
} from '@shared/domain/identifiers';

/**
 * Independent Luhn reference for the tests, written differently from the implementation on purpose
 * (lookup table of the doubled digits, index from the left with parity of the length). Used only to build or
 * cross-check test data, never to derive an expectation from the function under test.
 */
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
function refLuhnSum(digits: string): number {
  const parity = digits.length % 2;
  let sum = 0;
  [...digits].forEach((c, i) => {
    const d = Number(c);
    sum += i % 2 === parity ? DOUBLED[d]! : d;
  });
  return sum % 10;
}
function refLuhnKey(body: string): string {
  for (let k = 0; k <= 9; k++) if (refLuhnSum(body + k) === 0) return String(k);
  throw new Error('unreachable');
}
function refDigitSum(digits: string): number {
  return [...digits].reduce((s, c) => s + Number(c), 0);
}

function expectOk(result: CheckResult, value: string): void {
  expect(result).toEqual({ ok: true, value });
}
function expectFail(result: CheckResult, ...fragments: string[]): string {
  expect(result.ok).toBe(false);
  const message = result.ok ? '' : result.message;
  for (const f of fragments) expect(message).toContain(f);
  return message;
}

describe('reference Luhn helper (sanity of the test data)', () => {
  it('agrees with hand-computed values', () => {
    // 732829320, from the right: 0 + (2×2=4) + 3 + (9×2=18→9) + 2 + (8×2=16→7) + 2 + (3×2=6) + 7 = 40
    expect(refLuhnSum('732829320')).toBe(0);
    expect(refLuhnSum('79927398713')).toBe(0); // the classic Wikipedia example
    expect(refLuhnSum('73282932000079')).not.toBe(0);
    expect(refLuhnKey('7328293200007')).toBe('4');
  });
});

describe('normaliseIdentifier', () => {
  it('removes spaces, no-break spaces, dots and dashes, trims and uppercases', () => {
    expect(normaliseIdentifier('362 521 879 00034')).toBe('36252187900034');
    expect(normaliseIdentifier('  732.829.320-00074 ')).toBe('73282932000074');
    expect(normaliseIdentifier('732\u00A0829\u202F320\u2009000\u201374')).toBe('73282932000074');
    expect(normaliseIdentifier('w381-012-345')).toBe('W381012345');
    expect(normaliseIdentifier('2a 004')).toBe('2A004');
    expect(normaliseIdentifier('\t10 00 31 98 51 1\n')).toBe('10003198511');
  });

  it('keeps other characters so that checks can report them', () => {
    expect(normaliseIdentifier('732/829')).toBe('732/829');
    expect(normaliseIdentifier('')).toBe('');
    expect(normaliseIdentifier('   ')).toBe('');
  });
});

describe('luhnValid', () => {
  it('accepts valid Luhn numbers', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('732829320')).toBe(true);
    expect(luhnValid('552100554')).toBe(true);
    expect(luhnValid('73282932000074')).toBe(true);
    expect(luhnValid('0')).toBe(true);
  });

  it('rejects wrong keys', () => {
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('732829321')).toBe(false);
    expect(luhnValid('73282932000079')).toBe(false);
  });

  it('rejects anything that is not only digits', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('7328 29320')).toBe(false);
    expect(luhnValid('73282932A')).toBe(false);
  });

  it('matches the reference helper on a range of numbers', () => {
    for (let n = 0; n < 2000; n += 7) {
      const s = String(n * 7919 + 100003);
      expect(luhnValid(s)).toBe(refLuhnSum(s) === 0);
    }
  });
});

describe('checkSiren', () => {
  it('accepts real valid SIREN numbers', () => {
    expectOk(checkSiren('732829320'), '732829320');
    expectOk(checkSiren('552100554'), '552100554');
    expectOk(checkSiren('732 829 320'), '732829320');
    expectOk(checkSiren('552.100.554'), '552100554');
  });

  it('accepts La Poste SIREN 356000000 (which satisfies Luhn)', () => {
    expect(refLuhnSum('356000000')).toBe(0);
    expectOk(checkSiren('356 000 000'), '356000000');
  });

  it('rejects a wrong key with a specific message', () => {
    expect(refLuhnSum('732829321')).not.toBe(0);
    expect(checkSiren('732829321')).toEqual({
      ok: false,
      message: "Le SIREN 732829321 n'est pas valide : la clé de contrôle ne correspond pas. Vérifiez la saisie.",
    });
  });

  it('reports the wrong length with the count typed', () => {
    expect(checkSiren('73282932')).toEqual({ ok: false, message: 'Le SIREN doit comporter 9 chiffres (8 saisis).' });
    expectFail(checkSiren('1'), '(1 saisi)');
    expectFail(checkSiren('73282932000074'), '(14 saisis)', 'SIRET');
  });

  it('reports letters and empty input', () => {
    expectFail(checkSiren('73282932A'), 'que des chiffres', '« A »');
    expectFail(checkSiren('   '), 'vide');
  });
});

describe('checkSiret', () => {
  it('accepts a real valid SIRET, normalised', () => {
    expectOk(checkSiret('73282932000074'), '73282932000074');
    expectOk(checkSiret('732 829 320 00074'), '73282932000074');
    expectOk(checkSiret('732.829.320-00074'), '73282932000074');
    expectOk(checkSiret('732\u00A0829\u00A0320\u00A000074'), '73282932000074');
  });

  it('accepts a SIRET built on another valid SIREN with a computed key', () => {
    const body = '5521005540001';
    const siret = body + refLuhnKey(body);
    expectOk(checkSiret(siret), siret);
  });

  it('rejects a wrong key with the documented message', () => {
    expect(refLuhnSum('12345678901234')).not.toBe(0);
    expect(checkSiret('12345678901234')).toEqual({
      ok: false,
      message: "Le SIRET 12345678901234 n'est pas valide : la clé de contrôle ne correspond pas. Vérifiez la saisie.",
    });
    expectFail(checkSiret('73282932000079'), 'clé de contrôle');
  });

  it('reports the wrong length with the count typed', () => {
    expect(checkSiret('732829320000')).toEqual({
      ok: false,
      message: 'Le SIRET doit comporter 14 chiffres (12 saisis).',
    });
    expectFail(checkSiret('732829320'), '(9 saisis)', 'SIREN');
    expectFail(checkSiret('732829320000740'), '(15 saisis)');
  });

  it('reports letters, with a hint for the letter O typed instead of 0', () => {
    expectFail(checkSiret('7328293200007A'), 'que des chiffres', '« A »');
    expectFail(checkSiret('732829320OOO74'), '« O »', 'chiffre 0');
  });

  it('rejects a Luhn-valid SIRET whose SIREN part is not valid', () => {
    const body = '1234567890000';
    const siret = body + refLuhnKey(body);
    expect(refLuhnSum(siret)).toBe(0);
    expect(refLuhnSum('123456789')).not.toBe(0);
    expectFail(checkSiret(siret), '123456789', 'SIREN');
  });

  it('accepts La Poste establishments whose digit sum is a multiple of 5 even without a Luhn key', () => {
    // 3+5+6 + 4+9+8+3+7 = 45
    expect(refDigitSum('35600000049837')).toBe(45);
    expect(refLuhnSum('35600000049837')).not.toBe(0);
    expectOk(checkSiret('356 000 000 49837'), '35600000049837');
    // 3+5+6 + 1+0 = 15
    expect(refDigitSum('35600000000010')).toBe(15);
    expectOk(checkSiret('35600000000010'), '35600000000010');
  });

  it('rejects La Poste establishments whose digit sum is not a multiple of 5', () => {
    expect(refDigitSum('35600000049838') % 5).toBe(1);
    expectFail(checkSiret('35600000049838'), 'La Poste', 'multiple de 5');
    // A La Poste SIRET with a correct Luhn key but a digit sum that is not a multiple of 5: the La Poste rule,
    // not Luhn, applies, so it is rejected.
    const body = '3560000000001';
    const luhnOnly = body + refLuhnKey(body);
    expect(refLuhnSum(luhnOnly)).toBe(0);
    expect(refDigitSum(luhnOnly) % 5).not.toBe(0);
    expectFail(checkSiret(luhnOnly), 'La Poste');
  });

  it('accepts the La Poste head office 35600000000048 through Luhn (digit sum 26 is not a multiple of 5)', () => {
    expect(refDigitSum('35600000000048')).toBe(26);
    expect(refLuhnSum('35600000000048')).toBe(0);
    expectOk(checkSiret('356 000 000 00048'), '35600000000048');
  });

  it('reports empty input', () => {
    expectFail(checkSiret(''), 'SIRET', 'vide');
  });
});

describe('checkRna', () => {
  it('accepts W followed by 9 characters, normalising case and separators', () => {
    expectOk(checkRna('W381012345'), 'W381012345');
    expectOk(checkRna('w381012345'), 'W381012345');
    expectOk(checkRna(' w 381 012 345 '), 'W381012345');
    expectOk(checkRna('W2A1001234'), 'W2A1001234');
  });

  it('rejects a number that does not start with W', () => {
    expectFail(
      checkRna('381012345'),
      'Le numéro RNA commence par W suivi de 9 caractères (exemple : W381012345).',
      '381012345',
    );
    expectFail(checkRna('X381012345'), 'commence par W');
  });

  it('rejects the wrong length', () => {
    expectFail(checkRna('W38101234'), 'W suivi de 9 caractères', '8 caractères ont été saisis après le W');
    expectFail(checkRna('W3810123456'), '10 caractères ont été saisis');
    expectFail(checkRna('W'), '0 caractère a été saisi');
  });

  it('rejects forbidden characters and empty input', () => {
    expectFail(checkRna('W381/12345'), '« / »');
    expectFail(checkRna(''), 'RNA', 'vide');
  });
});

describe('checkRpps', () => {
  // Constructed numbers: the key is computed by the independent reference helper.
  const validRpps = '1000319851' + refLuhnKey('1000319851');

  it('accepts an 11-digit number with a correct Luhn key', () => {
    expect(validRpps).toBe('10003198511');
    expectOk(checkRpps(validRpps), validRpps);
    expectOk(checkRpps('100 031 985 11'), '10003198511');
    const other = '8100012345' + refLuhnKey('8100012345');
    expectOk(checkRpps(other), other);
  });

  it('rejects a wrong key (10003198513 fails Luhn)', () => {
    expect(refLuhnSum('10003198513')).not.toBe(0);
    expectFail(checkRpps('10003198513'), "Le numéro RPPS n'est pas valide (clé de contrôle incorrecte).");
  });

  it('rejects the wrong length, letters and empty input', () => {
    expectFail(checkRpps('1000319851'), 'Le numéro RPPS doit comporter 11 chiffres', '(10 saisis)');
    expectFail(checkRpps('381234567'), '11 chiffres', 'ADELI');
    expectFail(checkRpps('1000319851A'), 'que des chiffres', '« A »');
    expectFail(checkRpps(''), 'RPPS', 'vide');
  });
});

describe('checkAdeli', () => {
  it('accepts 9 characters: département then 7 digits (shape only)', () => {
    expectOk(checkAdeli('381234567'), '381234567');
    expectOk(checkAdeli('38 12 3456 7'), '381234567');
    expectOk(checkAdeli('2A1234567'), '2A1234567');
    expectOk(checkAdeli('2b1234567'), '2B1234567');
  });

  it('rejects the wrong shape', () => {
    expectFail(checkAdeli('38123456'), '9 caractères', '(8 saisis)');
    expectFail(checkAdeli('10003198511'), '9 caractères', 'RPPS');
    expectFail(checkAdeli('2C1234567'), '« C »');
    expectFail(checkAdeli('3A1234567'), 'département', '2A/2B');
    expectFail(checkAdeli('38123456A'), 'département');
    expectFail(checkAdeli(''), 'ADELI', 'vide');
  });
});

describe('checkFiness', () => {
  it('accepts a real FINESS number (AP-HP legal entity 750712184)', () => {
    expect(refLuhnSum('750712184')).toBe(0);
    expectOk(checkFiness('750712184'), '750712184');
    expectOk(checkFiness('75 071 218 4'), '750712184');
  });

  it('accepts Corsican numbers with the key computed on 2A → 20 and 2B → 21', () => {
    const keyA = refLuhnKey('20000001'); // 2A000001 + key
    const keyB = refLuhnKey('21000001'); // 2B000001 + key
    expect(keyA).toBe('6');
    expect(keyB).toBe('4');
    expectOk(checkFiness('2A0000016'), '2A0000016');
    expectOk(checkFiness('2b0000014'), '2B0000014');
  });

  it('rejects Corsican numbers whose key was computed with the other letter', () => {
    expectFail(checkFiness('2A0000014'), 'clé de contrôle');
    expectFail(checkFiness('2B0000016'), 'clé de contrôle');
  });

  it('rejects a wrong key, the wrong shape and empty input', () => {
    expectFail(checkFiness('750712185'), "Le numéro FINESS 750712185 n'est pas valide", 'clé de contrôle');
    expectFail(checkFiness('75071218'), '9 caractères', '(8 saisis)');
    expectFail(checkFiness('3B0000014'), 'département');
    expectFail(checkFiness('75071218X'), '« X »');
    expectFail(checkFiness(''), 'FINESS', 'vide');
  });
});

describe('checkInseeCommune', () => {
  it('accepts metropolitan, Corsican and overseas codes', () => {
    expectOk(checkInseeCommune('38185'), '38185'); // Grenoble
    expectOk(checkInseeCommune('01001'), '01001');
    expectOk(checkInseeCommune('2A004'), '2A004'); // Ajaccio
    expectOk(checkInseeCommune('2b033'), '2B033'); // Bastia
    expectOk(checkInseeCommune('97411'), '97411'); // Saint-Denis (La Réunion)
    expectOk(checkInseeCommune('97611'), '97611'); // Mamoudzou
  });

  it('rejects invalid départements, with a hint for Corsican postcodes', () => {
    expectFail(checkInseeCommune('20000'), '2A ou 2B', 'code');
    expectFail(checkInseeCommune('00123'), "n'est pas valide");
    expectFail(checkInseeCommune('96001'), "n'est pas valide");
    expectFail(checkInseeCommune('97001'), "n'est pas valide");
    expectFail(checkInseeCommune('98735'), "n'est pas valide");
    expectFail(checkInseeCommune('3A185'), "n'est pas valide");
  });

  it('rejects the wrong length, letters and empty input', () => {
    expectFail(checkInseeCommune('3818'), '5 caractères', '(4 saisis)');
    expectFail(checkInseeCommune('38X85'), '« X »');
    expectFail(checkInseeCommune(''), 'INSEE', 'vide');
  });
});

describe('checkPostcode', () => {
  it('accepts 5 digits', () => {
    expectOk(checkPostcode('38000'), '38000');
    expectOk(checkPostcode(' 20 000 '), '20000');
    expectOk(checkPostcode('97400'), '97400');
  });

  it('rejects the wrong length, letters and empty input', () => {
    expectFail(checkPostcode('3800'), '5 chiffres', '(4 saisis)');
    expectFail(checkPostcode('380000'), '(6 saisis)');
    expectFail(checkPostcode('2A000'), '« A »', 'Corse');
    expectFail(checkPostcode(''), 'code postal', 'vide');
  });
});

describe('messages', () => {
  it('are French sentences ending with a full stop', () => {
    const failures: CheckResult[] = [
      checkRna('X'),
      checkSiren('1'),
      checkSiret('1'),
      checkRpps('1'),
      checkAdeli('1'),
      checkFiness('1'),
      checkInseeCommune('1'),
      checkPostcode('1'),
      checkSiret('73282932000079'),
      checkFiness('750712185'),
    ];
    for (const r of failures) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^[A-ZÀ-Ý].*[.)]$/s);
    }
  });
});
