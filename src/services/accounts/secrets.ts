import { createHash, randomBytes } from 'node:crypto';

/** A new secret for a cookie, token or link: 32 random bytes, URL-safe, with a readable prefix. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What is stored instead of a secret: its SHA-256 (the secrets are random, so no salt is needed). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** argon2id with the library's defaults (memory-hard; runs on libuv's thread pool, not the request thread). */
export async function hashPassword(password: string): Promise<string> {
  const { hash } = await import('@node-rs/argon2');
  // 2 = Algorithm.Argon2id (a const enum, so named by its value here).
  return hash(password, { algorithm: 2 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const { verify } = await import('@node-rs/argon2');
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A real hash of nothing, verified when no account matches, so a wrong e-mail costs the same time as a wrong password. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}
