import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { aiEndpointInputSchema, rewritePrompt } from '../../core/ai/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { parseInput } from '../../core/validation.ts';
import type { ServiceContext } from '../../services/context.ts';
import { type CommonFlags, common, printJson, withApplication, withWorkspace } from '../io.ts';
import { resolveTarget, secretKeyFile } from '../target.ts';

async function secretsFor(opts: { db?: string }) {
  const { keyFileSecretBox } = await import('../../io/secret-box.ts');
  return keyFileSecretBox(secretKeyFile(resolveTarget(opts)));
}

/** A feedback request by its own id, or the latest one of an application. */
async function feedbackFor(ctx: ServiceContext, id: string) {
  const [{ getFeedbackRequestOrThrow, listFeedbackRequests }, { presentFeedbackRequest }] = await Promise.all(
    [import('../../services/recovery/feedback.ts'), import('../../services/recovery/presenters.ts')],
  );
  const f = await getFeedbackRequestOrThrow(ctx, id).catch(async () =>
    (await listFeedbackRequests(ctx, id)).at(-1),
  );
  if (!f) {
    throw new ReboundError(
      'feedback_request_not_found',
      `No feedback request for ${id} (use an application id or a feedback request id).`,
      [{ path: 'id', message: 'not found' }],
    );
  }
  return presentFeedbackRequest(f);
}

