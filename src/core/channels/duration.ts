import { ReboundError } from '../errors.ts';

const PATTERNS: [RegExp, (m: RegExpExecArray) => number][] = [
  // 90 or 90m or 90min: minutes
  [/^(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?)?$/, (m) => Number(m[1])],
  // 1.5h, 2h, 2 hours
  [/^(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?)$/, (m) => Number(m[1]) * 60],
  // 1h30, 1h30m, 1h 30min, 1:30
  [
    /^(\d+)\s*(?:h|hr|hrs|hours?|:)\s*(\d{1,2})\s*(?:m|min|mins|minutes?)?$/,
    (m) => Number(m[1]) * 60 + Number(m[2]),
  ],
];

/**
 * Reads a time the way people type it: "45m", "90" (minutes), "1.5h", "1h30", "1:30", "2 hours".
 * Returns whole minutes. Throws `invalid_input` with an example when it cannot tell.
 */
export function parseDuration(text: string, field = 'duration'): number {
  const t = text.trim().toLowerCase();
  for (const [re, toMinutes] of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    if (m[2] !== undefined && Number(m[2]) >= 60) break;
    const minutes = Math.round(toMinutes(m));
    if (minutes <= 0) {
      throw new ReboundError(
        'invalid_input',
        `${field}: "${text}" is no time at all; log at least 1 minute`,
        [{ path: field, message: 'must be more than 0' }],
      );
    }
    if (minutes > 24 * 60) {
      throw new ReboundError('invalid_input', `${field}: "${text}" is more than a day; log each day apart`, [
        { path: field, message: 'at most 24h' },
      ]);
    }
    return minutes;
  }
  throw new ReboundError(
    'invalid_input',
    `${field}: "${text}" is not a duration Rebound can read; try 45m, 90, 1.5h or 1h30`,
    [{ path: field, message: 'unreadable duration' }],
  );
}
