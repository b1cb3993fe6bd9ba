import { describe, expect, it } from 'vitest';
import { shippedVocabulary } from '../../../test/support/skills-vocabulary.ts';
import { extractSkills } from './extract.ts';
import { buildMatcher } from './matcher.ts';
import { offTopicSections } from './off-topic.ts';

const matcher = buildMatcher(shippedVocabulary);
const names = (text: string) => extractSkills(matcher, text).skills.map((s) => s.name);
const mentions = (text: string, name: string) =>
  extractSkills(matcher, text)
    .skills.find((s) => s.name === name)
    ?.spans.map(([a, b]) => text.slice(a, b)) ?? [];

describe('sections that are not about the candidate', () => {
  it('finds the company blurb, benefits, equal opportunities and how to apply by their headings', () => {
    const text = [
      'Data Analyst',
      'About us',
      'We build software for clinics.',
      'The role',
      'Write SQL.',
      'What we offer',
      '- Private healthcare',
      'Equal opportunities',
      'We welcome everyone.',
      'How to apply',
      'Send your CV.',
    ].join('\n');
    const kinds = offTopicSections(text).map((s) => [s.kind, text.slice(s.start, s.end).split('\n')[0]]);
    expect(kinds).toEqual([
      ['company', 'About us'],
      ['benefits', 'What we offer'],
      ['equality', 'Equal opportunities'],
      ['applying', 'How to apply'],
    ]);
  });

  it('ends a section at the next heading, and an inline heading covers its own line only', () => {
    const text =
      'About Brightlane\nWe sell to schools.\n\nYour day\nTeach phonics.\nBenefits: coaching, pension\nMentoring juniors is part of the job.';
    const sections = offTopicSections(text);
    expect(sections.map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'About Brightlane\nWe sell to schools.',
      'Benefits: coaching, pension',
    ]);
  });

  it('keeps "About the role" and "About you" on topic', () => {
    expect(offTopicSections('Title\nAbout the role\nx\nAbout you\ny')).toEqual([]);
  });

  it('drops fields, methods and people words in the company blurb but keeps the tools the team uses', () => {
    const text =
      'Data Analyst\nWho we are\nA digital health company working with hospitals. We value teamwork and use Slack and Jira every day.\nRequirements\n- Strong SQL and teamwork';
    expect(names(text)).toEqual(['Slack', 'Jira', 'SQL', 'Teamwork']);
    expect(mentions(text, 'Teamwork')).toHaveLength(1);
  });

  it('drops perks under a benefits heading, but not the same skill asked for elsewhere', () => {
    const text =
      'Staff Nurse\nAbout you\n- Experience in a hospital setting\n- You enjoy mentoring students\nWhat we offer\n- Private medical insurance, coaching and mentoring\n- Courses in leadership and Excel';
    expect(names(text)).toEqual(['Healthcare', 'Mentoring']);
    expect(mentions(text, 'Mentoring')).toEqual(['mentoring']);
  });

  it('drops everything in the equal-opportunities statement and how to apply', () => {
    const text =
      'Chef\nYou have a Level 2 Food Hygiene certificate.\nEqual opportunities\nWe value leadership and teamwork from every background.\nHow to apply\nSend your CV in Word or PDF.';
    expect(names(text)).toEqual(['Food Hygiene Certificate']);
  });

  it('reads an equal-opportunities sentence with no heading, unless it gives the job a duty', () => {
    expect(names('We are an equal opportunity employer and value leadership from every background.')).toEqual(
      [],
    );
    expect(names('You will promote equality and diversity and lead safeguarding in class.')).toContain(
      'Safeguarding',
    );
  });

  it('does not count the file format of the CV, but keeps a tool named in the same sentence', () => {
    expect(names('Please send your CV in Word or PDF format.')).toEqual([]);
    expect(names('Send your CV and tell us about your Python projects.')).toEqual(['Python']);
  });
});

