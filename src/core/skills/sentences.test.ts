import { describe, expect, it } from 'vitest';
import { shippedVocabulary } from '../../../test/support/skills-vocabulary.ts';
import { extractSkills } from './extract.ts';
import { buildMatcher } from './matcher.ts';
import { extractJobSkills } from './sections.ts';
import { sentenceAt, sentenceText } from './sentence-cache.ts';

const matcher = buildMatcher(shippedVocabulary);
const names = (text: string) => extractSkills(matcher, text).skills.map((s) => s.name);

describe('sentences', () => {
  it('finds the sentence around a position, across bullets and line breaks', () => {
    const text = 'We ship weekly. You know Node.js well!\n• Docker is a plus';
    const at = text.indexOf('Node.js');
    expect(text.slice(...sentenceAt(text, at))).toBe('You know Node.js well!');
    expect(sentenceText(text, text.indexOf('Docker'))).toBe('Docker is a plus');
  });
});

describe('spoken languages', () => {
  it('reads a language someone speaks, not an adjective', () => {
    expect(names('Fluent English and business-level German are required.')).toEqual(['English', 'German']);
    expect(names('German is a plus; the team works in English.')).toEqual(['German', 'English']);
    expect(names('Polish or Romanian speakers welcome.')).toEqual(['Polish', 'Romanian']);
    expect(names('We sell to the German market and sponsor an English football club.')).toEqual([]);
  });

  it('reads "good English" and "strong English skills" as the language asked', () => {
    expect(names('Requirements:\n- Good English and basic Excel')).toEqual(['English', 'Microsoft Excel']);
    expect(names('You will need excellent English, written and spoken.')).toEqual(['English']);
    expect(names('Strong English skills are essential; basic German is a plus.')).toEqual([
      'English',
      'German',
    ]);
    expect(names('Guests love our good English breakfast.')).toEqual([]);
  });
});

describe('working-with-people skills', () => {
  it('counts them only when the sentence asks them of the candidate', () => {
    expect(names('Our organization is growing fast.')).toEqual([]);
    expect(names('You have strong organizational skills.')).toEqual(['Organization']);
    expect(names('You communicate clearly with non-technical colleagues.')).toEqual(['Communication']);
    expect(names('Decision-making in our team is shared.')).toEqual([]);
    expect(names('Attention to detail and good customer service are a must.')).toEqual([
      'Attention to Detail',
      'Customer Service',
    ]);
  });
});

describe('everyday words that are product names', () => {
  it('leaves workday, "excel at" and the verb go alone', () => {
    expect(names('A normal workday ends at five. You excel at planning. Excel at speed.')).toEqual([]);
    expect(names('We keep records in Workday and model in Excel.')).toEqual(['Workday', 'Microsoft Excel']);
  });
});

describe('case and spelling variants', () => {
  it('reads c#, qa, rest api, . net, web-services and spring in a technical context', () => {
    expect(names('strong c# skills and qa experience')).toEqual(['C#', 'Quality Assurance']);
    expect(names('Build a rest api with web-services')).toEqual(['REST APIs', 'Web Services']);
    expect(names('C# and . net on the backend')).toEqual(['C#', '.NET']);
    expect(names('java/spring microservices')).toEqual(['Java', 'Spring Boot', 'Microservices']);
    expect(names('This spring we moved offices.')).toEqual([]);
  });

  it('reads react, node, express, jest and rust in lower case beside other programming names only', () => {
    expect(names("you'll work in typescript with react on the front and node/express on the back")).toEqual([
      'TypeScript',
      'React',
      'Node.js',
      'Express',
    ]);
    expect(names('tests in jest and cypress; some services in rust and go')).toEqual(
      expect.arrayContaining(['Jest', 'Cypress', 'Rust']),
    );
    // Beside a tool that is no programming name, the everyday word stays a word.
    expect(names('Track vehicles on Microlise telematics and react when things go wrong.')).not.toContain(
      'React',
    );
    expect(names('Treat rust on trailers and log the work in SAP PM.')).not.toContain('Rust');
    expect(names('Express your ideas in Excel and PowerPoint.')).not.toContain('Express');
  });

  it('does not read methods into ordinary words', () => {
    expect(names('We value documentation.')).not.toContain('Technical Writing');
    expect(names('A culture of experimentation and continuous improvement.')).toEqual([]);
  });
});

