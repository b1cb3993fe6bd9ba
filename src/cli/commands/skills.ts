import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ReboundError } from '../../core/errors.ts';
import {
  customSkillSchema,
  gapsQuerySchema,
  infoInterviewCreateSchema,
  PLAN_STATUSES,
  planItemCreateSchema,
  planItemUpdateSchema,
  resumeSkillSchema,
  SKILL_LIMITS,
} from '../../core/skills/input.ts';
import { CATEGORY_LABELS } from '../../core/skills/paths.ts';
import { parseInput } from '../../core/validation.ts';
import { addCustomSkill, listCustomSkills } from '../../services/skills/custom-skills.ts';
import { extractFromText, readTextFile } from '../../services/skills/extract.ts';
import { otherPaths, skillGaps } from '../../services/skills/gaps.ts';
import { createInfoInterview, listInfoInterviews } from '../../services/skills/info-interviews.ts';
import {
  type Completion,
  createPlanItem,
  listPlanItems,
  updatePlanItem,
} from '../../services/skills/learning-plan.ts';
import {
  presentCustomSkill,
  presentExtraction,
  presentInfoInterview,
  presentPlanItem,
  presentResume,
  presentResumeVersion,
} from '../../services/skills/presenters.ts';
import {
  currentResume,
  importResumeText,
  listResumeVersions,
  setResumeSkill,
} from '../../services/skills/resume.ts';
import { applicationSkills } from '../../services/skills/tailoring.ts';
import { type CommonFlags, common, printJson, table, withWorkspace } from '../io.ts';

type Opts = CommonFlags & Record<string, string | string[] | undefined>;

