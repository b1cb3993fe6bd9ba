import { describe, expect, it } from 'vitest';
import { type MatchableApplication, matchEmailToApplication } from './match-email.ts';

const apps: MatchableApplication[] = [
  {
    id: 'a1',
    company: 'Northwind Traders',
    role: 'Data Analyst',
    jobUrl: 'https://www.linkedin.com/jobs/view/1',
  },
  { id: 'a2', company: 'Northwind Traders', role: 'Analytics Engineer', jobUrl: null },
  { id: 'a3', company: 'Fabrikam, Inc.', role: 'ML Engineer', jobUrl: 'https://careers.fbrk.example/jobs/7' },
  { id: 'a4', company: 'Contoso', role: 'Designer', jobUrl: null, contactEmails: ['ana@gmail.com'] },
  { id: 'a5', company: 'Data Systems Group', role: 'Engineer', jobUrl: null },
];

describe('matchEmailToApplication', () => {
  it('matches the sender domain to the company and the role in the subject to one of its applications', () => {
    const m = matchEmailToApplication(
      {
        from: { address: 'talent@northwindtraders.com' },
        subject: 'Your application for Analytics Engineer',
        text: 'Hi',
      },
      apps,
    );
    expect(m).toMatchObject({ applicationId: 'a2' });
    expect(m!.reasons).toEqual([
      'sender domain northwindtraders.com matches the company name',
      'role "Analytics Engineer" named in the subject',
    ]);
    expect(m!.score).toBe(0.75);
  });

  it('matches the sender domain to the job link domain', () => {
    const m = matchEmailToApplication(
      { from: 'Jobs <jobs@fbrk.example>', subject: 'Update', text: 'Thanks for your interest.' },
      apps,
    );
    expect(m).toMatchObject({ applicationId: 'a3' });
    expect(m!.reasons[0]).toMatch(/matches the job link/);
  });

  it('finds the company named in the text of a mail sent through an ATS', () => {
    const m = matchEmailToApplication(
      {
        from: { address: 'no-reply@greenhouse.io', name: 'Greenhouse' },
        subject: 'Thank you for applying',
        text: 'Thank you for applying to Fabrikam for the ML Engineer role.',
      },
      apps,
    );
    expect(m).toMatchObject({ applicationId: 'a3', score: 0.45 });
  });

  it('matches a known contact even from a personal address', () => {
    expect(
      matchEmailToApplication(
        { from: { address: 'ana@gmail.com' }, subject: 'hello', text: 'quick question' },
        apps,
      ),
    ).toMatchObject({
      applicationId: 'a4',
    });
  });

  it('returns null when nothing points to an application', () => {
    expect(
      matchEmailToApplication(
        { from: { address: 'deals@shop.example' }, subject: '5% off', text: 'Weekend sale on data cables' },
        apps,
      ),
    ).toBeNull();
  });

  it('does not match on a common word of a company name alone', () => {
    expect(
      matchEmailToApplication(
        { from: { address: 'x@y.example' }, subject: 'Your group data', text: 'systems update' },
        apps,
      ),
    ).toBeNull();
  });
});