describe('workplace nouns', () => {
  it('count where they name the place of the work or of the experience wanted', () => {
    expect(names('You have experience in a hospital setting.')).toEqual(['Healthcare']);
    expect(names('A busy bistro in Leeds needs a chef.')).toEqual(['Hospitality']);
    expect(names('Our factory makes aluminium parts for trains.')).toEqual(['Manufacturing']);
    expect(names('Previous school experience is essential.')).toEqual(['Education']);
    expect(names('You have worked with schools before.')).toEqual(['Education']);
  });

  it('do not count inside a name', () => {
    expect(names("Join the team at St Mary's Hospital as a porter.")).toEqual([]);
    expect(names('Courses at Code Academy are free for staff.')).toEqual([]);
    expect(names('Porter\nSchool Lane is closed on Fridays.')).toEqual([]);
  });

  it('do not count as amenities, landmarks or words that describe something else', () => {
    expect(names('Our office has a gym, a rooftop bar and a café.')).toEqual([]);
    expect(names('There is an on-site cafe and a staff nursery.')).toEqual([]);
    expect(names('The office is close to the hospital.')).toEqual([]);
    expect(names('Parking is on the hospital site.')).toEqual([]);
    expect(names('You will not work in the school holidays.')).toEqual([]);
  });

  it('count once when the same place is named again with "the"', () => {
    const text = 'Our factory in Wakefield supplies bakeries. The factory has free parking.';
    expect(mentions(text, 'Manufacturing')).toEqual(['factory']);
  });
});

describe('broad method words', () => {
  it('do not count in sentences about the company that ask nothing', () => {
    expect(names('Our offices are closed for maintenance over Christmas.')).toEqual([]);
    expect(names('We are trialling a four-day week and testing new ways of working.')).toEqual([]);
    expect(names('Join a team that values mentoring and coaching.')).toEqual([]);
    expect(names('The role offers coaching and mentoring from senior engineers.')).toEqual([]);
  });

  it('do not count as perks', () => {
    expect(names('There are networking opportunities and a recruitment bonus.')).toEqual([]);
    expect(names('You will build a network of suppliers and run networking events.')).toEqual([]);
    expect(names('Paid mileage and free DBS.')).toEqual([]);
  });

  it('count when the sentence is about the work or the person, or names a tool', () => {
    expect(names('You will carry out planned maintenance.')).toEqual(['Maintenance']);
    expect(names('We do our testing with Cypress.')).toEqual(['Software Testing', 'Cypress']);
    expect(names('- Maintenance')).toEqual(['Maintenance']);
    expect(names('Our team handles payroll and bookkeeping.')).toEqual(['Payroll', 'Bookkeeping']);
  });
});

describe('long postings: who the words are about', () => {
  it("drops the company's customers, product and regulator, and salary shorthand", () => {
    const text = [
      'Staff Accountant',
      'Mesa Outdoor Co. makes camping gear. Our team ships to retailers in 14 countries.',
      "We've been rated Good by the CQC and our school gets the best GCSE results in the county.",
      'Lumio is project management software for architecture and engineering firms.',
      'Salary: $62,000–$70,000 DOE.',
      'You will prepare journal entries and account reconciliations.',
    ].join('\n');
    const found = names(text);
    for (const name of ['Retail', 'CQC Compliance', 'GCSE', 'Project Management', 'DOE'])
      expect(found).not.toContain(name);
    expect(found).toContain('Reconciliation');
  });

  it('counts a people word on a line of the requirements list, and the tools the team uses among the perks', () => {
    const text = [
      'Frontend Engineer',
      "What we're looking for",
      '- Clear written communication; we are a remote team and most decisions happen in writing.',
      '',
      'What we offer: a laptop and 25 days holiday. We use Slack and Notion internally.',
    ].join('\n');
    const found = names(text);
    expect(found).toContain('Written Communication');
    expect(found).toContain('Slack');
    expect(
      names('About us\nWe are a remote team. Clear written communication; most decisions happen in writing.'),
    ).not.toContain('Written Communication');
  });

  it('reads a header line and an organisation name as the employer', () => {
    const text =
      'Policy Officer\nCaerwent County Council — Grade 7\nYou will draft policies for the public sector.';
    expect(mentions(text, 'Public Sector')).toEqual(['public sector']);
  });

  it('reads a product name opening the name of a hospital or school as that place', () => {
    const text = 'Northgate Hospital is rated Good by the CQC. You must hold NMC registration.';
    expect(names(text)).not.toContain('Northgate');
    expect(names('You will use Northgate to manage rent accounts.')).toContain('Northgate');
  });

  it('reads a method in a range "from X to Y" as a stage of the work, a field there as a customer', () => {
    expect(names('- Plan and run email campaigns in HubSpot, from copy to A/B tests to reporting')).toContain(
      'A/B Testing',
    );
    expect(names('Around 60 client payrolls, from sole traders to a large manufacturer.')).not.toContain(
      'Manufacturing',
    );
  });

  it('knows clean code, and both degrees of "BS/MS"', () => {
    expect(names('Good understanding of clean code, TDD and CI/CD.')).toContain('Clean Code');
    expect(names('BS/MS degree in computer science.')).toEqual([
      "Bachelor's Degree",
      "Master's Degree",
      'Computer Science',
    ]);
  });

  it('knows SOAP as written, and SOAP notes as clinical documentation', () => {
    expect(names('Knowledge of SOAP and REST services.')).toContain('SOAP');
    expect(names('Wash hands with soap and water.')).toEqual([]);
    expect(names('Write SOAP notes after each session.')).toEqual(['Clinical Documentation']);
  });

  it("reads a product name opening a firm's name in the header as the employer", () => {
    expect(
      names('Warehouse Team Leader\nNorthgate Distribution, Wakefield\nYou will run the night shift.'),
    ).not.toContain('Northgate');
    expect(names('Experience with Northgate Revenues & Benefits is desirable.')).toContain('Northgate');
  });
});

