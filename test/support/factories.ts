import type { CreateApplicationInput } from '../../src/core/applications/input.ts';
import { createApplication } from '../../src/services/applications.ts';
import type { ServiceContext } from '../../src/services/context.ts';

let counter = 0;

/** A valid new-application input; override what the test cares about. */
export function buildApplicationInput(
  overrides: Partial<CreateApplicationInput> = {},
): CreateApplicationInput {
  counter += 1;
  return { company: `Company ${counter}`, role: 'Backend Engineer', channel: 'job_board', ...overrides };
}

export async function createTestApplication(
  ctx: ServiceContext,
  overrides: Partial<CreateApplicationInput> = {},
) {
  return createApplication(ctx, buildApplicationInput(overrides));
}
