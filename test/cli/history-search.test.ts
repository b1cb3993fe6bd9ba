import { describe, expect, it } from 'vitest';
import { addArgs, rebound, tempDatabase } from './run.ts';

describe('rebound: rounds, notes, type of work, search and sample data', () => {
  const { db } = tempDatabase('rebound-cli-ux2-');

  // Each `rebound` run starts a process; these tests keep to the runs that show something.
  let id = '';

  it('adds a contract with a timed round, then edits and deletes rounds', { timeout: 600_000 }, async () => {
    const added = await rebound(addArgs(db, 'Acme', 'Engineer', '--kind', 'contract', '--json'));
    expect(added.code).toBe(0);
    id = added.json().id;
    expect(added.json().kind).toBe('contract');
    expect((await rebound(addArgs(db, 'X', 'Y', '--kind', 'gig'))).code).toBe(2);

    const timed = await rebound([
      'round',
      id,
      '--kind',
      'technical',
      '--on',
      '2030-01-15',
      '--at',
      '14:30',
      '--minutes',
      '45',
      '--db',
      db,
    ]);
    expect(timed.code).toBe(0);
    expect(timed.stdout).toContain('1. Technical · 2030-01-15 14:30 (45 min)');
    expect((await rebound(['round', id, '--kind', 'technical', '--db', db])).code).toBe(0);
    const edited = await rebound(['round', 'edit', id, '1', '--at', '15:00', '--who', 'Dana', '--db', db]);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain('1. Technical · 2030-01-15 15:00 (45 min) · with Dana');
    const deleted = await rebound(['round', 'delete', id, '2', '--db', db, '--json']);
    expect(deleted.code).toBe(0);
    expect(deleted.json().rounds).toHaveLength(1);
    expect(deleted.json().events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['round_edited', 'round_deleted']),
    );
  });

  it('edits and deletes a note, and search follows', { timeout: 600_000 }, async () => {
    const noted = (await rebound(['note', id, 'Ask about the Kafka setup', '--db', db, '--json'])).json();
    const noteId = noted.events.find((e: { type: string }) => e.type === 'note').id;
    const changed = await rebound(['note', 'edit', id, noteId, 'Ask about the Pulsar setup', '--db', db]);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('Note (edited): Ask about the Pulsar setup');
    expect((await rebound(['list', '--search', 'pulsar', '--db', db, '--json'])).json().items).toHaveLength(
      1,
    );
    const gone = await rebound(['note', 'delete', id, noteId, '--db', db, '--json']);
    expect(gone.code).toBe(0);
    expect(gone.json().events.find((e: { id: string }) => e.id === noteId).current.deleted).toBe(true);
  });

  it('loads sample data and removes it in one step, keeping your own', { timeout: 300_000 }, async () => {
    expect((await rebound(['sample', '--db', db])).code).toBe(0);
    const removed = await rebound(['sample', '--remove', '--db', db, '--json']);
    expect(removed.code).toBe(0);
    expect(removed.json().removed).toBeGreaterThan(10);
    const left = (await rebound(['list', '--db', db, '--json'])).json();
    expect(left.items.map((a: { company: string }) => a.company)).toEqual(['Acme']);
  });
});
