import type { CreateApplicationInput } from '../../core/applications/input.ts';
import { MAX_JOB_PAGE_BYTES } from '../../core/import/input.ts';
import { importJobPage, jobPageToApplicationInput } from '../../services/imports/job-page-import.ts';
import { readFileWithin } from '../import-files.ts';

/** `rebound add --from-url/--from-html`: the job page's fields under the ones given explicitly. */
export async function withJobPage(
  opts: Record<string, unknown>,
  explicit: Record<string, unknown>,
  allowLocalAddresses = false,
): Promise<Record<string, unknown>> {
  let page: Partial<CreateApplicationInput> = {};
  if (typeof opts.fromHtml === 'string') {
    const html = readFileWithin(opts.fromHtml, MAX_JOB_PAGE_BYTES, '--from-html').toString('utf8');
    page = jobPageToApplicationInput(
      await importJobPage({ html, url: typeof opts.fromUrl === 'string' ? opts.fromUrl : undefined }),
    );
  } else if (typeof opts.fromUrl === 'string') {
    page = jobPageToApplicationInput(await importJobPage({ url: opts.fromUrl }, { allowLocalAddresses }));
  }
  const given = Object.fromEntries(Object.entries(explicit).filter(([, v]) => v !== undefined));
  return { ...page, ...given };
}
