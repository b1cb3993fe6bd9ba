/**
 * Secrets at rest (an IMAP password or access token): sealed with AES-256-GCM under a key that is
 * never in the database. Locally the key is a file in the data folder, readable by its owner only
 * (0600), created on first use. A hosted deployment can give its own `SecretBox` (a key from its
 * secret manager) behind the same two calls.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReboundError } from '../core/errors.ts';

export interface SecretBox {
  /** Encrypts `plain`, bound to `context` (e.g. the account's id) so a sealed value cannot be moved to another row. */
  seal(plain: string, context: string): string;
  /** Decrypts what `seal` gave for the same context; a wrong key or a changed value is an error. */
  open(sealed: string, context: string): string;
}

/** The name of the key file in the data folder. */
export const SECRET_KEY_FILE = 'rebound-secret.key';
const KEY_BYTES = 32;

/** Reads the key file, creating it (0600, in a 0700 folder when new) on first use. */
export function loadOrCreateKey(file: string): Buffer {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw keyError(file, error);
  }
  if (process.platform !== 'win32') {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new ReboundError(
        'invalid_input',
        `${file} can be read by other users of this computer (mode ${mode.toString(8)}); make it yours alone with: chmod 600 ${file}`,
        [{ path: 'keyFile', message: 'readable by others' }],
      );
    }
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new ReboundError(
      'invalid_input',
      `${file} is not a Rebound key (expected ${KEY_BYTES} bytes in base64); move it away and save the password again`,
      [{ path: 'keyFile', message: 'not a key' }],
    );
  }
  return key;
}

function keyError(file: string, error: unknown): ReboundError {
  return new ReboundError(
    'invalid_input',
    `cannot create the key file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    [{ path: 'keyFile', message: 'cannot create' }],
  );
}

/** Seals with a 32-byte key: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. */
export function keySecretBox(getKey: () => Buffer): SecretBox {
  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed, context) {
      const [version, iv, tag, data] = sealed.split('.');
      try {
        if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not sealed');
        const decipher = createDecipheriv('aes-256-gcm', getKey(), Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch (error) {
        if (error instanceof ReboundError) throw error;
        throw new ReboundError(
          'invalid_input',
          'the saved password cannot be read with this data folder’s key (the key file changed?); enter the password again',
          [{ path: 'password', message: 'cannot be decrypted' }],
        );
      }
    },
  };
}

/** The local secret box: the key file in the data folder, read (or created) when first needed. */
export function keyFileSecretBox(file: string): SecretBox {
  let key: Buffer | undefined;
  return keySecretBox(() => {
    key ??= loadOrCreateKey(file);
    return key;
  });
}
