import smCrypto from 'sm-crypto';
import { canonicalJson } from '../platform/crypto.ts';

const { sm2 } = smCrypto;
const SM2_OPTS = { der: true, hash: true } as const;

/** What an agent signs: the canonical JSON (sorted keys, no whitespace) of the submission without `signature`. */
export function signedMessageOf(body: Record<string, unknown>): string {
  const { signature: _omit, ...rest } = body;
  return canonicalJson(rest);
}

/** Verifies an SM2 signature (DER, SM3 with the signer's Z value) against a registered public key. Never throws. */
export function verifySm2(message: string, signatureHex: string, publicKeyHex: string): boolean {
  try {
    return sm2.doVerifySignature(message, signatureHex, publicKeyHex, SM2_OPTS);
  } catch {
    return false;
  }
}

/** Signing, for demo data and tests: agents sign with their CA lock in real life. */
export function signSm2(message: string, privateKeyHex: string): string {
  return sm2.doSignature(message, privateKeyHex, SM2_OPTS);
}

export function generateSm2KeyPair(): { publicKey: string; privateKey: string } {
  const k = sm2.generateKeyPairHex();
  return { publicKey: k.publicKey, privateKey: k.privateKey };
}

/** An uncompressed SM2 public key in hex: 04 followed by 128 hex digits. */
export function isSm2PublicKey(hex: string): boolean {
  return /^04[0-9a-fA-F]{128}$/.test(hex);
}
