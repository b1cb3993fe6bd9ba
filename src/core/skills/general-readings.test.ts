import { describe, expect, it } from 'vitest';
import { shippedVocabulary } from '../../../test/support/skills-vocabulary.ts';
import { extractSkills } from './extract.ts';
import { buildMatcher } from './matcher.ts';
import { offTopicSections } from './off-topic.ts';

// Round eight: rules for whole classes of wrong skills seen on new postings (GUIDE.md: a skill is
// what the posting asks of the candidate or names as the field of the work).
const matcher = buildMatcher(shippedVocabulary);
const names = (text: string) => extractSkills(matcher, text).skills.map((s) => s.name);

describe('job titles in running text', () => {
  it("drops a method named in someone else's job title, but keeps the posting's own title", () => {
    expect(
      names('The successful Test Consultant / Automation Test Analyst will work with Selenium.'),
    ).not.toContain('Automation');
    expect(names('You will report to the Head of Purchasing and the Finance Director.')).not.toContain(
      'Procurement',
    );
    expect(names('Reporting to the HR Business Partner, you will advise managers.')).not.toContain(
      'HR Business Partnering',
    );
    // The posting's own title, when the text names nothing else, still says what the work is.
    expect(names('Payroll Administrator wanted for a busy accountancy practice.')).toContain('Payroll');
    expect(names('Work with partners across the county to deliver the plan.')).toContain(
      'Partnership Working',
    );
  });
});

describe('parties, departments and places the job deals with', () => {
  it('drops departments listed before "teams" or a committee, not work the candidate does', () => {
    expect(names('You will work with the buying and marketing teams on seasonal launches.')).not.toContain(
      'Marketing',
    );
    expect(names("You'll report to the Board's Audit and Risk Committee.")).not.toContain('Auditing');
    expect(
      names('Our finance team supports operations, marketing, property and the executive team.'),
    ).not.toContain('Marketing');
    expect(
      names('You will lead a team of nurses, carers, housekeepers and maintenance staff.'),
    ).not.toContain('Maintenance');
    expect(names('Experience in marketing is essential.')).toContain('Marketing');
  });

  it('drops fields named as a list of places or parties, but keeps fields asked as experience', () => {
    expect(names('You will work with schools, health visitors and the police.')).not.toContain('Education');
    expect(names('We provide building services to schools, hospitals, offices and retail parks.')).toEqual(
      expect.not.arrayContaining(['Education', 'Healthcare', 'Retail']),
    );
    expect(names('You will liaise with hauliers, shipping lines and HMRC.')).not.toContain('Road Haulage');
    expect(names('Maintain good relationships with neighbours and the local authority.')).not.toContain(
      'Public Sector',
    );
    expect(
      names("Our clients include universities, NHS trusts and some of London's best-known law firms."),
    ).not.toContain('Legal Services');
    expect(names('You have experience in schools, hospitals or care homes.')).toEqual(
      expect.arrayContaining(['Education', 'Healthcare']),
    );
    // Topics of the work listed together are not places.
    expect(
      names('You will draft policies on climate change, biodiversity and sustainable transport.'),
    ).toEqual(expect.arrayContaining(['Climate Change', 'Biodiversity']));
  });
});

