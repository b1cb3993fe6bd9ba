/**
 * Tests that need a program outside Node (a browser, a mail server) ask here first. When the
 * program is missing the test skips, and `npm test` ends with one line per missing program that
 * says what was skipped and how to install it. With REBOUND_REQUIRE_TOOLS=1 (set by `.ci/run`) a
 * missing program fails the test instead, so CI never skips.
 *
 *   describe.skipIf(!hasTool('dovecot'))('mail sync', () => { … });
 *   it('…', (ctx) => { if (registryOffline) skipForTool(ctx, 'npm-registry', 'no answer'); … });
 */
import { accessSync, appendFileSync, constants, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * One JSON line per skip, in test-results/ (or REBOUND_TEST_RESULTS); scripts/test.js empties it
 * before a run and sums it up after.
 */
export function missingToolsLog(): string {
  return join(process.env.REBOUND_TEST_RESULTS ?? join(ROOT, 'test-results'), 'missing-tools.jsonl');
}

export interface Tool {
  /** What a person calls it. */
  label: string;
  /** Where the program is looked for (absent for things that are not a file, like the registry). */
  path?: () => string;
  /** What to do about it, e.g. the one command that installs it. */
  remedy: string;
}

export const TOOLS = {
  chromium: {
    label: 'Chromium',
    path: () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    remedy: 'install it with: apt-get install chromium',
  },
  dovecot: {
    label: 'Dovecot (IMAP server)',
    path: () => process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot',
    remedy: 'install it with: apt-get install dovecot-imapd',
  },
  'npm-registry': {
    label: 'the npm registry',
    remedy: 'run the tests online, or warm the npm cache first with: npm ci',
  },
} satisfies Record<string, Tool>;

export type ToolName = keyof typeof TOOLS;

export interface MissingTool {
  tool: ToolName;
  label: string;
  where: string;
  remedy: string;
  file: string;
}

/** Whether REBOUND_REQUIRE_TOOLS asks for every tool to be present (CI). */
export function toolsRequired(): boolean {
  const value = process.env.REBOUND_REQUIRE_TOOLS ?? '';
  return value !== '' && value !== '0' && value !== 'false';
}

/** The test file that asked, read from the call stack (the helper may be called through others). */
function callingTestFile(): string {
  const stack = new Error().stack ?? '';
  const match = /(?:file:\/\/)?(\/[^\s():]+\.test\.tsx?)/.exec(stack);
  return match ? relative(ROOT, match[1]!) : 'a test file';
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Records a skip for the summary, or throws when tools are required. */
function missing(name: ToolName, where: string): void {
  const tool: Tool = TOOLS[name];
  const file = callingTestFile();
  if (toolsRequired())
    throw new Error(
      `${file} needs ${tool.label} (${where}) and REBOUND_REQUIRE_TOOLS is set; ${tool.remedy}`,
    );
  const entry: MissingTool = { tool: name, label: tool.label, where, remedy: tool.remedy, file };
  mkdirSync(dirname(missingToolsLog()), { recursive: true });
  appendFileSync(missingToolsLog(), `${JSON.stringify(entry)}\n`);
}

/**
 * True when the program is installed. When it is not, records the skip and returns false (the
 * caller skips with `describe.skipIf`), or throws when REBOUND_REQUIRE_TOOLS is set.
 */
export function hasTool(name: ToolName): boolean {
  const tool: Tool = TOOLS[name];
  const path = tool.path?.();
  if (path === undefined || executable(path)) return true;
  missing(name, `not found at ${path}`);
  return false;
}

/** Skips the running test for a tool found missing only while it runs (e.g. the registry is offline). */
export function skipForTool(ctx: { skip: (note?: string) => never }, name: ToolName, why: string): never {
  missing(name, why);
  return ctx.skip(`${TOOLS[name].label}: ${why}`);
}