describe('a soft skill the company says it has', () => {
  it('is not asked when the company describes itself, even with "great" or "good"', () => {
    expect(names('Our team has a great sense of humour and loves Friday lunches.')).toEqual([]);
    expect(names('We are a friendly bunch with a good sense of humour.')).toEqual([]);
  });

  it('is asked once the sentence turns to the person wanted', () => {
    expect(names('We need someone with a great sense of humour.')).toEqual(['Sense of Humour']);
    expect(names('You bring a sense of humour and patience.')).toContain('Sense of Humour');
    expect(names('We are looking for strong communication skills.')).toEqual(['Communication']);
  });
});

describe('round thirteen: vocabulary surfaces that named another thing', () => {
  it('reads "peripherals" and "daily checks" as printer support and vehicle checks only with those words', () => {
    expect(names('Write drivers for the board peripherals over SPI and I2C.')).not.toContain(
      'Printer Support',
    );
    expect(names('Support desktops, printers and peripherals.')).toContain('Printer Support');
    expect(names('Do the daily checks on the press brake before each shift.')).not.toContain(
      'Vehicle Inspection',
    );
    expect(names('Carry out daily vehicle checks on the van.')).toContain('Vehicle Inspection');
  });

  it('reads GRASS as the GIS only in capitals', () => {
    expect(names('Our ewes graze a grass and clover ley all summer.')).not.toContain('GRASS');
    expect(names('Spatial analysis in QGIS and GRASS.')).toContain('GRASS');
  });

  it('reads "food hygiene" as the practice and the certificate only with its level or "certificate"', () => {
    const training = names('Train new volunteers in food hygiene and allergens.');
    expect(training).toContain('Food Safety');
    expect(training).not.toContain('Food Hygiene Certificate');
    expect(names('You hold a food hygiene certificate.')).toContain('Food Hygiene Certificate');
    expect(names('Level 3 Food Safety is essential.')).toContain('Food Hygiene Certificate');
  });

  it('keeps a longer name whole instead of the broad word inside it', () => {
    const lab = names('Clean the laminar airflow hood and the incubators every week.');
    expect(lab).toContain('Laminar Flow Hood');
    expect(lab).not.toContain('Apache Airflow');
    const release = names('Ship builds through App Store Connect and the Play Console.');
    expect(release).toEqual(expect.arrayContaining(['App Store Connect', 'Google Play Console']));
    expect(release).not.toContain('App Store');
    const pentest = names('You will lead infrastructure testing and password auditing for our clients.');
    expect(pentest).toEqual(expect.arrayContaining(['Infrastructure Testing', 'Password Auditing']));
    expect(pentest).not.toContain('Software Testing');
    expect(pentest).not.toContain('Auditing');
    expect(names('Register Avro schemas in the Confluent Schema Registry.')).not.toContain('Confluent');
  });

  it('knows Haitian Creole by either name', () => {
    expect(names('Fluent Haitian Creole or Spanish is a plus.')).toContain('Haitian Creole');
    expect(names('Fluent Haitian or Spanish is a plus.')).toContain('Haitian Creole');
  });
});

