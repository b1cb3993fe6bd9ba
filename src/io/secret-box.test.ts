import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileSecretBox, loadOrCreateKey } from './secret-box.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-box-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('sealed secrets', () => {
  it('creates the key on first use, readable by its owner only, and opens what it sealed', () => {
    const file = join(tempDir(), 'data', 'rebound-secret.key');
    const box = keyFileSecretBox(file);
    const sealed = box.seal('app-password', 'account-1');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('app-password');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keyFileSecretBox(file).open(sealed, 'account-1')).toBe('app-password');
    // Sealing twice gives different text (a fresh IV each time).
    expect(box.seal('app-password', 'account-1')).not.toBe(sealed);
  });

  it('refuses a value moved to another account, changed, or read with another key', () => {
    const box = keyFileSecretBox(join(tempDir(), 'k'));
    const sealed = box.seal('app-password', 'account-1');
    expect(() => box.open(sealed, 'account-2')).toThrow(/cannot be read/);
    const [v, iv, tag, data] = sealed.split('.');
    // One character of the sealed data changed (to one it is not, so the change is real every run).
    const changed = `${data!.startsWith('A') ? 'B' : 'A'}${data!.slice(1)}`;
    expect(() => box.open([v, iv, tag, changed].join('.'), 'account-1')).toThrow(/cannot be read/);
    expect(() => keyFileSecretBox(join(tempDir(), 'k')).open(sealed, 'account-1')).toThrow(/cannot be read/);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a key file others can read, and one that is not a key',
    () => {
      const file = join(tempDir(), 'k');
      loadOrCreateKey(file);
      chmodSync(file, 0o644);
      expect(() => loadOrCreateKey(file)).toThrow(`chmod 600 ${file}`);
      const bad = join(tempDir(), 'bad');
      writeFileSync(bad, 'short\n', { mode: 0o600 });
      expect(() => loadOrCreateKey(bad)).toThrow('is not a Rebound key');
      expect(readFileSync(bad, 'utf8')).toBe('short\n');
    },
  );
});