describe('words that name a thing, a firm or a policy', () => {
  it('reads a method word naming a kind of thing as that thing', () => {
    expect(names('Use the cleaning chemicals safely and keep the cleaning cupboard locked.')).not.toContain(
      'Cleaning',
    );
    expect(names('You will do the cleaning of guest rooms.')).toContain('Cleaning');
  });

  it('reads "the organisation" as the company, not organisational skills', () => {
    expect(names("You'll improve developer experience across the organization.")).not.toContain(
      'Organization',
    );
    expect(names('You will work for a FTSE250 organisation.')).not.toContain('Organization');
    expect(names('You are well organised.')).toContain('Organization');
  });

  it('reads a product name joined by "&" to a word that is no skill as a firm name', () => {
    expect(names('Ember & Oak is an independent coffee shop.')).not.toContain('Ember.js');
    expect(names('Experience with Docker & Kubernetes.')).toEqual(
      expect.arrayContaining(['Docker', 'Kubernetes']),
    );
  });

  it('reads a product word that is also a job ("Product Designer", "Head Chef") as the job', () => {
    expect(names('Product Designer (Mobile), working on iOS and Android apps.')).not.toContain(
      'Oracle Designer',
    );
  });

  it('reads a field word that only describes another noun as that noun', () => {
    expect(names('Training follows government guidelines and is government-funded.')).not.toContain(
      'Public Sector',
    );
    expect(names('Our office is two minutes from the railway station.')).not.toContain('Transportation');
    expect(names('Read the handbook at your leisure.')).not.toContain('Sport and Fitness');
    expect(names('Experience in local government is essential.')).toContain('Public Sector');
  });

  it('keeps the work a list of duties names, and mentoring asked of the candidate', () => {
    expect(
      names('You will assess and treat musculoskeletal injuries, prescribe rehab and use manual therapy.'),
    ).toContain('Musculoskeletal');
    expect(names('- Mentor engineers and lead architecture reviews.')).toContain('Mentoring');
  });

  it('reads testing of samples, wiring or people as that, not software testing', () => {
    expect(names('Perform point-of-care testing and fixed wire testing.')).not.toContain('Software Testing');
    expect(names('Carry out routine testing of food samples.')).not.toContain('Software Testing');
    expect(names('You will own testing for our web app.')).toContain('Software Testing');
  });

  it('reads "public liability insurance" as a policy held, not the insurance field', () => {
    expect(names('Public liability insurance required.')).not.toContain('Insurance');
    expect(names('Experience in insurance is essential.')).toContain('Insurance');
  });

  it('reads month end as the month-end close, not financial reporting', () => {
    expect(names('At month end you will help with accruals.')).toContain('Month-end Close');
    expect(names('Support the year-end audit.')).not.toContain('Financial Reporting');
  });

  it("reads a hotel's night audit as that task, not auditing", () => {
    const found = names('On nights you will run the night audit on Opera PMS.');
    expect(found).toContain('Night Audit');
    expect(found).not.toContain('Auditing');
  });

  it('reads "cash and banking" in a shop as cash handling, not the banking field', () => {
    const found = names('Open and close the store, handle cash and banking.');
    expect(found).toContain('Cash Handling');
    expect(found).not.toContain('Banking');
  });

  it('drops what a sentence about the product says the product does', () => {
    expect(
      names('Our products help children learn to read with phonics games and teachers track progress.'),
    ).not.toContain('Phonics');
    expect(names('Fieldmark helps grain co-ops manage contracts, inventory and payments.')).not.toContain(
      'Contract Management',
    );
    expect(names('You will teach phonics to Year 1.')).toContain('Phonics');
    expect(names('You will help clients manage contracts.')).toContain('Contract Management');
  });

  it('reads a language listed before companies or markets as a nationality', () => {
    expect(
      names('We build dashboards for German and Dutch energy companies, and we work in English.'),
    ).not.toContain('German');
    expect(names('Fluent German and Dutch are required.')).toContain('German');
  });
});

describe('what the posting says is not needed', () => {
  it("drops a skill the sentence says the candidate doesn't need", () => {
    expect(names("You don't need to know our EPOS system; we'll train you.")).not.toContain('Point of Sale');
    expect(names("We don't use Java or PHP anywhere.")).toEqual([]);
    expect(names('German is not required.')).not.toContain('German');
    expect(names("You don't need a driving licence.")).not.toContain('Driving Licence');
    expect(names('No prior experience with Vue is required.')).not.toContain('Vue.js');
    expect(names('Supervisory Responsibilities: None.')).not.toContain('Staff Supervision');
  });

  it('drops a skill the posting says it is not looking for', () => {
    expect(names('We are not looking for Java developers.')).toEqual([]);
    expect(names("We aren't looking for Java experience.")).toEqual([]);
    expect(names('There is no need for Java here.')).toEqual([]);
    expect(names("You don't need Java.")).toEqual([]);
    expect(names('Java is not required.')).toEqual([]);
    expect(names('We are looking for Java developers.')).toEqual(['Java']);
  });

  it('keeps a nice-to-have, and the work the job does even when no experience is needed', () => {
    expect(names('AAT would be useful but is not required.')).toContain('AAT qualification');
    expect(names('A full driving licence is required.')).toContain('Driving Licence');
    expect(names('No previous phlebotomy experience is necessary.')).toContain('Phlebotomy');
  });
});

describe('headings of company, benefits, equality and application sections', () => {
  it('knows more of the headings postings use', () => {
    const text = [
      'Data Analyst',
      'The company',
      'We sell homeware.',
      'Life at Brightfield',
      'Free lunches.',
      'Equality, diversity and inclusion',
      'We welcome everyone.',
      'Interested?',
      'Send your CV.',
    ].join('\n');
    expect(offTopicSections(text).map((s) => s.kind)).toEqual([
      'company',
      'benefits',
      'equality',
      'applying',
    ]);
  });
});
