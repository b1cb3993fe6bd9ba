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
  {
    id: 'a6',
    company: 'Halvorsen Motors',
    role: 'Software Engineer',
    jobUrl: null,
    website: 'https://www.hvm.com',
  },
  {
    id: 'a7',
    company: 'Cinder',
    role: 'Software Engineer',
    jobUrl: 'https://cinder.wd1.myworkdayjobs.com/x/job/1',
  },
  { id: 'a8', company: 'Cinder', role: 'Senior Software Engineer', jobUrl: null },
  {
    id: 'a9',
    company: 'Kestrel Labs',
    role: 'Backend Engineer',
    jobUrl: 'https://jobs.lever.co/kestrel/123',
  },
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
    expect(m).toEqual({
      applicationId: 'a2',
      score: 0.7,
      reasons: [
        "sender domain northwindtraders.com is the company's name",
        'role "Analytics Engineer" named',
      ],
    });
  });

  it('sends mail from a company with several applications to review when no role is named', () => {
    const m = matchEmailToApplication(
      {
        from: { address: 'talent@northwindtraders.com' },
        subject: 'Update',
        text: 'Thank you for applying.',
      },
      apps,
    );
    expect(m?.applicationId).toBeNull();
    expect(m?.reasons.at(-1)).toBe('you have 2 applications there and the mail does not say which role');
  });

  it('matches the sender domain to the job link domain and to the website field', () => {
    expect(
      matchEmailToApplication({ from: 'Jobs <jobs@fbrk.example>', subject: 'Update', text: 'Thanks.' }, apps)
        ?.reasons[0],
    ).toBe('sent from fbrk.example, the domain of the job link');
    const m = matchEmailToApplication(
      { from: 'j.okafor@hvm.com', subject: 'Next steps', text: 'Hello' },
      apps,
    );
    expect(m).toMatchObject({ applicationId: 'a6', reasons: ["sent from hvm.com, the company's website"] });
  });

  it('reads the employer from an ATS address and its display name, and records with the role', () => {
    const m = matchEmailToApplication(
      {
        from: { name: 'Kestrel Labs', address: 'no-reply@hire.lever.co' },
        subject: 'Kestrel Labs: Backend Engineer',
        text: 'Hi',
      },
      apps,
    );
    expect(m).toMatchObject({ applicationId: 'a9' });
    expect(m!.score).toBeGreaterThanOrEqual(0.6);
    const w = matchEmailToApplication(
      { from: 'cinder@myworkday.com', subject: 'Senior Software Engineer', text: '' },
      apps,
    );
    expect(w).toMatchObject({ applicationId: 'a8' });
    expect(w!.reasons[0]).toBe('workday sender cinder@myworkday.com names the company');
  });

  it('does not take a role named inside a longer role of another application there', () => {
    const m = matchEmailToApplication(
      {
        from: 'cinder@myworkday.com',
        subject: 'Your application',
        text: 'Thanks for applying to the Senior Software Engineer position.',
      },
      apps,
    );
    expect(m?.applicationId).toBe('a8');
  });

  it('sends a mail naming a role the user does not track there to review', () => {
    const m = matchEmailToApplication(
      {
        from: { name: 'Kestrel Labs', address: 'no-reply@hire.lever.co' },
        subject: 'Update',
        text: 'Thank you for applying to the Office Manager role at Kestrel Labs.',
      },
      apps,
    );
    expect(m?.applicationId).toBeNull();
    expect(m?.reasons.at(-1)).toBe('names the role "office manager", which you do not track there');
  });

  it('proposes, without recording, the company named in the text of a mail sent through an ATS', () => {
    const m = matchEmailToApplication(
      {
        from: { address: 'no-reply@greenhouse.io', name: 'Greenhouse' },
        subject: 'Thank you for applying',
        text: 'Thank you for applying to Fabrikam for the ML Engineer role.',
      },
      apps,
    );
    expect(m).toMatchObject({ applicationId: 'a3', score: 0.5 });
  });

  it('matches a known contact, and a sender the user confirmed before, even from a personal address', () => {
    expect(
      matchEmailToApplication(
        { from: { address: 'ana@gmail.com' }, subject: 'hello', text: 'quick question' },
        apps,
      ),
    ).toMatchObject({ applicationId: 'a4' });
    const learned = matchEmailToApplication(
      { from: 'ops@kestrel-mail.net', subject: 'Hi', text: 'A note' },
      apps,
      [{ sender: 'kestrel-mail.net', company: 'Kestrel Labs' }],
    );
    expect(learned).toMatchObject({
      applicationId: 'a9',
      reasons: ['sent from kestrel-mail.net, which you matched to Kestrel Labs before'],
    });
  });

  it('takes the application a contact is linked to when the role does not say', () => {
    const withContact = apps.map((a) =>
      a.id === 'a1' ? { ...a, contactEmails: ['kim@northwindtraders.com'] } : a,
    );
    const m = matchEmailToApplication(
      { from: 'kim@northwindtraders.com', subject: 'Hello', text: 'Quick note.' },
      withContact,
    );
    expect(m).toMatchObject({ applicationId: 'a1' });
    expect(m!.reasons[0]).toBe('sent by kim@northwindtraders.com, a contact there');
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