describe('round thirteen: what the company builds, makes and names', () => {
  it('drops places in a list of what the company builds even when the sentence later asks for someone experienced', () => {
    const text =
      'Harlow Joinery is a builder of 40 people delivering schools, care homes and retail units across Essex, and we need an experienced site joiner.';
    const found = names(text);
    expect(found).not.toContain('Education');
    expect(found).not.toContain('Social Care');
    expect(names('You have experience in schools, care homes or nurseries.')).toContain('Education');
  });

  it('reads one building named as the project the work is on as the thing built', () => {
    const found = names(
      'You will join the site team on a new-build secondary school project, then a care home extension.',
    );
    expect(found).not.toContain('Education');
    expect(found).not.toContain('Social Care');
    expect(names('You will teach maths in a busy secondary school.')).toContain('Education');
  });

  it('reads a building restored or once used for something else as a building', () => {
    expect(names('The bakery sits in a restored Victorian warehouse by the canal.')).not.toContain(
      'Logistics',
    );
    expect(names('Pick and pack orders in our warehouse.')).toContain('Logistics');
  });

  it('reads lab tests of moulds, yeasts and swabs as lab work, not software testing', () => {
    expect(names('Run yeast and mould testing on finished product.')).not.toContain('Software Testing');
    expect(names('You own the testing of our web app.')).toContain('Software Testing');
  });

  it('reads a manufacturer whose instructions the work follows as the maker, not the field', () => {
    expect(names("Install boilers to the manufacturer's instructions.")).not.toContain('Manufacturing');
    expect(names('Fit windows to manufacturer and building regulation standards.')).not.toContain(
      'Manufacturing',
    );
    expect(names('Five years with a food manufacturer in a quality role.')).toContain('Manufacturing');
    expect(names('Five years at a manufacturer with high quality standards.')).toContain('Manufacturing');
  });

  it('reads IPS before panels as bathroom panels, not intrusion prevention', () => {
    expect(names('Fit vanity units, WCs and IPS panels.')).not.toContain('IPS');
    expect(names('Tune the firewall and IPS rules.')).toContain('IPS');
    expect(names('Deploy the firewall and IPS units.')).toContain('IPS');
  });

  it('reads Java in a sentence about coffee as the drink', () => {
    expect(names('Try our dark roast blend, Midnight Java, with your morning espresso.')).not.toContain(
      'Java',
    );
    expect(names('Build backend services in Java; coffee is on us.')).toContain('Java');
    expect(names('Hands-on experience with Java Beans.')).toContain('Java');
  });

  it("reads a name the company gives its own product as that product's name", () => {
    expect(names('Our most popular shade, Sage Meadow, sells out every spring.')).not.toContain('Sage');
    expect(names('Post invoices in Sage and chase late payers.')).toContain('Sage');
    expect(names('We track work in a tool called Jira.')).toContain('Jira');
    expect(names('Our paint range called Sage Meadow sells well.')).not.toContain('Sage');
  });

  it('does not ask for what the work is done without', () => {
    expect(names('You can plan a route and read a map without GPS.')).not.toContain('GPS');
    expect(names("You can't start on site without a CSCS card.")).toContain('CSCS Card');
    expect(names('Plan routes with GPS and a paper map.')).toContain('GPS');
  });

  it('reads a practice before "partner" or "agency" after "our" as another firm doing it', () => {
    expect(names('Work in Unity and C#, and fix bugs reported by our QA partner.')).not.toContain(
      'Quality Assurance',
    );
    expect(names('Work in Unity and C#, and own QA for each release.')).toContain('Quality Assurance');
  });
});