describe('fields of study', () => {
  it('counts an everyday field only in a sentence about a degree', () => {
    // "a degree" is asked too, so it is a chip of its own.
    expect(names('You hold a degree in finance or economics.')).toEqual([
      "Bachelor's Degree",
      'Finance',
      'Economics',
    ]);
    expect(names('You will join the finance team.')).toEqual([]);
    expect(names('A BSc in computer science.')).toEqual(["Bachelor's Degree", 'Computer Science']);
  });
});

describe('required or nice to have, per sentence', () => {
  const JOB =
    'We build payment rails in Go and PostgreSQL. You have 4+ years of backend development and solid testing habits. ' +
    'Experience in fintech is a plus. We need someone with product sense, ideally from e-commerce. Bonus: Kafka.';
  const skills = extractJobSkills(matcher, JOB);
  const by = Object.fromEntries(skills.map((s) => [s.name, s]));
  /** Each skill of `text` with how strongly it is asked and why. */
  const strength = (text: string) =>
    extractJobSkills(matcher, text).map((x) => [x.name, x.importance, x.reason]);

  it('reads a one-paragraph posting sentence by sentence', () => {
    expect(by.Go).toMatchObject({ required: true, importance: 'mentioned' });
    expect(by['Backend Development']).toMatchObject({
      required: true,
      importance: 'required',
      reason: 'says "You have"',
    });
    expect(by['Software Testing']?.required).toBe(true);
    expect(by.Fintech).toMatchObject({ required: false, reason: 'says "plus"' });
    expect(by['E-commerce']).toMatchObject({ required: false, reason: 'says "ideally"' });
    expect(by['Apache Kafka']).toMatchObject({ required: false, reason: 'says "Bonus"' });
  });

  it('gives each skill the sentence it came from', () => {
    expect(by.Fintech?.sentence).toBe('Experience in fintech is a plus.');
  });

  it('does not read "kept to a minimum" as asking for the tools in the sentence', () => {
    const s = extractJobSkills(
      matcher,
      'We use Slack and Notion; meetings are kept to a minimum.\nA minimum of 3 years with SQL.',
    );
    expect(s.map((x) => [x.name, x.importance, x.reason])).toEqual([
      ['Slack', 'mentioned', 'says "we use"'],
      ['Notion', 'mentioned', 'says "we use"'],
      ['SQL', 'required', 'says "minimum"'],
    ]);
  });

  it('reads a line that is a sentence as softening what it names, not the lines below it', () => {
    expect(strength('Must know SQL. Kafka is a plus.')).toEqual([
      ['SQL', 'required', 'says "Must"'],
      ['Apache Kafka', 'niceToHave', 'says "plus"'],
    ]);
    expect(strength('Requirements\n- SQL\nDocker would be a bonus\n- Python')).toEqual([
      ['SQL', 'required', 'under "Requirements"'],
      ['Docker', 'niceToHave', 'says "bonus"'],
      ['Python', 'required', 'under "Requirements"'],
    ]);
    // An inline heading counts for its own line; a heading line for the lines below it.
    expect(strength('Bonus: Kafka.\nYou know SQL.')).toEqual([
      ['Apache Kafka', 'niceToHave', 'says "Bonus"'],
      ['SQL', 'required', 'says "You know"'],
    ]);
    expect(strength('It would be a plus if you had\n- Kafka')).toEqual([
      ['Apache Kafka', 'niceToHave', 'under "It would be a plus if you had"'],
    ]);
  });

  it('reads "would be great", "we\'d love it if you knew" and a bracketed "(preferred)" as softening', () => {
    expect(strength('Experience with Kafka would be great.')).toEqual([
      ['Apache Kafka', 'niceToHave', 'says "would be great"'],
    ]);
    expect(strength("We'd love it if you knew Figma.")).toEqual([
      ['Figma', 'niceToHave', 'says "We\'d love it if you knew"'],
    ]);
    // The bracket closes the cue on what came before it.
    expect(strength('Java (preferred) or Kotlin.')).toEqual([
      ['Java', 'niceToHave', 'says "preferred"'],
      ['Kotlin', 'mentioned', 'part of the work described'],
    ]);
  });

  it('reads "what will make you stand out", "extra points", "even better if you have" as nice-to-have headings', () => {
    for (const heading of [
      'What will make you stand out',
      'Extra points for',
      'Even better if you have',
      'You might also have',
    ])
      expect(
        extractJobSkills(matcher, `${heading}\n- Terraform`).map((x) => [x.importance, x.reason]),
      ).toEqual([['niceToHave', `under "${heading}"`]]);
    expect(extractJobSkills(matcher, "Even better if you've used Kubernetes.")[0]?.importance).toBe(
      'niceToHave',
    );
  });

  it('reads "Company profile" as no requirements heading', () => {
    expect(strength('Company profile\n- We build our reports in Power BI')[0]?.[1]).toBe('mentioned');
  });

  it('reads "Your profile" as the requirements and "you speak Danish and English fluently" as both languages', () => {
    expect(
      strength(
        'Your profile\n- You are a strong Excel user\n- You speak and write Danish and English fluently',
      ),
    ).toEqual([
      ['Microsoft Excel', 'required', 'under "Your profile"'],
      ['Danish', 'required', 'under "Your profile"'],
      ['English', 'required', 'under "Your profile"'],
    ]);
  });

  it('reads "preferably 2+ years with X" as nice to have, and languages one communicates "clearly in both"', () => {
    expect(
      strength('You have a degree in chemistry, and preferably 2+ years of experience with GMP.'),
    ).toContainEqual(['GMP', 'niceToHave', 'says "preferably"']);
    expect(strength('You communicate clearly in both Danish and English.').map(([name]) => name)).toEqual([
      'Communication',
      'Danish',
      'English',
    ]);
  });

  it('reads "What we need from you" as requirements, and "wherever you can" as no requirement', () => {
    expect(strength('What we need from you\n- Great listening skills')).toEqual([
      ['Active Listening', 'required', 'under "What we need from you"'],
    ]);
    expect(strength('Resolve queries first time wherever you can, and log calls in Salesforce.')).toEqual([
      ['Salesforce', 'mentioned', 'part of the work described'],
    ]);
    expect(strength('You can build dashboards in Power BI.')).toContainEqual([
      'Power BI',
      'required',
      'says "You can"',
    ]);
  });

  it('reads "requirements" as a cue only where it introduces them, not in "OSHA requirements"', () => {
    expect(strength('Keep the store compliant with OSHA requirements.')[0]?.[1]).toBe('mentioned');
    expect(strength('Requirements: SQL and Python.')[0]).toEqual(['SQL', 'required', 'says "Requirements"']);
  });

  it('reads a requirement cue in its own clause only', () => {
    const s = extractJobSkills(
      matcher,
      "You'll prep and cook the menu and keep HACCP records; Level 2 Food Hygiene is a must.",
    );
    expect(s.map((x) => [x.name, x.importance])).toEqual([
      ['Food Preparation', 'mentioned'],
      ['Food Safety', 'mentioned'],
      ['Food Hygiene Certificate', 'required'],
    ]);
  });

  it('reads the tools the team says it uses as part of the job, even under "About you"', () => {
    const s = extractJobSkills(
      matcher,
      'About you\n- At least 2 years with SQL\nWe use Slack and Notion.\nWe use Python daily and you must know it well.',
    );
    expect(s.map((x) => [x.name, x.importance, x.reason])).toEqual([
      ['SQL', 'required', 'says "At least"'],
      ['Slack', 'mentioned', 'says "we use"'],
      ['Notion', 'mentioned', 'says "we use"'],
      ['Python', 'required', 'says "must"'],
    ]);
  });

  it('reads what the employer will teach as nothing asked of the candidate, whatever the heading', () => {
    const s = extractJobSkills(
      matcher,
      "Essential\n- Basic Life Support (we will train you in ILS).\n- No experience needed: we'll teach you Xero.\n- Sage training will be given.\n- Training in CBT.",
    );
    expect(s.map((x) => [x.name, x.required, x.reason])).toEqual([
      ['Basic Life Support', true, 'under "Essential"'],
      ['Immediate Life Support', false, 'says "we will train you in"'],
      ['Xero', false, 'says "we\'ll teach you"'],
      ['Sage', false, 'says "training will be given"'],
      // A line of the list saying what the candidate has had: asked.
      ['Cognitive Behavioural Therapy', true, 'under "Essential"'],
    ]);
  });

  it('lets a heading decide when the sentence does not', () => {
    const s = extractJobSkills(matcher, 'Nice to have\n- Docker\n\nRequirements\n- Python');
    expect(s.map((x) => [x.name, x.required, x.reason])).toEqual([
      ['Docker', false, 'under "Nice to have"'],
      ['Python', true, 'under "Requirements"'],
    ]);
  });

  it('reads conditional and softened wishes as nice to have (round ten)', () => {
    const required = (text: string) =>
      Object.fromEntries(extractJobSkills(matcher, text).map((x) => [x.name, x.required]));
    expect(required("It's a bonus if you have experience of Makaton or speak Polish.")).toEqual({
      Makaton: false,
      Polish: false,
    });
    expect(required('It would be helpful if you have experience of Xero.')).toEqual({ Xero: false });
    expect(required('Not essential but interesting to us: experience with Kotlin.')).toEqual({
      Kotlin: false,
    });
    expect(required('Fluent French would be handy with our guests.')).toEqual({ French: false });
    expect(required('Spanish-speaking candidates are encouraged to apply.')).toEqual({ Spanish: false });
    expect(required('Helpful extras\n- Experience with Python.')).toEqual({ Python: false });
    // A requirement stays one.
    expect(required('You have experience of Xero.')).toEqual({ Xero: true });
  });

  it('reads a longer "would be lovely if you had" heading as nice to have (round eleven)', () => {
    const required = (text: string) =>
      Object.fromEntries(extractJobSkills(matcher, text).map((x) => [x.name, x.required]));
    const text = 'You will need\n- Python.\n\nIt would be lovely if you also had\n- Some TypeScript.';
    expect(required(text)).toEqual({ Python: true, TypeScript: false });
    expect(required('It would be lovely if you have used Xero.')).toEqual({ Xero: false });
    // A long line that is not a heading of wishes is still content.
    expect(required('You will need\n- Python.\nWe really do want someone who knows TypeScript well')).toEqual(
      {
        Python: true,
        TypeScript: true,
      },
    );
  });
});

