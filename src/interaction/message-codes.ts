import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../platform/crypto.ts';

/** 32 symbols without the look-alikes 0/O and 1/I: 10 of them are 50 random bits, read out over the phone. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ACCESS_CODE_LENGTH = 10;

/** The sender's 查询码: random, shown once, stored only as its SHA-256. */
export function newAccessCode(): string {
  const bytes = randomBytes(ACCESS_CODE_LENGTH);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

export function hashAccessCode(code: string): string {
  return sha256Hex(`message-access:${normaliseAccessCode(code)}`);
}

export function matchesAccessCode(storedHash: string, code: string): boolean {
  const a = Buffer.from(storedHash, 'utf8');
  const b = Buffer.from(hashAccessCode(code), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function normaliseAccessCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').slice(0, 40);
}

/** 留言编号 HD-20261204-0001: the day of receipt and the day's serial (over all centers). */
export function trackingNoOf(day: string, serial: number): string {
  return `${trackingPrefixOf(day)}${String(serial).padStart(4, '0')}`;
}

export function trackingPrefixOf(day: string): string {
  return `HD-${day.replaceAll('-', '')}-`;
}

export function normaliseTrackingNo(s: string): string {
  return s.trim().toUpperCase().replace(/\s/g, '').slice(0, 40);
}

/** 查询码 shown in groups of five, easier to copy down. */
export function formatAccessCode(code: string): string {
  return code.replace(/(.{5})(?=.)/g, '$1 ');
}
