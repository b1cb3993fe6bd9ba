/**
 * A tiny, forgiving template renderer for the emails and notes the user edits as plain text.
 * `{{name}}` inserts a value; `{{name|fallback words}}` uses the fallback when the value is
 * missing. A missing value never prints "undefined": it is left out and the line is tidied
 * ("Hello {{contactName}}," becomes "Hello,"), and a line made only of missing values is dropped.
 */

export type TemplateVars = Record<string, string | number | null | undefined>;

export interface RenderedTemplate {
  text: string;
  /** Placeholder names that had no value (with or without a fallback), in order of first use. */
  missing: string[];
}

const PLACEHOLDER_RE = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*(?:\|([^}]*))?\}\}/g;

function filledValue(vars: TemplateVars, name: string): string | null {
  const raw = vars[name];
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  return text === '' ? null : text;
}

function tidy(line: string): string {
  return line
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.;:!?])/g, '$1')
    .replace(/\( *\)/g, '')
    .replace(/\s+$/, '');
}

/** Fills `{{name}}` placeholders in `template` and reports which ones had no value. */
export function renderTemplate(template: string, vars: TemplateVars): RenderedTemplate {
  const missing: string[] = [];
  const lines = template.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    let emptied = false;
    let filled = false;
    const rendered = line.replace(PLACEHOLDER_RE, (_m, name: string, fallback: string | undefined) => {
      const value = filledValue(vars, name);
      if (value !== null) {
        filled = true;
        return value;
      }
      if (!missing.includes(name)) missing.push(name);
      if (fallback !== undefined && fallback.trim() !== '') {
        filled = true;
        return fallback.trim();
      }
      emptied = true;
      return '';
    });
    if (!emptied) {
      out.push(rendered);
      continue;
    }
    const cleaned = tidy(rendered);
    if (!filled && /^[\s\p{P}]*$/u.test(cleaned)) continue;
    out.push(cleaned);
  }
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, missing };
}

export interface ParsedTemplate {
  /** The `Subject:` first line, when the template has one. */
  subject: string | null;
  body: string;
}

/**
 * Splits a template file into its optional first `Subject: …` line and the body below it, so
 * one plain file holds a whole email.
 */
export function parseTemplate(text: string): ParsedTemplate {
  const normal = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const m = /^Subject:[ \t]*(.*)\n/i.exec(normal);
  if (!m) return { subject: null, body: normal.trim() };
  return { subject: (m[1] ?? '').trim(), body: normal.slice(m[0].length).trim() };
}
