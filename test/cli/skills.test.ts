import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebound, tempDatabase } from './run.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'resumes');

describe('rebound skills CLI', () => {
  const { dir, db } = tempDatabase('rebound-skills-cli-');

  it('prints the skills of a file as JSON with their spans', async () => {
    const file = join(FIXTURES, 'resume.md');
    const res = await rebound(['skills', 'extract', file, '--json', '--db', db]);
    expect(res.code).toBe(0);
    const { skills } = res.json<{ skills: { name: string; spans: [number, number][] }[] }>();
    expect(skills.map((s) => s.name)).toEqual(['Kubernetes', 'Terraform', 'Amazon Web Services']);
    const text = readFileSync(file, 'utf8');
    const [start, end] = skills[0]!.spans[0]!;
    expect(text.slice(start, end)).toBe('Kubernetes');
  });

  it('reads standard input with -', async () => {
    const res = await rebound(
      ['skills', 'extract', '-', '--json', '--db', db],
      {},
      'Python and SQL, some Tableau',
    );
    expect(res.code).toBe(0);
    expect(res.json().skills.map((s: { name: string }) => s.name)).toEqual(['Python', 'SQL', 'Tableau']);
  });

  const JOB = 'We build services in Go. You must know PostgreSQL. Fluent German is a plus.';

  it('gives each skill its category, sentence and whether it is required (--json)', async () => {
    const res = await rebound(['skills', 'extract', '-', '--json', '--db', db], {}, JOB);
    expect(res.code).toBe(0);
    const { skills } = res.json<{
      skills: {
        name: string;
        category: string;
        required: boolean;
        spans: [number, number][];
        sentence: string;
      }[];
    }>();
    expect(skills.map((s) => [s.name, s.category, s.required, s.sentence])).toEqual([
      ['Go', 'language', true, 'We build services in Go.'],
      ['PostgreSQL', 'database', true, 'You must know PostgreSQL.'],
      ['German', 'spoken', false, 'Fluent German is a plus.'],
    ]);
    expect(JOB.slice(...skills[2]!.spans[0]!)).toBe('German');
  });

  it('prints each skill with its kind, whether it is needed and why, and its sentence', async () => {
    const human = await rebound(['skills', 'extract', '-', '--db', db], {}, JOB);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(
      'PostgreSQL  ·  Databases  ·  required (says "must")\n  "You must know PostgreSQL."',
    );
    expect(human.stdout).toContain('German  ·  Spoken languages  ·  nice to have (says "plus")');
  });

  it('says an empty file is empty, without a stack, and exits non-zero', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const res = await rebound(['skills', 'extract', empty, '--db', db]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('error: "empty.txt" is empty\n');
  });

  it('imports a Word resume as the first version', async () => {
    const res = await rebound(['resume', 'import', join(FIXTURES, 'resume.docx'), '--json', '--db', db]);
    expect(res.code).toBe(0);
    expect(res.json()).toMatchObject({ version: 'resume-v1', filename: 'resume.docx' });
    expect(res.json().skills.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['Python', 'SQL', 'Tableau']),
    );
  });

  it('lists the gaps of closed jobs, each company once, and says when there is no resume to compare', async () => {
    const { dir: own, db: gapsDb } = tempDatabase('rebound-skills-gaps-cli-');
    const jd = join(own, 'jd.txt');
    writeFileSync(jd, 'Requirements:\n- 3+ years with Kubernetes and Terraform');
    for (const role of ['Platform Engineer', 'SRE', 'DevOps Engineer']) {
      const company = role === 'DevOps Engineer' ? 'Lumen' : 'Acme';
      const added = await rebound([
        'add',
        '--db',
        gapsDb,
        '--company',
        company,
        '--role',
        role,
        '--jd-file',
        jd,
        '--json',
      ]);
      expect((await rebound(['reject', added.json().id, '--cool-off', 'skip', '--db', gapsDb])).code).toBe(0);
    }
    const gaps = await rebound(['skills', 'gaps', '--db', gapsDb]);
    expect(gaps.code).toBe(0);
    expect(gaps.stdout).toContain('No resume yet, so every skill counts as missing');
    expect(gaps.stdout).toMatch(/Kubernetes .*Acme \(2\), Lumen/);
  });
});
