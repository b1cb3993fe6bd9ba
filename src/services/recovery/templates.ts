import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TEMPLATES, type TemplateName } from '../../core/recovery/templates.ts';
import { packagePath } from '../../io/package-files.ts';

const SHIPPED_DIR = packagePath('templates');

/**
 * Where a user's own template overrides live: `REBOUND_TEMPLATES`, else `templates/` in the
 * data folder (`REBOUND_HOME`, or the platform's default).
 */
export function userTemplateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.REBOUND_TEMPLATES) return env.REBOUND_TEMPLATES;
  if (env.REBOUND_HOME) return join(env.REBOUND_HOME, 'templates');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Rebound', 'templates');
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Rebound', 'templates');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'rebound', 'templates');
}

/**
 * The text of a template: the user's override if present, else the shipped plain file, else
 * the core default. Read on every use, so an edit applies at once.
 */
export function loadTemplate(name: TemplateName, env: NodeJS.ProcessEnv = process.env): string {
  for (const dir of [userTemplateDir(env), SHIPPED_DIR]) {
    const file = join(dir, `${name}.txt`);
    if (existsSync(file)) {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        // An unreadable override falls through to the next source.
      }
    }
  }
  return DEFAULT_TEMPLATES[name];
}