async function readStdin(): Promise<Uint8Array> {
  if (process.stdin.isTTY) {
    throw new ReboundError(
      'invalid_input',
      'give a file to read, or pipe text in and use - for standard input',
      [{ path: 'file', message: 'required' }],
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    // Stop early rather than hold an endless stream in memory; the reader names the limit.
    if (size > SKILL_LIMITS.fileBytes + 1) break;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Reads FILE (.txt/.md/.pdf/.docx or plain text) or standard input (`-` or no FILE) into text. */
async function readInput(file: string | undefined): Promise<{ text: string; name: string | null }> {
  if (file === undefined || file === '-')
    return { text: await readTextFile(await readStdin(), 'standard input'), name: null };
  let bytes: Buffer;
  try {
    if (statSync(file).size > SKILL_LIMITS.fileBytes) {
      throw new ReboundError('invalid_input', `"${basename(file)}" is too large: at most 8 MB`, [
        { path: 'file', message: 'too large' },
      ]);
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ReboundError) throw error;
    throw new ReboundError(
      'invalid_input',
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      [{ path: 'file', message: 'cannot read file' }],
    );
  }
  return { text: await readTextFile(bytes, basename(file)), name: basename(file) };
}

function printCompletion(c: Completion): void {
  console.log(
    c.addedToResume
      ? `Added to your resume profile as ${c.resumeVersion}.`
      : `Already on your resume profile (${c.resumeVersion}).`,
  );
  if (c.task) console.log(`New task, due ${c.task.dueOn}: ${c.task.text}.`);
  for (const r of c.rescored) {
    const fmt = (n: number | null) => (n === null ? '–' : String(n));
    console.log(`  ${r.company} — ${r.role}: ${fmt(r.before)} → ${fmt(r.after)}`);
  }
}

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
        const shown = presentExtraction(await extractFromText(ctx, text));
        if (opts.json)
          return printJson({
            skills: shown.skills.map((s) => ({
              name: s.name,
              category: s.category,
              spans: s.spans,
              matched: s.matched,
            })),
          });
        if (shown.skills.length === 0) return console.log('No known skills found in this text.');
        console.log(
          table([
            ['SKILL', 'KIND', 'MENTIONS'],
            ...shown.skills.map((s) => [
              s.name,
              CATEGORY_LABELS[s.category] ?? s.category,
              String(s.spans.length),
            ]),
          ]),
        );
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
          `Compared with ${report.resumeVersion ?? 'no resume yet'}, across ${report.considered.withJobDescription} job descriptions:`,
        );
        console.log(
          table([
            ['SKILL', 'SCORE', 'CLOSED', 'CONTRACT', 'APPLICATIONS'],
            ...report.gaps.map((g) => [
              g.skill,
              String(g.score),
              String(g.closedCount),
              String(g.byKind.contract),
              g.applications.map((a) => a.company).join(', '),
            ]),
          ]),
        );
        console.log(
          'A gap is only a pointer to what comes up often. Plan one with: rebound plan add SKILL --kind course',
        );
      });
    });

  common(skills.command('match').description('how well your resume fits one application'))
    .argument('<id>', 'application id')
    .action(async (id: string, opts: Opts) =>
      withWorkspace(opts, async (ctx) => {
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

  registerResumeCommands(program);
  registerPlanCommands(program);
  registerInfoInterviewCommands(program);
}

function printResume(shown: ReturnType<typeof presentResume>): void {
  if (!shown.version) {
    console.log('No resume yet. Import one with: rebound resume import resume.pdf');
    return;
  }
  console.log(
    `${shown.version}${shown.filename ? ` (from ${shown.filename})` : ''}: ${shown.skills.length} skills`,
  );
  if (shown.skills.length > 0)
    console.log(table([['SKILL', 'LEVEL', 'FROM'], ...shown.skills.map((s) => [s.name, s.level, s.source])]));
}

function registerResumeCommands(program: Command): void {
  const resume = program
    .command('resume')
    .description('your resume profile: skills with levels, kept as versions');

  common(
    resume
      .command('import')
      .description('read a resume (.txt, .md, .pdf, .docx, or - for standard input) as a new version'),
  )
    .argument('<file>', 'the resume file')
    .action(async (file: string, opts: Opts) => {
      const { text, name } = await readInput(file);
      await withWorkspace(opts, async (ctx) => {
        const shown = presentResume(await importResumeText(ctx, text, name));
        if (opts.json) return printJson(shown);
        printResume(shown);
      });
    });

  common(resume.command('add-skill').description('add a skill (or change its level): a new version'))
    .argument('<name>', 'the skill')
    .option('--level <level>', 'beginner | intermediate | advanced | expert', 'intermediate')
    .option('--remove', 'remove it instead')
    .action(async (name: string, opts: Opts) => {
      const input = parseInput(
        resumeSkillSchema,
        { name, level: opts.level, remove: opts.remove ? true : undefined },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const { version, changed } = await setResumeSkill(ctx, input);
        const shown = presentResume(version);
        if (opts.json) return printJson({ ...shown, changed });
        console.log(changed ? `Saved as ${shown.version}.` : `No change; still ${shown.version}.`);
      });
    });

  common(resume.command('show').description('the current resume version and its skills')).action(
    async (opts: Opts) =>
      withWorkspace(opts, async (ctx) => {
        const shown = presentResume(await currentResume(ctx));
        if (opts.json) return printJson(shown);
        printResume(shown);
      }),
  );

  common(resume.command('versions').description('every resume version, newest first')).action(
    async (opts: Opts) =>
      withWorkspace(opts, async (ctx) => {
        const items = (await listResumeVersions(ctx)).map(presentResumeVersion);
        if (opts.json) return printJson({ items });
        if (items.length === 0) return console.log('No resume versions yet.');
        console.log(
          table([
            ['VERSION', 'WHY', 'SKILLS', 'WHEN'],
            ...items.map((v) => [v.label, v.reason, String(v.skillCount), v.createdAt.slice(0, 10)]),
          ]),
        );
      }),
  );
}

function registerPlanCommands(program: Command): void {
  // The weekly split of hours between channels is `rebound time-plan`.
  const plan = program
    .command('plan')
    .alias('learn')
    .description('your learning plan: courses, certifications, projects, workshops');

  common(plan.command('add').description('plan to learn a skill'))
    .argument('<skill>', 'the skill (often one of your gaps)')
    .option('--kind <kind>', 'course | certification | project | workshop', 'course')
    .option('--hours <n>', 'hours you expect it to take')
    .option('--by <date>', 'target date, YYYY-MM-DD')
    .option('--link <url>', 'where to find it')
    .action(async (skill: string, opts: Opts) => {
      const input = parseInput(
        planItemCreateSchema,
        {
          skill,
          kind: opts.kind,
          hours: opts.hours === undefined ? undefined : Number(opts.hours),
          targetOn: opts.by,
          link: opts.link,
        },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const { item } = await createPlanItem(ctx, input);
        if (opts.json) return printJson(presentPlanItem(item));
        console.log(
          `Planned: ${item.skill} (${item.kind}${item.targetOn ? `, by ${item.targetOn}` : ''}), id ${item.id}.`,
        );
      });
    });

  common(plan.command('list').description('the learning plan'))
    .option('--status <status>', PLAN_STATUSES.join(' | '))
    .action(async (opts: Opts) =>
      withWorkspace(opts, async (ctx) => {
        const status =
          opts.status === undefined
            ? undefined
            : parseInput(planItemUpdateSchema, { status: opts.status }, 'arguments').status;
        const items = (await listPlanItems(ctx, status)).map(presentPlanItem);
        if (opts.json) return printJson({ items });
        if (items.length === 0)
          return console.log('Nothing planned yet. See your gaps with: rebound skills gaps');
        console.log(
          table([
            ['ID', 'SKILL', 'KIND', 'BY', 'PROGRESS', 'STATUS'],
            ...items.map((p) => [p.id, p.skill, p.kind, p.targetOn ?? '', `${p.progress}%`, p.status]),
          ]),
        );
      }),
    );

  common(plan.command('progress').description('record progress on a plan item'))
    .argument('<id>', 'plan item id')
    .argument('<percent>', '0 to 100')
    .action(async (id: string, percent: string, opts: Opts) => {
      const input = parseInput(planItemUpdateSchema, { progress: Number(percent) }, 'arguments');
      await withWorkspace(opts, async (ctx) => {
        const { item } = await updatePlanItem(ctx, id, input);
        if (opts.json) return printJson(presentPlanItem(item));
        console.log(`${item.skill}: ${item.progress}%.`);
      });
    });

  common(
    plan
      .command('done')
      .description('mark a plan item done: adds the skill to your resume and re-scores open applications'),
  )
    .argument('<id>', 'plan item id')
    .action(async (id: string, opts: Opts) =>
      withWorkspace(opts, async (ctx) => {
        const { item, completion } = await updatePlanItem(ctx, id, { status: 'done' });
        if (opts.json) return printJson({ ...presentPlanItem(item), completion });
        console.log(`Well done: ${item.skill} is finished.`);
        if (completion) printCompletion(completion);
      }),
    );
}

