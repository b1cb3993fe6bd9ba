import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONNECTION_NOTE_LIMIT, connectionNote, fitToLimit } from './connection-note.ts';

describe('connectionNote', () => {
  it('reads naturally with everything filled in', () => {
    const note = connectionNote({
      contactName: 'Ines',
      company: 'Northwind',
      role: 'Support engineer',
      topic: 'how you run on-call',
      userName: 'Kai',
    });
    expect(note).toBe(
      'Hello Ines, thank you for our conversation about the Support engineer role at Northwind. I enjoyed learning about how you run on-call and would be glad to stay in touch.\nKai',
    );
  });

  it('greets plainly without a name and falls back for the topic', () => {
    const note = connectionNote({ company: 'Northwind', role: 'Support engineer' });
    expect(note.startsWith('Hello, thank you')).toBe(true);
    expect(note).toContain("your team's work");
    expect(note).not.toMatch(/undefined|\{\{/);
  });

  it('cuts a long note at a sentence end within 300 characters and keeps the signature', () => {
    const note = connectionNote({
      contactName: 'Ines',
      company: 'Northwind',
      role: 'Support engineer',
      topic: `the way your team ${'carefully '.repeat(20)}reviews incidents`,
      userName: 'Kai',
    });
    expect(note.length).toBeLessThanOrEqual(CONNECTION_NOTE_LIMIT);
    expect(note.endsWith('Northwind.\nKai')).toBe(true);
  });

  it('cuts at a word with an ellipsis when no sentence end is close enough', () => {
    const long = `Hello ${'wonderful '.repeat(40)}person`;
    const cut = fitToLimit(long);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut.endsWith('wonderful…')).toBe(true);
  });

  it('drops a very long signature line rather than overflowing', () => {
    const note = connectionNote({
      company: 'A'.repeat(150),
      role: 'R'.repeat(150),
      userName: 'K'.repeat(100),
    });
    expect(note.length).toBeLessThanOrEqual(300);
    expect(note.endsWith('…')).toBe(true);
  });

  it('is never longer than 300 characters and never splits an emoji', () => {
    fc.assert(
      fc.property(
        fc.record({
          contactName: fc.option(fc.string({ maxLength: 120 })),
          company: fc.option(fc.string({ maxLength: 200 })),
          role: fc.option(fc.string({ maxLength: 200 })),
          topic: fc.option(fc.string({ unit: 'grapheme', maxLength: 200 })),
          userName: fc.option(fc.string({ maxLength: 80 })),
        }),
        (vars) => {
          const note = connectionNote(vars);
          expect(note.length).toBeLessThanOrEqual(300);
          expect(note).not.toMatch(/[\uD800-\uDBFF]$/);
          expect(note).not.toContain('undefined');
        },
      ),
      { numRuns: 300 },
    );
  });
});
