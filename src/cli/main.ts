import { Command, CommanderError } from 'commander';
import { reportError } from './io.ts';

type Register = (program: Command) => void;

/**
 * One feature's commands. The module is imported only when one of its commands runs, so
 * `rebound --help` loads none of them; `commands` gives the line `rebound --help` shows for each
 * command the module adds (a test checks these match what the module registers).
 */
export interface CommandModule {
  commands: Record<string, string>;
  /** Commands added by an earlier module that this one extends with options, actions or checks. */
  extends?: string[];
  load: () => Promise<Register>;
}

/** In the order `rebound --help` lists them; a module that extends another comes after it. */
export const COMMAND_MODULES: CommandModule[] = [
  {
    commands: { serve: 'run the web app and API' },
    load: async () => (await import('./commands/serve.ts')).registerServeCommand,
  },
  {
    commands: { mcp: 'serve your tracker to an AI agent over MCP (stdio), e.g. a desktop assistant' },
    load: async () => (await import('./commands/mcp.ts')).registerMcpCommand,
  },
  {
    commands: {
      ai: 'your own OpenAI-compatible model (off until set): endpoint, key, the log of calls',
      draft: 'drafts to send; --ai rewrites one in your voice with your own model',
    },
    load: async () => (await import('./commands/ai.ts')).registerAiCommands,
  },
  {
    commands: {
      add: 'add an application',
      move: 'move an application to a stage (moving back keeps how far it got)',
      reject: 'mark an application rejected by the employer (how far it got is kept)',
      withdraw: 'mark an application withdrawn (your own step away)',
      decline: 'decline an offer',
      ghosted: 'confirm that the employer never replied',
      reopen: 'reopen a closed application (they came back!)',
      undo: 'undo the latest stage move or outcome',
      note: 'add a note to the history (change one: rebound note edit|delete)',
      reply: 'record that the employer replied',
      round: 'record an interview round (edit or delete one: rebound round edit|delete)',
      sample: 'load sample applications to look around, or remove them',
      show: 'show one application and its history',
      list: 'list applications',
    },
    load: async () => (await import('./commands/applications.ts')).registerApplicationCommands,
  },
  {
    commands: {
      skills: 'the skills in your resume and in the jobs you apply to',
      paths: 'what your skills add up to, and roles you already mostly fit',
    },
    load: async () => (await import('./commands/skills.ts')).registerSkillCommands,
  },
  {
    commands: { resume: 'your resume profile: skills with levels, kept as versions' },
    load: async () => (await import('./commands/resume.ts')).registerResumeCommands,
  },
  {
    commands: { plan: 'your learning plan: courses, certifications, projects, workshops' },
    load: async () => (await import('./commands/learning-plan.ts')).registerPlanCommands,
  },
  {
    commands: {
      'info-interview': 'informational interviews: conversations to learn about a role or company',
    },
    load: async () => (await import('./commands/info-interviews.ts')).registerInfoInterviewCommands,
  },
  {
    commands: {
      export: 'write a versioned JSON backup of everything (to stdout without --out)',
      import:
        'import a file, recognised by its content: a Rebound backup, a tracker export or spreadsheet (.csv/.xlsx), or e-mail (.eml/.mbox)',
    },
    load: async () => (await import('./commands/backup.ts')).registerBackupCommands,
  },
  {
    commands: { mail: 'read job e-mails: record rejections, interviews and offers on their applications' },
    extends: ['export', 'import'],
    load: async () => (await import('./commands/imports.ts')).registerImportCommands,
  },
  {
    // `rebound mail sync` and `rebound mail account`: IMAP sync (issue 14).
    commands: {},
    extends: ['mail'],
    load: async () => (await import('./commands/mail-sync.ts')).registerMailSyncCommands,
  },
  {
    commands: {
      insights: 'your funnel, where rejections happen, and what the numbers suggest',
      channels: 'this week’s time per channel against your plan, and next week’s suggestion',
      'time-plan': 'set your weekly split of hours between channels (rebound channels shows it)',
      log: 'log time spent on a channel, e.g. rebound log 45m networking',
      review: 'the weekly review, as Markdown',
    },
    load: async () => (await import('./commands/insights.ts')).registerInsightsCommands,
  },
  {
    commands: {
      goals: 'weekly goals about actions, with this week’s progress',
      win: 'write down a win of your own',
      wins: 'small wins: replies, interviews, goals met and your own (default: last 30 days)',
      journal: 'write a journal entry (with --mood) or read recent ones',
      wellbeing: 'how heavy the search has been lately, planned breaks and your routine',
      break: 'plan a break from the search',
      routine: 'write down what you do outside the search',
    },
    load: async () => (await import('./commands/goals.ts')).registerGoalCommands,
  },
  {
    commands: {
      week: 'your weekly plan: steps with a when, where, what and how long (this week’s by default)',
    },
    load: async () => (await import('./commands/week.ts')).registerWeekCommands,
  },
  {
    commands: {
      feedback: 'the feedback request after a rejection: draft, sent, answered',
      postmortem: 'look back on an application; weak steps become action items',
    },
    extends: ['reject'],
    load: async () => (await import('./commands/recovery.ts')).registerRecoveryCommands,
  },
  {
    commands: { write: 'write after a no: start or continue today’s private session about a rejection' },
    load: async () => (await import('./commands/writing.ts')).registerWritingCommands,
  },
  {
    commands: { contacts: 'people met along the way, and keeping in touch with them' },
    load: async () => (await import('./commands/contacts.ts')).registerContactCommands,
  },
  {
    commands: {
      referrals: 'people you know at the companies you apply to, and referral asks',
      'response-times': 'how long employers took to answer you, and your notice rule',
    },
    extends: ['import'],
    load: async () => (await import('./commands/referrals.ts')).registerReferralCommands,
  },
  {
    commands: {
      today: 'what is due now: pauses ending, emails, look backs, tasks, people to reach out to',
      calendar: 'write dated steps and interviews as an .ics calendar file',
    },
    load: async () => (await import('./commands/today.ts')).registerTodayCommands,
  },
  {
    commands: { admin: 'run a hosted server: create the first admin, invite people' },
    load: async () => (await import('./commands/admin.ts')).registerAdminCommands,
  },
  {
    commands: {
      migrate: 'bring the database schema up to date',
      rebuild: 'recompute every application summary from its history (a repair tool)',
    },
    load: async () => (await import('./commands/migrate.ts')).registerMigrateCommand,
  },
];

