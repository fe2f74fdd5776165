/**
 * 统一交易标识码 (reference/procurement-integrity.md §4.3): the platform's 18-character 统一社会信用代码,
 * the date yyyyMMdd, a 6-digit serial of the day and one ISO 7064 MOD 37-2 check character — 33 in all.
 * The reference implementation also folds an industry type into the check; we have none, so the check
 * covers the 32 characters of the code itself.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';

export function dealCodeCheckChar(body: string): string {
  let p = 0;
  for (const ch of body) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`invalid character ${ch} in deal code`);
    p = ((p + v) * 2) % 37;
  }
  return ALPHABET[(38 - p) % 37] as string;
}

export function makeDealCode(creditCode: string, day: string, serial: number): string {
  const body = `${creditCode}${day.replaceAll('-', '')}${String(serial).padStart(6, '0')}`;
  return body + dealCodeCheckChar(body);
}

export function isValidDealCode(code: string): boolean {
  if (!/^[0-9A-Z]{18}\d{14}[0-9A-Z*]$/.test(code)) return false;
  return dealCodeCheckChar(code.slice(0, 32)) === code.slice(32);
}

/** USCC-yyyyMMdd-NNNNNN-C, as published. */
export function formatDealCode(code: string): string {
  return code.length === 33 ? `${code.slice(0, 18)}-${code.slice(18, 26)}-${code.slice(26, 32)}-${code.slice(32)}` : code;
}
