import { describe, expect, it } from 'vitest';
import {
  dedupeKeys,
  findContactHeader,
  guessContactMapping,
  planContactImport,
} from './connections-import.ts';
import { contactsByCompany, peopleAt } from './people.ts';

const rows = (lines: string[][], from = 1) => lines.map((cells, i) => ({ line: from + i, cells }));

const LINKEDIN = ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'];

describe('finding the header', () => {
  it('skips LinkedIn’s notes above the header', () => {
    const found = findContactHeader(
      rows([['Notes:'], ['When exporting your connection data, you may notice…'], LINKEDIN]),
    );
    expect(found?.index).toBe(2);
    expect(found?.mapping).toMatchObject({
      firstName: 0,
      lastName: 1,
      linkedinUrl: 2,
      email: 3,
      company: 4,
      role: 5,
    });
  });

  it('reads a generic contacts header', () => {
    expect(guessContactMapping(['Full Name', 'E-mail', 'Organization', 'Job Title'])).toEqual({
      name: 0,
      email: 1,
      company: 2,
      role: 3,
    });
    expect(guessContactMapping(['Company', 'Role', 'Status'])).toBeNull();
  });
});

describe('planContactImport', () => {
  const header = LINKEDIN;
  const ana = [
    'Ana',
    'Ruiz',
    'https://www.linkedin.com/in/ana-ruiz',
    '',
    'Acme Inc.',
    'Engineer',
    '14 Mar 2024',
  ];

  it('plans new people and names bad lines by number', () => {
    const plan = planContactImport(
      rows([header, ana, ['', '', '', '', 'Acme', '', ''], ['Bo', 'Li', '', 'bo@', 'Acme', '', '']]),
      [],
    );
    expect(plan.create).toHaveLength(1);
    expect(plan.create[0]).toMatchObject({
      name: 'Ana Ruiz',
      company: 'Acme Inc.',
      connectedOn: '2024-03-14',
      line: 2,
    });
    expect(plan.errors).toEqual([
      { line: 3, message: 'no name (the name columns are empty)' },
      { line: 4, message: 'email: "bo@" does not look like an email address' },
    ]);
  });

  it('matches people already kept by email, else LinkedIn address, else name and company', () => {
    const existing = [
      { id: 'c1', name: 'Someone Else', company: null, email: 'tobias@example.org', linkedinUrl: null },
      { id: 'c2', name: 'Ana R.', company: null, email: null, linkedinUrl: 'linkedin.com/in/Ana-Ruiz/' },
      { id: 'c3', name: 'Kwame Asante', company: 'Tailspin Toys Ltd', email: null, linkedinUrl: null },
    ];
    const plan = planContactImport(
      rows([
        header,
        ['Tobias', 'Lindqvist', 'https://www.linkedin.com/in/tl', 'Tobias@Example.org', 'ACME', '', ''],
        ana,
        ['Kwame', 'Asante', 'https://www.linkedin.com/in/kwame', '', 'Tailspin Toys', '', ''],
        ana,
      ]),
      existing,
    );
    expect(plan.merge.map((m) => m.contactId)).toEqual(['c1', 'c2', 'c3']);
    expect(plan.create).toEqual([]);
    expect(plan.repeatedInFile).toEqual([5]);
  });

  it('says what it looked for when no header names people', () => {
    const plan = planContactImport(
      rows([
        ['Company', 'Role'],
        ['Acme', 'Engineer'],
      ]),
      [],
    );
    expect(plan.errors[0]?.message).toMatch(/no header naming people/);
  });

  it('gives each person keys from strongest to weakest', () => {
    expect(
      dedupeKeys({
        name: 'Élodie Marchetti',
        company: 'Contoso Corporation',
        email: null,
        linkedinUrl: null,
      }),
    ).toEqual(['name:elodie marchetti|contoso']);
  });
});

describe('people at a company', () => {
  it('finds "Acme Inc.", "ACME" and "Acme Corporation" as one company, connections first', () => {
    const contacts = [
      { id: '1', name: 'Zoe', company: 'ACME', role: null, email: null, linkedinUrl: null, connection: null },
      {
        id: '2',
        name: 'Yan',
        company: 'Acme Corporation',
        role: null,
        email: null,
        linkedinUrl: null,
        connection: { source: 'linkedin', connectedOn: null },
      },
      {
        id: '3',
        name: 'Xu',
        company: 'Acmeworks',
        role: null,
        email: null,
        linkedinUrl: null,
        connection: null,
      },
    ];
    expect(peopleAt('Acme Inc.', contactsByCompany(contacts)).map((p) => p.name)).toEqual(['Yan', 'Zoe']);
  });
});
