import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// "cgk_" + 32 random bytes (256 bits) in base64url: readable in logs by its
// prefix, unguessable, and stored only as its SHA-256.
const PREFIX = 'cgk_';

export function generateSecret(prefix = PREFIX): string {
  return prefix + randomBytes(32).toString('base64url');
}

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

/** What lists and logs may show of a secret. */
export const displayPrefix = (secret: string): string => secret.slice(0, PREFIX.length + 6);

/** Constant-time comparison, through the hashes so lengths never differ. */
export const sameSecret = (a: string, b: string): boolean =>
  timingSafeEqual(Buffer.from(hashSecret(a), 'hex'), Buffer.from(hashSecret(b), 'hex'));
