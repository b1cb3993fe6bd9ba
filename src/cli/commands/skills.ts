import type { Command } from 'commander';
import { customSkillSchema, gapsQuerySchema } from '../../core/skills/input.ts';
import { parseInput } from '../../core/validation.ts';
import { addCustomSkill, listCustomSkills } from '../../services/skills/custom-skills.ts';
import { extractFromText } from '../../services/skills/extract.ts';
import { otherPaths, skillGaps } from '../../services/skills/gaps.ts';
import { presentCustomSkill, presentJobExtraction } from '../../services/skills/presenters.ts';
import { applicationSkills } from '../../services/skills/tailoring.ts';
import { type CommonFlags, common, printJson, table, withApplication, withWorkspace } from '../io.ts';

import { readInput } from '../read-input.ts';

type Opts = CommonFlags & Record<string, string | string[] | undefined>;

export function registerSkillCommands(program: Command): void {
  const skills = program
    .command('skills')
    .description('the skills in your resume and in the jobs you apply to');

  common(
    skills
      .command('extract')
      .description(
        'list the skills a text mentions (a .txt, .md, .pdf or .docx file, or - for standard input)',
      ),
  )
    .argument('[file]', 'file to read; - or nothing reads standard input')
    .action(async (file: string | undefined, opts: Opts) => {
      const { text } = await readInput(file);
      await withWorkspace(opts, async (ctx) => {
        const shown = presentJobExtraction(await extractFromText(ctx, text));
        if (opts.json) return printJson(shown);
        if (shown.skills.length === 0) return console.log('No known skills found in this text.');
        for (const s of shown.skills) {
          const need = s.required
            ? s.importance === 'required'
              ? 'required'
              : 'part of the job'
            : 'nice to have';
          console.log(`${s.name}  ·  ${s.categoryLabel}  ·  ${need} (${s.reason})`);
          if (s.sentence) console.log(`  "${s.sentence}"`);
        }
      });
    });

  common(
    skills
      .command('gaps')
      .description('skills that keep coming up in applications that did not move forward'),
  )
    .option('--kind <kind>', 'only job or contract applications')
    .option('--limit <n>', 'at most this many', '20')
    .action(async (opts: Opts) => {
      const query = parseInput(gapsQuerySchema, { kind: opts.kind, limit: opts.limit }, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const report = await skillGaps(ctx, query);
        if (opts.json) return printJson(report);
        if (report.gaps.length === 0) {
          return console.log(
            report.considered.withJobDescription === 0
              ? 'No job descriptions saved yet. Add them to your applications and gaps will show here.'
              : 'Nothing stands out yet: no skill keeps coming up in applications that closed.',
          );
        }
        console.log(
          report.resumeVersion === null
            ? `No resume yet, so every skill counts as missing (add yours: rebound resume import FILE). Across ${report.considered.withJobDescription} job descriptions:`
            : `Compared with your resume (${report.resumeVersion}), across ${report.considered.withJobDescription} job descriptions:`,
        );
        console.log(
          table([
            ['SKILL', 'SCORE', 'CLOSED', 'CONTRACT', 'APPLICATIONS'],
            ...report.gaps.map((g) => [
              g.skill,
              String(g.score),
              String(g.closedCount),
              String(g.byKind.contract),
              companiesText(g.applications.map((a) => a.company)),
            ]),
          ]),
        );
        console.log(
          'A gap is only a pointer to what comes up often. Plan one with: rebound plan add SKILL --kind course',
        );
      });
    });

  common(skills.command('match').description('how well your resume fits one application'))
    .argument('<id>', 'application id or its company')
    .action(async (id: string, opts: Opts) =>
      withApplication(opts, id, async (ctx, id) => {
        const r = await applicationSkills(ctx, id);
        if (opts.json) return printJson(r);
        if (!r.hasJobDescription)
          return console.log('This application has no job description yet; add one to see the match.');
        console.log(`Score ${r.score ?? '–'} against ${r.resumeVersion ?? 'no resume yet'}`);
        console.log(`  required, matched: ${r.required.matched.join(', ') || '–'}`);
        console.log(`  required, missing: ${r.required.missing.join(', ') || '–'}`);
        console.log(`  nice to have, missing: ${r.niceToHave.missing.join(', ') || '–'}`);
      }),
    );

  common(skills.command('add').description('add a skill of your own, or aliases to a known skill'))
    .argument('<name>', 'the skill')
    .option('--alias <alias...>', 'other ways it is written')
    .option('--category <category>', 'its kind')
    .action(async (name: string, opts: Opts) => {
      const input = parseInput(
        customSkillSchema,
        { name, aliases: opts.alias, category: opts.category },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const c = presentCustomSkill(await addCustomSkill(ctx, input));
        if (opts.json) return printJson(c);
        console.log(`Saved ${c.name}${c.aliases.length ? ` (also: ${c.aliases.join(', ')})` : ''}.`);
      });
    });

  common(skills.command('custom').description('list your own skills and aliases')).action(
    async (opts: Opts) =>
      withWorkspace(opts, async (ctx) => {
        const items = (await listCustomSkills(ctx)).map(presentCustomSkill);
        if (opts.json) return printJson({ items });
        if (items.length === 0)
          return console.log(
            'No skills of your own yet. Add one with: rebound skills add Gleam --alias gleam-lang',
          );
        console.log(table([['NAME', 'ALIASES'], ...items.map((c) => [c.name, c.aliases.join(', ')])]));
      }),
  );

  common(
    program.command('paths').description('what your skills add up to, and roles you already mostly fit'),
  ).action(async (opts: Opts) =>
    withWorkspace(opts, async (ctx) => {
      const p = await otherPaths(ctx);
      if (opts.json) return printJson(p);
      for (const g of p.transferable) console.log(`${g.label}: ${g.skills.join(', ')}`);
      if (p.transferable.length === 0)
        console.log('Import your resume first: rebound resume import resume.pdf');
      for (const r of p.adjacentRoles)
        console.log(
          `Role: ${r.role} (${r.coverage}% of asked skills; to add: ${r.missing.slice(0, 5).join(', ') || 'nothing'})`,
        );
    }),
  );
}

/** "Acme (2), Lumen": each company once, with how many of the applications were there. */
export function companiesText(companies: string[]): string {
  const counts = new Map<string, number>();
  for (const c of companies) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${c} (${n})` : c)).join(', ');
}
