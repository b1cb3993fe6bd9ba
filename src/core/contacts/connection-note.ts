/**
 * The note that goes with a LinkedIn connection request. LinkedIn refuses notes longer than
 * 300 characters, so the note is always cut to fit, at a sentence or word boundary.
 */
import { renderTemplate, type TemplateVars } from '../recovery/render-template.ts';
import { CONNECTION_REQUEST_TEMPLATE } from '../recovery/templates.ts';

export const CONNECTION_NOTE_LIMIT = 300;

export interface ConnectionNoteVars extends TemplateVars {
  contactName?: string | null;
  company?: string | null;
  role?: string | null;
  /** Something specific from the conversation ("how your team ships"). */
  topic?: string | null;
  userName?: string | null;
}

/** A prefix of `text` at most `units` UTF-16 units long that never splits a surrogate pair. */
function prefix(text: string, units: number): string {
  const cut = text.slice(0, units);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Cuts `text` to at most `limit` characters (UTF-16 units, the strictest way a site counts),
 * preferring to end at a full sentence, else at a word with an ellipsis.
 */
export function fitToLimit(text: string, limit: number = CONNECTION_NOTE_LIMIT): string {
  if (text.length <= limit) return text;
  const head = prefix(text, limit);
  const sentenceEnd = Math.max(
    head.lastIndexOf('. '),
    head.lastIndexOf('! '),
    head.lastIndexOf('? '),
    head.lastIndexOf('.\n'),
  );
  if (sentenceEnd >= limit / 4) return head.slice(0, sentenceEnd + 1);
  const room = prefix(text, limit - 1);
  const space = room.search(/\s\S*$/);
  const cut = space >= limit / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:\u2013-]+$/, '')}\u2026`;
}

/**
 * The connection-request note from the (editable) template, never over 300 characters. When it
 * is too long, a short last line (the signature) is kept and the text above it is cut.
 */
export function connectionNote(
  vars: ConnectionNoteVars,
  template: string = CONNECTION_REQUEST_TEMPLATE,
): string {
  const text = renderTemplate(template, vars).text;
  if (text.length <= CONNECTION_NOTE_LIMIT) return text;
  const at = text.lastIndexOf('\n');
  const signature = at === -1 ? '' : text.slice(at + 1);
  if (signature === '' || signature.length > 60) return fitToLimit(text);
  return `${fitToLimit(text.slice(0, at).trimEnd(), CONNECTION_NOTE_LIMIT - signature.length - 1)}\n${signature}`;
}
