import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The stored format of a sealed secret: `v1:` + base64(iv 12 | tag 16 | ciphertext). */
const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretKeyError extends Error {}

/** WEBHOOK_SECRET_OVERLAP_HOURS' default: a day for receivers to take the new secret. */
export const DEFAULT_SECRET_OVERLAP_MS = 24 * 3_600_000;

/** A 32-byte key from its base64 text (WEBHOOK_SECRET_KEY), or why not. */
export function parseSecretKey(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text.trim()))
    throw new SecretKeyError(
      'WEBHOOK_SECRET_KEY: must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)',
    );
  return Buffer.from(text.trim(), 'base64');
}

export function generateSecretKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * Webhook signing secrets at rest: AES-256-GCM under WEBHOOK_SECRET_KEY, a
 * fresh IV per seal; the tag makes a wrong key fail instead of signing with
 * garbage. Values without the `v1:` prefix are rows from before encryption:
 * read as they are until start-up seals them (sealPlainSecrets).
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new SecretKeyError('the webhook secret key must be 32 bytes');
  }

  static isSealed(stored: string): boolean {
    return stored.startsWith(PREFIX);
  }

  seal(secret: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(stored: string): string {
    if (!SecretBox.isSealed(stored)) return stored;
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretKeyError(
        'a webhook secret cannot be decrypted: WEBHOOK_SECRET_KEY is not the key it was sealed with',
      );
    }
  }
}

/**
 * Seals the secrets still stored in clear (rows from before encryption) in
 * one transaction. A migration cannot do it: migrations must run the same on
 * every install and cannot count on the key being in their environment, so
 * the gateway and the worker do it at start-up, where the key is checked.
 */
export async function sealPlainSecrets(
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>,
  box: SecretBox,
): Promise<number> {
  // A wrong key fails here, at start-up, not at the first delivery.
  const [one] = await query<{ secret: string }>(
    `SELECT secret FROM webhook_endpoints WHERE secret LIKE 'v1:%' LIMIT 1`,
  );
  if (one) box.open(one.secret);
  const rows = await query<{ id: string; secret: string; previous_secret: string | null }>(
    `SELECT id, secret, previous_secret FROM webhook_endpoints
      WHERE secret NOT LIKE 'v1:%' OR previous_secret NOT LIKE 'v1:%' FOR UPDATE`,
  );
  for (const r of rows)
    await query(`UPDATE webhook_endpoints SET secret = $2, previous_secret = $3 WHERE id = $1`, [
      r.id,
      SecretBox.isSealed(r.secret) ? r.secret : box.seal(r.secret),
      r.previous_secret == null || SecretBox.isSealed(r.previous_secret)
        ? r.previous_secret
        : box.seal(r.previous_secret),
    ]);
  return rows.length;
}

/**
 * The key of a start: WEBHOOK_SECRET_KEY, or on an embedded start without one
 * a key kept beside the embedded data (like the admin key), made on the first
 * start, so the secrets it sealed open after a restart.
 */
export function resolveWebhookSecretKey(config: {
  webhookSecretKey: string | undefined;
  embeddedPgDir: string;
}): string {
  if (config.webhookSecretKey) return config.webhookSecretKey;
  const file = path.join(path.dirname(config.embeddedPgDir), 'webhook-secret-key');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, generateSecretKey() + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = fs.readFileSync(file, 'utf8').trim();
  parseSecretKey(key);
  return key;
}
