import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode, organizationCodeCheckChar } from '../../src/platform/credit-code.ts';

/** Published codes of well-known companies (business licences and annual reports). */
const REAL_CODES = [
  '914403001922038216', // 华为技术有限公司
  '91110000710925462X', // 中国石油天然气股份有限公司
  '9144030071526726XG', // 腾讯科技（深圳）有限公司
  '91520000214434146R', // 贵州茅台酒股份有限公司
  '91440300192317458F', // 比亚迪股份有限公司
  '911100001000044477', // 中国建设银行股份有限公司
  '91100000100003962T', // 中国工商银行股份有限公司
];

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const body17 = fc
  .tuple(fc.constantFrom(...'159'), fc.constantFrom(...'123'), fc.stringMatching(/^\d{6}$/), fc.array(fc.constantFrom(...ALPHABET), { minLength: 9, maxLength: 9 }))
  .map(([a, b, region, rest]) => `${a}${b}${region}${rest.join('')}`);

describe('creditCodeCheckChar (GB 32100-2015)', () => {
  it('reproduces the check character of real published codes', () => {
    for (const code of REAL_CODES) expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('maps a remainder of 0 to the check character 0 (31 − 0 = 31 → 0)', () => {
    // 911100001000044477 has check 7; find a body whose weighted sum is a multiple of 31 by varying one digit.
    const found = Array.from({ length: 31 }, (_, i) => `9111000010000444${ALPHABET.charAt(i)}`).find((b) => creditCodeCheckChar(b) === '0');
    expect(found).toBeDefined();
  });

  it('throws on a body of the wrong length or with a letter outside the alphabet', () => {
    expect(() => creditCodeCheckChar('91110000')).toThrow();
    expect(() => creditCodeCheckChar('9111000010000044I')).toThrow();
  });
});

describe('isValidCreditCode', () => {
  it('accepts real codes', () => {
    for (const code of REAL_CODES) expect(isValidCreditCode(code)).toBe(true);
  });

  it('rejects 91110000100000589B, whose check character should be A', () => {
    expect(creditCodeCheckChar('91110000100000589')).toBe('A');
    expect(isValidCreditCode('91110000100000589B')).toBe(false);
  });

  it('rejects a code with any one character changed', () => {
    const code = '914403001922038216';
    for (let i = 0; i < 18; i++) {
      for (const c of ALPHABET) {
        if (c === code.charAt(i)) continue;
        const changed = `${code.slice(0, i)}${c}${code.slice(i + 1)}`;
        expect(isValidCreditCode(changed), changed).toBe(false);
      }
    }
  });

  it('rejects the wrong length, lower case, the letters I O S V Z, and letters in the region part', () => {
    expect(isValidCreditCode('91440300192203821')).toBe(false);
    expect(isValidCreditCode('9144030019220382160')).toBe(false);
    expect(isValidCreditCode('9144030071526726xg')).toBe(false);
    expect(isValidCreditCode('91440300I92203821O')).toBe(false);
    expect(isValidCreditCode('9144A3001922038216')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });

  it('accepts every body completed with its check character, and rejects every other check character', () => {
    fc.assert(
      fc.property(body17, (body) => {
        const check = creditCodeCheckChar(body);
        expect(isValidCreditCode(`${body}${check}`)).toBe(true);
        for (const c of ALPHABET) if (c !== check) expect(isValidCreditCode(`${body}${c}`)).toBe(false);
      }),
    );
  });
});

describe('normalizeCreditCode', () => {
  it('removes spaces and dashes, upper-cases, and folds full-width characters', () => {
    expect(normalizeCreditCode(' 9144 0300 7152 6726xg ')).toBe('9144030071526726XG');
    expect(normalizeCreditCode('９１４４０３００１９２２０３８２１６')).toBe('914403001922038216');
    expect(isValidCreditCode(normalizeCreditCode('91110000-710925462x'))).toBe(true);
  });
});

describe('organizationCodeCheckChar (GB 11714)', () => {
  it('reproduces the organisation-code check of real credit codes (positions 9–17)', () => {
    for (const code of REAL_CODES) expect(organizationCodeCheckChar(code.slice(8, 16))).toBe(code.charAt(16));
  });

  it('uses X for a remainder giving 10 and 0 for 11', () => {
    expect(organizationCodeCheckChar('71526726')).toBe('X');
    const zero = Array.from({ length: 10 }, (_, i) => `1000000${i}`).find((b) => organizationCodeCheckChar(b) === '0');
    expect(zero).toBeDefined();
  });
});