function registerInfoInterviewCommands(program: Command): void {
  const info = program
    .command('info-interview')
    .description('informational interviews: conversations to learn about a role or company');

  common(info.command('add').description('record an informational interview'))
    .option('--with <name>', 'who you spoke with')
    .option('--contact <id>', 'or one of your contacts, by id')
    .requiredOption('--on <date>', 'YYYY-MM-DD')
    .option('--company <company>', 'their company')
    .option('--role <role>', 'their role')
    .option('--learned <text>', 'what you learned')
    .option('--follow-ups <text>', 'what to do next')
    .action(async (opts: Opts) => {
      const input = parseInput(
        infoInterviewCreateSchema,
        {
          contactName: opts.with,
          contactId: opts.contact,
          heldOn: opts.on,
          company: opts.company,
          role: opts.role,
          learned: opts.learned,
          followUps: opts.followUps,
        },
        'arguments',
      );
      await withWorkspace(opts, async (ctx) => {
        const shown = presentInfoInterview(await createInfoInterview(ctx, input));
        if (opts.json) return printJson(shown);
        console.log(
          `Saved your conversation with ${shown.contactName ?? 'your contact'} on ${shown.heldOn} (id ${shown.id}).`,
        );
      });
    });

  common(info.command('list').description('informational interviews, newest first')).action(
    async (opts: Opts) =>
      withWorkspace(opts, async (ctx) => {
        const items = (await listInfoInterviews(ctx)).map(presentInfoInterview);
        if (opts.json) return printJson({ items });
        if (items.length === 0)
          return console.log(
            'None yet. Record one with: rebound info-interview add --with "Sam" --on 2026-11-20',
          );
        console.log(
          table([
            ['ID', 'ON', 'WITH', 'COMPANY', 'FOLLOW-UPS'],
            ...items.map((i) => [i.id, i.heldOn, i.contactName ?? '', i.company ?? '', i.followUps ?? '']),
          ]),
        );
      }),
  );
}