/** `rebound ai …` (your own model's endpoint and the log of calls) and `rebound draft feedback`. */
export function registerAiCommands(program: Command): void {
  const ai = program
    .command('ai')
    .description('your own OpenAI-compatible model (off until set): endpoint, key, the log of calls');
  common(ai.command('show').description('the endpoint and model (never the key)')).action(
    (opts: CommonFlags) =>
      withWorkspace(opts, async (ctx) => {
        const { getAiEndpoint, HOW_TO_CONFIGURE } = await import('../../services/ai/own-model.ts');
        const view = await getAiEndpoint(ctx);
        if (opts.json) return printJson(view);
        console.log(
          view.configured
            ? `${view.baseUrl} · ${view.model} · ${view.hasKey ? 'key saved (encrypted)' : 'no key'}`
            : HOW_TO_CONFIGURE,
        );
      }),
  );
  common(
    ai.command('set').description('use this endpoint and model (local ones keep everything on this machine)'),
  )
    .requiredOption('--url <base-url>', 'OpenAI-compatible base URL, e.g. http://localhost:11434/v1')
    .requiredOption('--model <name>', 'model name, e.g. llama3.1')
    .option('--key-env <variable>', 'read the API key from this environment variable (stored encrypted)')
    .action((opts: CommonFlags & { url: string; model: string; keyEnv?: string }) => {
      const apiKey = opts.keyEnv ? process.env[opts.keyEnv] : null;
      if (opts.keyEnv && !apiKey)
        throw new ReboundError('invalid_input', `--key-env: ${opts.keyEnv} is not set.`);
      const input = parseInput(
        aiEndpointInputSchema,
        { baseUrl: opts.url, model: opts.model, apiKey },
        'arguments',
      );
      return withWorkspace(opts, async (ctx) => {
        const { setAiEndpoint } = await import('../../services/ai/own-model.ts');
        const view = await setAiEndpoint(ctx, await secretsFor(opts), input);
        if (opts.json) return printJson(view);
        console.log(`Your model: ${view.baseUrl} · ${view.model}. Nothing is sent until you ask (--ai).`);
      });
    });
  common(ai.command('off').description('forget the endpoint and key')).action((opts: CommonFlags) =>
    withWorkspace(opts, async (ctx) => {
      const { clearAiEndpoint } = await import('../../services/ai/own-model.ts');
      await clearAiEndpoint(ctx);
      console.log('Your model is off; its key is deleted.');
    }),
  );
  common(
    ai.command('log').description('every call made to your model: when, for what, how many characters'),
  ).action((opts: CommonFlags) =>
    withWorkspace(opts, async (ctx) => {
      const { listAiCalls } = await import('../../services/ai/own-model.ts');
      const calls = await listAiCalls(ctx);
      if (opts.json) return printJson({ items: calls });
      if (calls.length === 0) console.log('No calls yet.');
      for (const c of calls)
        console.log(`${c.at}  ${c.feature}  ${c.charsSent} characters  ${c.model}  ${c.status}`);
    }),
  );

  const draft = program
    .command('draft')
    .description('drafts to send; --ai rewrites one in your voice with your own model');
  common(
    draft
      .command('feedback')
      .description('the feedback request draft; --ai rewrites it in your voice')
      .argument('<id>', 'application id, its company, or a feedback request id'),
  )
    .option('--ai', 'send the text (see --show) to your own model and print its rewrite')
    .option('--show', 'print the exact text --ai would send, and send nothing')
    .option('--text-file <file>', 'send this text instead (the --show text, edited)')
    .option('--stream', 'ask the model for a streamed answer')
    .action(
      async (
        id: string,
        opts: CommonFlags & { ai?: boolean; show?: boolean; textFile?: string; stream?: boolean },
      ) =>
        withApplication(opts, id, async (ctx, id) => {
          const f = await feedbackFor(ctx, id);
          const text = opts.textFile
            ? readFileSync(opts.textFile, 'utf8')
            : rewritePrompt('feedback request', f.draft.subject, f.draft.body);
          if (opts.show) return void process.stdout.write(`${text}\n`);
          if (!opts.ai) {
            if (opts.json) return printJson(f);
            return console.log(`Subject: ${f.draft.subject}\n\n${f.draft.body}`);
          }
          const { askOwnModel, getAiEndpoint, HOW_TO_CONFIGURE, logLine } = await import(
            '../../services/ai/own-model.ts'
          );
          if (!(await getAiEndpoint(ctx)).configured) {
            throw new ReboundError('invalid_input', HOW_TO_CONFIGURE, [
              { path: 'ai', message: 'no model set up' },
            ]);
          }
          const { draft: rewritten, log } = await askOwnModel(
            ctx,
            await secretsFor(opts),
            'rewrite_feedback_request',
            text,
            {
              stream: opts.stream ?? false,
            },
          );
          if (opts.json) return printJson({ draft: rewritten, log });
          console.log(`${rewritten.trim()}\n`);
          console.log('This is a draft from your model: check it, edit it, and send it yourself (or not).');
          console.log(logLine(log));
        }),
    );

  common(
    draft
      .command('themes')
      .description('the themes of a feedback reply; --ai asks your model, --keep saves them beside the reply')
      .argument('<id>', 'application id, its company, or a feedback request id'),
  )
    .option('--ai', 'send the text (see --show) to your own model and print its summary')
    .option('--show', 'print the exact text --ai would send, and send nothing')
    .option('--text-file <file>', 'send this text instead (the --show text, edited)')
    .option('--keep <file>', 'keep the themes in this file beside the reply (the reply itself stays)')
    .action(
      async (
        id: string,
        opts: CommonFlags & { ai?: boolean; show?: boolean; textFile?: string; keep?: string },
      ) =>
        withApplication(opts, id, async (ctx, id) => {
          const f = await feedbackFor(ctx, id);
          const summaries = await import('../../services/ai/reply-summaries.ts');
          if (opts.keep) {
            const { replySummaryInputSchema } = await import('../../core/ai/schemas.ts');
            const { summary } = parseInput(
              replySummaryInputSchema,
              { summary: readFileSync(opts.keep, 'utf8') },
              'arguments',
            );
            const kept = await summaries.saveReplySummary(ctx, f.id, summary);
            if (opts.json) return printJson(kept);
            return console.log(`Kept the themes beside ${f.company}'s reply (the reply is unchanged).`);
          }
          if (!f.answer) {
            throw new ReboundError(
              'invalid_input',
              `There is no reply from ${f.company} yet: record it first (rebound feedback answered ${f.applicationId} --text "…").`,
              [{ path: 'id', message: 'no reply yet' }],
            );
          }
          const { replyThemesPrompt } = await import('../../core/ai/prompts.ts');
          const text = opts.textFile
            ? readFileSync(opts.textFile, 'utf8')
            : replyThemesPrompt(f.company, f.role, f.answer);
          if (opts.show) return void process.stdout.write(`${text}\n`);
          if (!opts.ai) {
            const view = await summaries.getReplySummary(ctx, f.id);
            if (opts.json) return printJson(view);
            return console.log(
              view.summary ?? 'No themes kept yet. --show prints what --ai would send to your model.',
            );
          }
          const { askOwnModel, getAiEndpoint, HOW_TO_CONFIGURE, logLine } = await import(
            '../../services/ai/own-model.ts'
          );
          if (!(await getAiEndpoint(ctx)).configured) {
            throw new ReboundError('invalid_input', HOW_TO_CONFIGURE, [
              { path: 'ai', message: 'no model set up' },
            ]);
          }
          const { draft: themes, log } = await askOwnModel(
            ctx,
            await secretsFor(opts),
            'summarise_feedback_reply',
            text,
          );
          if (opts.json) return printJson({ draft: themes, log });
          console.log(`${themes.trim()}\n`);
          console.log(
            'This is a draft from your model. To keep it beside the reply, save it (edited as you like) to a file and run --keep FILE.',
          );
          console.log(logLine(log));
        }),
    );
}
