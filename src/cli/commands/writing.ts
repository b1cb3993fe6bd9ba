import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { parseInput } from '../../core/validation.ts';
import { writingInputSchema } from '../../core/writing/input.ts';
import { SESSION_MINUTES } from '../../core/writing/prompts.ts';
import { REFRAME_NOTE, THINKING_TRAPS } from '../../core/writing/reframe.ts';
import { presentWriting, presentWritingSession } from '../../services/writing/presenters.ts';
import { deleteWriting, getWriting, writeSession } from '../../services/writing/writing.ts';
import { type CommonFlags, common, printJson, withApplication } from '../io.ts';

type Opts = CommonFlags & { show?: boolean; delete?: boolean; reframe?: boolean };

const HELP = `
Writing after a no: up to 5 short sessions on different days, about ${SESSION_MINUTES} minutes each, each
with its own prompt. Private: it is never shared, and \`rebound export\` leaves it out unless you add
--include-private.

The text comes from standard input when it is piped (rebound write ID < today.txt). In a terminal,
Rebound shows today's prompt and you type below it; no editor opens. Finish with a line holding
only a full stop (.), or Ctrl-D. Writing again on the same day adds to that day's session.
`;

/** Reads the text: all of standard input when piped, else lines typed until "." or Ctrl-D. */
async function readText(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  const lines: string[] = [];
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  for await (const line of rl) {
    if (line.trim() === '.') break;
    lines.push(line);
  }
  rl.close();
  return lines.join('\n');
}

/** `rebound write ID`: start or continue today's writing session after a rejection. */
export function registerWritingCommands(program: Command): void {
  common(
    program
      .command('write')
      .description('write after a no: start or continue today’s private session about a rejection')
      .argument('<id>', 'the rejected application: its id or its company'),
  )
    .option('--show', 'read back what you wrote (nothing is written)')
    .option('--delete', 'delete everything written about this application')
    .option('--reframe', 'show the card about common thinking traps')
    .addHelpText('after', HELP)
    .action(async (id: string, opts: Opts) =>
      withApplication(opts, id, async (ctx, id) => {
        if (opts.delete) {
          const result = await deleteWriting(ctx, id);
          if (opts.json) return printJson(result);
          return console.log(`Deleted ${result.deleted} session(s).`);
        }
        const view = presentWriting(await getWriting(ctx, id));
        if (opts.reframe) {
          if (opts.json) return printJson({ traps: THINKING_TRAPS, note: REFRAME_NOTE });
          for (const t of THINKING_TRAPS) console.log(`${t.name}\n  ${t.thought}\n  ${t.reframe}\n`);
          return console.log(REFRAME_NOTE);
        }
        if (opts.show) {
          if (opts.json) return printJson(view);
          if (view.sessions.length === 0) return console.log('Nothing written yet.');
          for (const s of view.sessions)
            console.log(`Session ${s.number}, ${s.on}: ${s.prompt}\n\n${s.text}\n`);
          return;
        }
        if (!view.next) {
          const done = 'All five sessions are written. Read them with --show, or delete them with --delete.';
          if (opts.json) return printJson({ ...view, message: done });
          return console.log(done);
        }
        if (process.stdin.isTTY && !opts.json) {
          const { number, prompt, continuing } = view.next;
          console.log(
            `Session ${number} of ${view.maxSessions}${continuing ? ' (continuing today’s)' : ''}, about ${view.minutes} minutes. Private.`,
          );
          console.log(`\n${prompt.prompt}\n${prompt.hint}\n`);
          console.log('Write below. Finish with a line holding only a full stop (.), or Ctrl-D.\n');
        }
        const text = await readText();
        if (text.trim() === '') {
          if (opts.json) return printJson({ ...view, message: 'Nothing written; nothing saved.' });
          return console.log('Nothing written; nothing saved.');
        }
        const input = parseInput(writingInputSchema, { text }, 'arguments');
        const { session, continued } = await writeSession(ctx, id, input);
        if (opts.json) return printJson({ ...presentWritingSession(session), continued });
        console.log(
          `Saved session ${session.number} (${continued ? 'added to today’s' : 'new'}). Only you can see it.`,
        );
      }),
    );
}
