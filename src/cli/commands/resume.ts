import type { Command } from 'commander';
import { resumeSkillSchema } from '../../core/skills/input.ts';
import { parseInput } from '../../core/validation.ts';
import { presentResume, presentResumeVersion } from '../../services/skills/presenters.ts';
import {
  currentResume,
  importResumeText,
  listResumeVersions,
  setResumeSkill,
} from '../../services/skills/resume.ts';
import { type CommonFlags, common, printJson, table, withWorkspace } from '../io.ts';

import { readInput } from '../read-input.ts';

type Opts = CommonFlags & Record<string, string | string[] | undefined>;

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

/** `rebound resume`: import a resume, add skills, and see its versions. */
export function registerResumeCommands(program: Command): void {
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
