// `npm run soak`: every section in soak/ (a file default-exporting a SoakSection), long form,
// one after the other, then their figures. `npm run soak -- fuzz` runs the sections named.
// `npm test` runs the same sections in a short form (test/soak.test.ts).
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SoakSection } from '../soak/section.ts';

const dir = resolve(import.meta.dirname, '..', 'soak');

/** Every section in soak/, sorted by file name. */
export async function soakSections(): Promise<SoakSection[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'section.ts' && !f.endsWith('.test.ts'))
    .sort();
  const sections: SoakSection[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as { default?: SoakSection };
    if (mod.default?.run) sections.push(mod.default);
  }
  return sections;
}

async function main() {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const long = !process.argv.includes('--short');
  const sections = (await soakSections()).filter((s) => wanted.length === 0 || wanted.includes(s.name));
  const report: string[] = [];
  let failed = false;
  for (const section of sections) {
    const started = Date.now();
    console.log(`— ${section.name}`);
    try {
      const figures = await section.run({ long, log: (line) => console.log(`  ${line}`) });
      for (const [label, value] of Object.entries(figures))
        report.push(`${section.name}: ${label}: ${value}`);
      report.push(`${section.name}: took ${Math.round((Date.now() - started) / 1000)} s`);
    } catch (error) {
      failed = true;
      report.push(`${section.name}: FAILED: ${(error as Error).message}`);
    }
  }
  console.log(`\nSoak figures (${long ? 'long' : 'short'} form)`);
  for (const line of report) console.log(`  ${line}`);
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