describe('a condition of the post (round thirteen)', () => {
  it('reads a check the post is subject to as required, even after a list of wishes', () => {
    const required = (text: string) =>
      Object.fromEntries(extractJobSkills(matcher, text).map((x) => [x.name, x.required]));
    const text =
      'Desirable\n- Experience with Xero.\n\nAll offers are subject to an enhanced DBS check and two references.';
    expect(required(text)).toEqual({ Xero: false, 'DBS check': true });
  });
});

describe('reading the sentence (fourth round)', () => {
  const req = (text: string) =>
    Object.fromEntries(extractJobSkills(matcher, text).map((s) => [s.name, s.required]));

  it('ends what the company values where a new clause starts', () => {
    expect(names('We value clean code, and we pair program most days.')).toEqual(['Pair Programming']);
    expect(names('We value pair programming and clean code.')).toEqual([]);
  });

  it('takes the noun after a named database for that database, not for Databases', () => {
    expect(names('You will maintain a SQL Server database.')).toEqual(['Microsoft SQL Server']);
    expect(names('Good knowledge of databases is needed.')).toEqual(['Databases']);
  });

  it('does not read a patient in hospital or a welfare claim as a field or a perk', () => {
    expect(names('You will help people home after a stay in hospital.')).toEqual([]);
    expect(names('The civil service is recruiting officers to process benefit claims.')).toContain(
      'Public Sector',
    );
  });

  it('counts a bare field word that points back to a named place once', () => {
    const text = 'A primary school needs a teaching assistant. The school is in Leeds.';
    const education = extractSkills(matcher, text).skills.find((s) => s.name === 'Education');
    expect(education?.spans).toHaveLength(1);
  });

  it('softens only the item a condition follows, and "would help"', () => {
    const r = req('You will decontaminate instruments and take x-rays if qualified.');
    expect(r).toMatchObject({ Decontamination: true, 'Dental Radiography': false });
    expect(req('You must be GDC registered. Polish would help with our patients.').Polish).toBe(false);
  });

  it('keeps a state of a thing or a field of study from reading as a trait', () => {
    expect(names('You will keep the catalogue accurate.')).toEqual([]);
    expect(names('You are accurate and calm.')).toContain('Attention to Detail');
    expect(names('A degree in a numerate subject is required.')).toEqual(["Bachelor's Degree"]);
  });

  it('takes a skill in the title line that the text names again for the job name', () => {
    const text = 'Registered Nurse, Surgical Ward\nYou hold a current RN licence.';
    const rn = extractSkills(matcher, text).skills.find((s) => s.name === 'Registered Nurse licence');
    expect(rn?.matched).toEqual(['RN licence']);
    const plumbing = (t: string) => extractSkills(matcher, t).skills.find((s) => s.name === 'Plumbing');
    expect(plumbing('Plumber\nWe fit boilers.')?.matched).toEqual(['Plumber']);
    expect(plumbing('Plumber\nDomestic plumbing work.')?.matched).toEqual(['plumbing']);
  });
});
