/**
 * A fast, conservative stand-in for `createApplicationSchema.safeParse` on imported rows. An import
 * checks every row, and nearly every row is fine; running the zod schema on 10,000 of them costs
 * more than reading the file. This check says yes only to input the schema accepts too; anything
 * it is unsure about goes to the schema, which names the problem.
 */
import { APPLICATION_KINDS, CHANNELS, STAGES, WORK_MODES } from '../applications/application.ts';
import { LIMITS } from '../applications/input.ts';
import { isIsoDate } from '../dates.ts';

const STAGE_SET = new Set<unknown>(STAGES);
const CHANNEL_SET = new Set<unknown>(CHANNELS);
const KIND_SET = new Set<unknown>(APPLICATION_KINDS);
const WORK_MODE_SET = new Set<unknown>(WORK_MODES);
const CURRENCY = /^[A-Za-z]{3}$/;
const MAX_SALARY = 100_000_000;

type Check = (value: unknown) => boolean;

const isAbsent = (v: unknown) => v === null || v === undefined;
/** Untrimmed length within `max` implies the trimmed one is too, whichever order zod applies them. */
const requiredText =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max && v.trim() !== '';
const optionalText =
  (max: number): Check =>
  (v) =>
    isAbsent(v) || (typeof v === 'string' && v.length <= max);
const oneOf =
  (set: Set<unknown>, nullable: boolean): Check =>
  (v) =>
    v === undefined || (nullable && v === null) || set.has(v);
const money: Check = (v) =>
  isAbsent(v) || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_SALARY);

function isHttpUrl(v: unknown): boolean {
  if (isAbsent(v)) return true;
  if (typeof v !== 'string' || v.length > LIMITS.url) return false;
  const t = v.trim();
  if (t === '') return true;
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isTagList(v: unknown): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v) || v.length > LIMITS.tags) return false;
  for (const tag of v) if (!requiredText(LIMITS.tag)(tag)) return false;
  return true;
}

const REQUIRED_NAME = requiredText(Math.min(LIMITS.company, LIMITS.role));

/** One check per field the import fills; a field not listed here is left to the schema. */
const CHECKS = new Map<string, Check>(
  Object.entries({
    company: requiredText(LIMITS.company),
    role: requiredText(LIMITS.role),
    jobUrl: isHttpUrl,
    // The import reads a website cell into a bare domain or null; only null is certain here.
    website: isAbsent,
    location: optionalText(LIMITS.location),
    workMode: oneOf(WORK_MODE_SET, true),
    salaryMin: money,
    salaryMax: money,
    salaryCurrency: (v) => isAbsent(v) || (typeof v === 'string' && CURRENCY.test(v)),
    notes: optionalText(LIMITS.notes),
    channel: oneOf(CHANNEL_SET, false),
    kind: oneOf(KIND_SET, false),
    appliedOn: (v) => isAbsent(v) || (typeof v === 'string' && isIsoDate(v)),
    tags: isTagList,
    stage: oneOf(STAGE_SET, false),
  } satisfies Record<string, Check>),
);

/**
 * True when `input` certainly passes `createApplicationSchema` (src/core/applications/input.ts);
 * false when it may not, and the schema should be asked. Never true for input the schema refuses.
 */
export function surelyValidApplication(input: Record<string, unknown>): boolean {
  for (const key in input) {
    if (!Object.hasOwn(input, key)) return false;
    const check = CHECKS.get(key);
    if (check === undefined || !check(input[key])) return false;
  }
  if (!REQUIRED_NAME(input.company) || !REQUIRED_NAME(input.role)) return false;
  const min = input.salaryMin;
  const max = input.salaryMax;
  return isAbsent(min) || isAbsent(max) || (min as number) <= (max as number);
}
