/**
 * Where Rebound's own files are (data/, templates/, the built web app in dist/web): the folder
 * holding its package.json. Found by walking up from this module, so it is the same whether the
 * code runs from src/ in a checkout, from the build in dist/cli, or from a global npm install.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`Rebound's package.json was not found above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside Rebound's package, e.g. packagePath('data', 'skills', 'vocabulary.json'). */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
