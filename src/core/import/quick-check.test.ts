import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApplicationSchema } from '../applications/input.ts';
import { surelyValidApplication } from './quick-check.ts';

const row = {
  company: 'Acme',
  role: 'Engineer',
  jobUrl: 'https://jobs.example.com/1',
  website: null,
  location: 'Berlin',
  workMode: null,
  salaryMin: 60000,
  salaryMax: 70000,
  salaryCurrency: 'EUR',
  notes: null,
  channel: 'job_board',
  kind: 'job',
  appliedOn: '2024-05-02',
  tags: ['backend'],
  stage: 'applied',
};

const text = fc.oneof(
  fc.constantFrom('', ' ', 'Acme', '  Acme  ', 'x'.repeat(200), 'x'.repeat(201), ' '.repeat(3)),
  fc.string({ maxLength: 8 }),
);
const anyValue = fc.oneof(
  text,
  fc.constantFrom(null, undefined, 0, -1, 1.5, 100_000_001, Number.NaN, Number.POSITIVE_INFINITY, true),
  fc.constantFrom('https://a.example/x', 'ftp://a.example', 'not a url', ' http://x.io ', 'http://'),
  fc.constantFrom('2024-02-29', '2023-02-29', '2024-13-01', 'EUR', 'eu', 'E1R', 'remote', 'saved', 'job'),
  fc.array(text, { maxLength: 32 }),
);
const fieldNames = [...Object.keys(row), 'jobDescription', 'priority', 'surprise'];
const mutated = fc
  .array(fc.tuple(fc.constantFrom(...fieldNames), anyValue), { maxLength: 4 })
  .map((changes) => {
    const input: Record<string, unknown> = { ...row };
    for (const [key, value] of changes) input[key] = value;
    return input;
  });

describe('surelyValidApplication', () => {
  it('accepts an ordinary imported row, as the schema does', () => {
    expect(surelyValidApplication(row)).toBe(true);
    expect(createApplicationSchema.safeParse(row).success).toBe(true);
  });

  it('leaves rows the schema refuses to the schema', () => {
    for (const bad of [
      { ...row, company: '  ' },
      { ...row, jobUrl: 'mailto:jobs@example.com' },
      { ...row, salaryMin: 80000 },
      { ...row, appliedOn: '2023-02-29' },
      { ...row, tags: ['ok', ' '] },
      { ...row, extra: 1 },
    ]) {
      expect(createApplicationSchema.safeParse(bad).success).toBe(false);
      expect(surelyValidApplication(bad)).toBe(false);
    }
  });

  it('never says yes to input the schema refuses', () => {
    fc.assert(
      fc.property(mutated, (input) => {
        if (surelyValidApplication(input))
          expect(createApplicationSchema.safeParse(input).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
