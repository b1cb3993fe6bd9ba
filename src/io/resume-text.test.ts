import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResumeText } from './resume-text.ts';

const dir = join(import.meta.dirname, '../../test/fixtures/resumes');
const fixture = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

describe('readResumeText', () => {
  it('reads the text layer of a PDF', async () => {
    const text = await readResumeText(fixture('resume.pdf'), 'resume.pdf');
    expect(text).toContain('Skills: TypeScript, Node.js, PostgreSQL, Docker');
    expect(text).toContain('Built REST APIs in Go');
  });

  it('asks for pasted text when a PDF has no text layer', async () => {
    await expect(readResumeText(fixture('scanned.pdf'), 'scan.pdf')).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'this PDF has no text layer; paste the text instead',
    });
  });

  it('refuses a .pdf that is not a PDF', async () => {
    await expect(readResumeText(fixture('resume.txt'), 'resume.pdf')).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('reads the paragraphs of a docx', async () => {
    const text = await readResumeText(fixture('resume.docx'), 'Resume.DOCX');
    expect(text).toBe('Sam Example\n\nData Analyst\n\nSkills: Python, SQL, Tableau, Microsoft Excel');
  });

  it('refuses a docx that is not a Word file', async () => {
    await expect(readResumeText(fixture('broken.docx'), 'broken.docx')).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('could not be read'),
    });
  });

  it('reads .txt and .md as text', async () => {
    expect(await readResumeText(fixture('resume.txt'), 'resume.txt')).toBe(
      'Robin Example\nFrontend engineer\nReact, TypeScript, CSS, Figma',
    );
    expect(await readResumeText(fixture('resume.md'), 'resume.md')).toContain('- Kubernetes');
  });

  it('refuses unknown extensions, empty files and binary content', async () => {
    await expect(readResumeText(fixture('resume.txt'), 'resume.rtf')).rejects.toMatchObject({
      message: 'cannot read "resume.rtf": use a .txt, .md, .pdf or .docx file, or paste the text',
    });
    await expect(readResumeText(new Uint8Array(), 'empty.txt')).rejects.toMatchObject({
      message: '"empty.txt" is empty',
    });
    await expect(readResumeText(new TextEncoder().encode(' \n\n '), 'blank.md')).rejects.toMatchObject({
      message: '"blank.md" has no text in it',
    });
    await expect(readResumeText(fixture('binary.txt'), 'binary.txt')).rejects.toMatchObject({
      message: '"binary.txt" is not a text file; paste the text instead',
    });
  });
});
