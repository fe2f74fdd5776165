import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(opts: { secret: string; username: string; issuer: string }): string {
  return new TOTP({ issuer: opts.issuer, label: opts.username, secret: Secret.fromBase32(opts.secret), period: PERIOD }).toString();
}

/** Returns the matched time step, or null. The caller refuses a step not greater than the last used one (no replay). */
export function checkTotp(secret: string, token: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(token)) return null;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), period: PERIOD });
  const delta = totp.validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD) + delta;
}

export function currentTotp(secret: string, now = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), period: PERIOD }).generate({ timestamp: now });
}
