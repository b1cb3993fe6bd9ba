import { describe, expect, it } from 'vitest';
import { guessMapping, overrideMapping } from './guess-mapping.ts';

describe('guessMapping', () => {
  it('recognises the LinkedIn applications export at once', () => {
    const m = guessMapping([
      'Application Date',
      'Contact Email',
      'Contact Phone Number',
      'Company Name',
      'Job Title',
      'Job Url',
      'Resume Name',
      'Question And Answers',
    ]);
    expect(m.layout?.id).toBe('linkedin-applications');
    expect(m.fields).toMatchObject({ appliedOn: 0, contact: 1, company: 3, role: 4, jobUrl: 5 });
    expect(m.confidence).toBe(1);
    expect(m.unmapped).toEqual(['Contact Phone Number', 'Resume Name', 'Question And Answers']);
  });

  it.each([
    [
      [
        'index',
        'createdAt',
        'applied',
        'appliedDate',
        'Company',
        'JobTitle',
        'jobType',
        'workplaceType',
        'Location',
        'JobSource',
        'Status',
      ],
      'jobsync',
    ],
    [['id', 'company_name', 'role', 'statusName', 'url'], 'teal'],
    [['Employer', 'Job Title', 'List', 'URL', 'Location', 'Salary', 'Date Saved', 'Notes'], 'huntr'],
    [['Company', 'Title', 'List', 'Date Applied'], 'huntr'],
    [['Saved Date', 'Job Url', 'Job Title', 'Company Name'], 'linkedin-saved-jobs'],
  ])('recognises %j as %s', (headers, id) => {
    expect(guessMapping(headers).layout?.id).toBe(id);
  });

  it('maps a home-made spreadsheet through aliases, case and punctuation aside', () => {
    const m = guessMapping([
      'Organisation',
      'Position',
      'date_applied',
      'Stage',
      'Job Link',
      'Follow-up Date',
      'Interview Date',
      'Comments',
    ]);
    expect(m.layout).toBeNull();
    expect(m.fields).toEqual({ company: 0, role: 1, appliedOn: 2, status: 3, jobUrl: 4, notes: 7 });
    expect(m.unmapped).toEqual(['Follow-up Date', 'Interview Date']);
    expect(m.confidence).toBe(1);
  });

  it('is less sure of a header that only contains an alias', () => {
    const m = guessMapping(['Company (legal name)', 'Role']);
    expect(m.fields.company).toBe(0);
    expect(m.confidence).toBeGreaterThan(0.4);
    expect(m.confidence).toBeLessThan(1);
  });

  it('reports missing required fields for unrecognisable columns', () => {
    const m = guessMapping(['Foo', 'Bar', 'Baz']);
    expect(m.missing).toEqual(['company', 'role']);
    expect(m.confidence).toBe(0);
    expect(m.unmapped).toEqual(['Foo', 'Bar', 'Baz']);
  });
});

describe('overrideMapping', () => {
  it('lets the user point a field at another column and clear one', () => {
    const m = overrideMapping(guessMapping(['Foo', 'Bar', 'Notes']), { company: 0, role: 1, notes: null });
    expect(m.fields).toEqual({ company: 0, role: 1 });
    expect(m.missing).toEqual([]);
    expect(m.unmapped).toEqual(['Notes']);
  });

  it('moves a column away from the field that had it', () => {
    const m = overrideMapping(guessMapping(['Company', 'Role', 'Notes']), { role: 2 });
    expect(m.fields).toEqual({ company: 0, role: 2 });
    expect(m.unmapped).toEqual(['Role']);
  });
});
