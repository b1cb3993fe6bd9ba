import { MAX_WRITING_SESSIONS, SESSION_MINUTES } from '../../core/writing/prompts.ts';
import type { WritingSessionView, WritingView } from '../../core/writing/schemas.ts';
import type { StoredWritingSession } from '../../store/writing-repository.ts';
import type { Writing } from './writing.ts';

export function presentWritingSession(s: StoredWritingSession): WritingSessionView {
  return { ...s };
}

export function presentWriting(w: Writing): WritingView {
  return {
    applicationId: w.applicationId,
    company: w.company,
    role: w.role,
    private: true,
    minutes: SESSION_MINUTES,
    maxSessions: MAX_WRITING_SESSIONS,
    sessions: w.sessions.map(presentWritingSession),
    next: w.next
      ? { number: w.next.number, prompt: { ...w.next.prompt }, continuing: w.next.continuing }
      : null,
  };
}