describe('round thirteen: longer names in law and animal care', () => {
  it('reads "animal health and welfare" as animal welfare and PERM recruitment as the labour certification', () => {
    const welfare = names('Knowledge of animal health and welfare law.');
    expect(welfare).toContain('Animal Welfare');
    expect(welfare).not.toContain('Veterinary');
    const perm = names('Run PERM recruitment for our sponsored employees.');
    expect(perm).toContain('PERM Labor Certification');
    expect(perm).not.toContain('Recruiting');
  });
});

describe('round thirteen: perks of time, and longer names of methods', () => {
  it('drops what a perk sentence gives time for', () => {
    const text = 'Each analyst gets five days a year for conferences, courses or open source work.';
    expect(names(text)).not.toContain('Open Source');
    expect(names('You contribute to open source projects in Go.')).toContain('Open Source');
  });

  it('reads lean manufacturing as Lean and person-centred care plans as care planning', () => {
    const shop = names('Apply lean manufacturing and 5S on the line.');
    expect(shop).toContain('Lean');
    expect(shop).not.toContain('Manufacturing');
    const care = names('Follow each resident’s person-centred care plans.');
    expect(care).toContain('Care Planning');
    expect(care).not.toContain('Person-Centred Care');
  });
});

describe('round thirteen: the range and the topics of the work', () => {
  it('reads "from … to" as a range of customers for fields only, not for the methods of the work', () => {
    expect(
      names(
        '- Build screens in Flutter, from the navigation stack to the REST and GraphQL calls behind them.',
      ),
    ).toEqual(expect.arrayContaining(['REST APIs', 'GraphQL']));
    expect(names('We sell to everyone from sole traders to hospitals.')).not.toContain('Healthcare');
  });

  it('keeps the topics of training the job delivers', () => {
    expect(
      names('- Deliver induction training on fire safety, manual handling, safeguarding and first aid.'),
    ).toEqual(expect.arrayContaining(['Manual Handling', 'Safeguarding']));
  });
});

describe('round thirteen: a language named in a writing skill', () => {
  it('reads "written English" as written communication and English both', () => {
    const text = '- Strong numeracy and written English.';
    expect(names(text)).toEqual(expect.arrayContaining(['Written Communication', 'English']));
    expect(mentions(text, 'English')).toEqual(['English']);
    expect(mentions(text, 'Written Communication')).toEqual(['written English']);
  });
});

describe('round thirteen: a list item of languages alone', () => {
  it('reads a line of two or more languages and nothing else as languages spoken', () => {
    const text = 'Bonus points\n- Experience with Freshdesk.\n- Gujarati, Polish or Welsh\n';
    expect(names(text)).toEqual(expect.arrayContaining(['Gujarati', 'Polish', 'Welsh']));
    expect(names('Our offices\n- Poland, Spain\n')).toEqual([]);
  });
});

describe('round thirteen: a condition of the post', () => {
  it('asks for a check the post is subject to, even among the perks or the equal-opportunities lines', () => {
    const text = [
      'Benefits',
      '- A pension and 28 days of leave.',
      '',
      'We welcome applications from everyone. The role is subject to a satisfactory enhanced DBS check.',
    ].join('\n');
    expect(names(text)).toContain('DBS check');
    expect(names('Benefits\n- A paid DBS check and free uniform.')).not.toContain('DBS check');
    expect(
      names('We are an equal opportunities employer, and the role requires no DBS check.'),
    ).not.toContain('DBS check');
  });
});

describe('round thirteen: how well a product sells', () => {
  it('reads "best-selling" as how a product sells, not the work of selling', () => {
    expect(names('You will restock our best-selling mugs and serve customers.')).not.toContain('Sales');
    expect(names('You enjoy selling to new customers.')).toContain('Sales');
  });
});

describe('round thirteen: a data warehouse named by its product', () => {
  it('reads "warehouse" after a data platform as that platform, not logistics', () => {
    expect(names('Query our BigQuery warehouse with SQL and build Looker dashboards.')).not.toContain(
      'Logistics',
    );
    expect(names('You will pick and pack orders in our warehouse.')).toContain('Logistics');
  });
});