function newProgram(): Command {
  return new Command('rebound')
    .description(
      'Rebound: a local-first job-search tracker that turns every rejection into data and a next step.',
    )
    .showHelpAfterError('(add --help to see what it takes)')
    .addHelpText(
      'after',
      '\nEvery command that reads your data takes --db FILE|postgres://URL and --json, before or after its name.',
    )
    .exitOverride();
}

/** The modules a command needs: the one that adds it and any that extend it, in order. */
function modulesFor(name: string): CommandModule[] {
  return COMMAND_MODULES.filter((m) => name in m.commands || m.extends?.includes(name));
}

/**
 * Builds the `rebound` command. With `only`, just the modules that command needs are loaded and
 * every other command is listed by name and description (enough for help and for suggestions).
 * Without it, every module is loaded (tests and the check of the descriptions).
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = newProgram();
  const needed = only === undefined ? COMMAND_MODULES : modulesFor(only);
  for (const module of COMMAND_MODULES) {
    if (needed.includes(module)) (await module.load())(program);
    else
      for (const [name, description] of Object.entries(module.commands))
        if (!program.commands.some((c) => c.name() === name)) program.command(name).description(description);
  }
  return program;
}

/** The command a person asked for: the first word (or the one after `help`), if Rebound has it. */
function requestedCommand(argv: string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && modulesFor(name).length > 0 ? name : undefined;
}

/**
 * The compiled CLI runs `serve` from a build of its own (dist/cli/serve/main.cjs, see
 * scripts/build-cli.js): one file instead of a hundred chunks shared with the other commands,
 * loaded with V8's code cache (serve-bundle.ts).
 * esbuild defines this; from source, and inside that build, it is undefined.
 */
declare const REBOUND_SERVE_BUNDLE: string | undefined;
const serveBundle = typeof REBOUND_SERVE_BUNDLE === 'string' ? REBOUND_SERVE_BUNDLE : undefined;

/**
 * `rebound --db FILE list` and `rebound --json show 3`: the options every command takes, written
 * before the command's name, move after it (where each command defines them), so they work in
 * either place. Only the leading ones move; anything after the first word stays as written.
 */
export function sharedOptionsLast(argv: string[]): string[] {
  const moved: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json' || a.startsWith('--db=')) moved.push(a);
    else if (a === '--db' && i + 1 < argv.length) moved.push(a, argv[++i]!);
    else break;
  }
  return moved.length === 0 ? argv : [...argv.slice(i), ...moved];
}

/** Runs the CLI: errors print a message (no stack) and set a non-zero exit code. */
export async function main(given: string[]): Promise<number> {
  const argv = sharedOptionsLast(given);
  if (serveBundle !== undefined && requestedCommand(argv) === 'serve') {
    const { runServeBundle } = await import('./serve-bundle.ts');
    return runServeBundle(new URL(serveBundle, import.meta.url), argv);
  }
  try {
    const program = await buildProgram(requestedCommand(argv) ?? '');
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(error, argv.includes('--json'));
  }
}
