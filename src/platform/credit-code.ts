/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — 登记管理部门 (1), 机构类别 (1), 行政区划 (6 digits),
 * 主体标识码 = the organisation code of GB 11714 (9, its last character being its own check), and a check
 * character over the first 17. The alphabet has 31 characters: no I, O, S, V or Z.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * The 18th character for the first 17: 31 − (Σ value × weight mod 31), where 31 becomes 0.
 * Throws on input that is not 17 characters of the code alphabet (a programming error, not user input).
 */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error(`credit code body must have 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error(`character ${first17.charAt(i)} is not in the credit code alphabet`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Whether `code` is a well-formed 统一社会信用代码 whose check character matches. Expects normalised input. */
export function isValidCreditCode(code: string): boolean {
  if (!SHAPE.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/** What users type (spaces, lower case, full-width letters and digits) in the canonical form. */
export function normalizeCreditCode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s-]/g, '')
    .toUpperCase();
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * The check character of a 组织机构代码 (GB 11714-1997) over its first 8 characters (digits = 0–9,
 * A–Z = 10–35): 11 − (Σ mod 11), where 10 becomes X and 11 becomes 0. Positions 9–17 of a credit code
 * are such a code; generators use this so demo codes look right to stricter checkers too.
 */
export function organizationCodeCheckChar(first8: string): string {
  if (first8.length !== 8) throw new Error(`organisation code body must have 8 characters, got ${first8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = parseInt(first8.charAt(i), 36);
    if (Number.isNaN(value)) throw new Error(`character ${first8.charAt(i)} is not allowed in an organisation code`);
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
