import { describe, expect, it } from 'vitest';
import { shippedVocabulary } from '../../../test/support/skills-vocabulary.ts';
import { isReboundError } from '../errors.ts';
import { extractSkills } from './extract.ts';
import { buildMatcher, findSkillName } from './matcher.ts';
import { profileFromImport, readResumeSkills } from './resume-profile.ts';

const matcher = buildMatcher(shippedVocabulary);
const names = (text: string) => extractSkills(matcher, text).skills.map((s) => s.name);

describe('extractSkills', () => {
  it('tells Java from JavaScript', () => {
    expect(names('JavaScript and Java; javascript again')).toEqual(['JavaScript', 'Java']);
    expect(names('We write JavaScript only')).toEqual(['JavaScript']);
  });

  it('reads Go the language only in programming context, never the verb', () => {
    expect(names("Let's go to the office. Go ahead and apply.")).toEqual([]);
    expect(names('Backend services written in Go')).toEqual(['Go']);
    expect(names('Languages: Python, Go, Rust')).toEqual(['Python', 'Go', 'Rust']);
    expect(names('We love Golang')).toEqual(['Go']);
  });

  it('splits C/C++ into both languages and keeps C# apart', () => {
    expect(names('Strong C/C++ and some C#')).toEqual(['C', 'C++', 'C#']);
  });

  it('does not read R in R&D, C in C-level, or a lone capital letter in prose', () => {
    expect(names('Our R&D team reports to C-level leaders.')).toEqual([]);
    expect(names('Plan R is to rest. Grade C is fine.')).toEqual([]);
    expect(names('Models in R and Python')).toEqual(['R', 'Python']);
    expect(names('R programming is a must')).toEqual(['R']);
  });

  it('finds the phrases of postings outside tech: care, trades, warehouse, office', () => {
    expect(
      names('You will give personal care, help with medication support and keep accurate records.'),
    ).toEqual(['Personal Care', 'Medication Administration', 'Record Keeping']);
    expect(names('First and second fix on new-build sites. A CSCS card is a must.')).toEqual([
      'Second Fix',
      'Construction',
      'CSCS Card',
    ]);
    expect(names('Pick and pack orders with a handheld scanner; a reach truck licence helps.')).toEqual([
      'Warehouse Operations',
      'Barcode Scanning',
      'Forklift licence',
    ]);
    expect(names('You know Excel well: VLOOKUPs and pivot tables.')).toEqual([
      'Microsoft Excel',
      'VLOOKUP',
      'Pivot Tables',
    ]);
  });

  it('keeps CPR, BLS and paediatric first aid apart from First Aid', () => {
    expect(names('Current First Aid/CPR and pediatric first aid certificates required.')).toEqual([
      'First Aid',
      'CPR',
      'Paediatric First Aid',
    ]);
    expect(names('Current Idaho RDH license and CPR/BLS certification required.')).toEqual(
      expect.arrayContaining(['CPR', 'Basic Life Support']),
    );
    expect(names('A Paediatric First Aid certificate is essential.')).toEqual(['Paediatric First Aid']);
  });

  it('keeps each spelling of a name to its own skill: AKS is not Kubernetes', () => {
    expect(names('We run Kubernetes on AKS and EKS.')).toEqual([
      'Kubernetes',
      'Azure Kubernetes Service',
      'Amazon EKS',
    ]);
  });

  it('gives the same spans for names with spaces, hyphens and slashes between the words', () => {
    const text = 'Infrastructure-as-code, infrastructure / as / code and infrastructure as code.';
    const found = extractSkills(matcher, text).skills;
    expect(found.map((s) => s.name)).toEqual(['Infrastructure as Code']);
    expect(found[0]!.spans.map(([a, b]) => text.slice(a, b))).toEqual([
      'Infrastructure-as-code',
      'infrastructure / as / code',
      'infrastructure as code',
    ]);
  });

  it('tells React the library from "react" the verb', () => {
    expect(names('You react to feedback calmly.')).toEqual([]);
    expect(names('React to feedback with grace.')).toEqual([]);
    expect(names('Build UIs with React and Redux')).toEqual(['React', 'Redux']);
    expect(names('Use React to build the app')).toEqual(['React']);
  });

  it('ignores Spring the season and Rust in prose, keeps them among skills', () => {
    expect(names('Spring is lovely; rust on old pipes. Rust prevention matters.')).toEqual([]);
    expect(names('Java, Spring, Hibernate')).toEqual(['Java', 'Spring Boot', 'Hibernate']);
  });

  it('finds skills in bullet lists and at line ends', () => {
    const text = '• Python\n- Node.js\n* PostgreSQL\nWe deploy on Kubernetes\nand Docker.';
    expect(names(text)).toEqual(['Python', 'Node.js', 'PostgreSQL', 'Kubernetes', 'Docker']);
  });

  it('maps aliases and case variants to one skill with exact spans and matched words', () => {
    const text = 'K8s, kubernetes and Postgres; JS then js';
    const result = extractSkills(matcher, text);
    const k8s = result.skills.find((s) => s.name === 'Kubernetes')!;
    expect(k8s.spans).toEqual([
      [0, 3],
      [5, 15],
    ]);
    expect(k8s.matched).toEqual(['K8s', 'kubernetes']);
    for (const s of result.skills) for (const [a, b] of s.spans) expect(text.slice(a, b)).toBeTruthy();
    // "JS" is an exact-case alias: lower-case "js" is not read as JavaScript.
    expect(result.skills.find((s) => s.name === 'JavaScript')!.matched).toEqual(['JS']);
  });

  it('does not find a skill inside another word or a dotted name', () => {
    expect(names('Javanese food, Scalability, Node.js')).toEqual(['Node.js']);
  });

  it('orders skills by first mention', () => {
    expect(names('Docker first, then AWS, then Docker again and Terraform')).toEqual([
      'Docker',
      'Amazon Web Services',
      'Terraform',
    ]);
  });

  it('gives nothing for empty text and refuses binary content', () => {
    expect(extractSkills(matcher, '')).toEqual({ skills: [] });
    try {
      extractSkills(matcher, 'PK\u0003\u0004\u0000\u0000binary');
      expect.unreachable();
    } catch (error) {
      expect(isReboundError(error) && error.code).toBe('invalid_input');
    }
    // A NUL far into ordinary text, inside a word or right after a skill, is refused too.
    for (const text of [
      `${'We use Python and SQL. '.repeat(500)}\u0000`,
      'Python\u0000',
      'Pyt\u0000hon',
      '\u0000',
    ]) {
      try {
        extractSkills(matcher, text);
        expect.unreachable();
      } catch (error) {
        expect(isReboundError(error) && error.details?.[0]?.message).toBe('contains NUL bytes');
      }
    }
  });

  it('keeps offsets right after letters whose lower case is longer', () => {
    const text = 'İstanbul team uses Python';
    const py = extractSkills(matcher, text).skills[0]!;
    expect(text.slice(...py.spans[0]!)).toBe('Python');
  });

  it('handles a 5 MB text', () => {
    const para = 'We need Python, SQL and AWS. You will go to meetings and react to change.\n';
    const text = para.repeat(Math.ceil((5 * 1024 * 1024) / para.length));
    const result = extractSkills(matcher, text);
    expect(result.skills.map((s) => s.name)).toEqual(['Python', 'SQL', 'Amazon Web Services']);
    expect(result.skills[0]!.spans.length).toBe(Math.ceil((5 * 1024 * 1024) / para.length));
  });

  it('resolves typed names to canonical skills', () => {
    expect(findSkillName(matcher, 'k8s')).toBe('Kubernetes');
    expect(findSkillName(matcher, 'Not a skill at all')).toBeUndefined();
  });
});

describe('names that are also skills', () => {
  const m = buildMatcher(shippedVocabulary);
  it('reads a resume’s name line as a name, but keeps the language beside other skills', () => {
    const names = (t: string) => extractSkills(m, t).skills.map((s) => s.name);
    expect(names('Ada Example - Backend Developer\nSkills: TypeScript')).toEqual(['TypeScript']);
    expect(names('Go Kubernetes and Terraform')).toEqual(['Go', 'Kubernetes', 'Terraform']);
    expect(names('Built REST APIs in Go')).toContain('Go');
  });

  it('does not read everyday words about the company, its perks or its tools as skills', () => {
    // What the company values or gives is not asked of the candidate.
    expect(names('We value teamwork, clear documentation and sustainability.')).toEqual([]);
    expect(names('Our data team is small, curious and kind.')).toEqual([]);
    expect(names('We offer coaching and mentoring from senior staff.')).toEqual([]);
    expect(names('You will receive full training and coaching.')).toEqual([]);
    expect(names('Our roadmap is public.')).toEqual([]);
    // …but the same words asked of the candidate still count.
    expect(names('You value teamwork and you enjoy mentoring junior staff.')).toEqual([
      'Teamwork',
      'Mentoring',
    ]);
    expect(names('We run 300 microservices on Google Cloud.')).toEqual([
      'Microservices',
      'Google Cloud Platform',
    ]);
    // Ordinary words that are also product names.
    expect(names('Word of mouth brings most of our customers.')).toEqual([]);
    expect(names('Please apply through our Workday portal.')).toEqual([]);
    expect(names('Follow us on social media.')).toEqual([]);
    expect(names('We love angular shapes and a good designer.')).toEqual([]);
    expect(names('You know Photoshop and Illustrator.')).toEqual(['Adobe Photoshop', 'Adobe Illustrator']);
    expect(names('By applying you agree that we keep your data in line with GDPR.')).toEqual([]);
  });

  it('keeps fields of work that are everyday words to their field sense', () => {
    expect(names('You bring energy and deliver in a timely fashion. Travel is required.')).toEqual([]);
    expect(names('You have experience in the energy sector or with fashion retailers.')).toEqual([
      'Energy',
      'Fashion',
      'Retail',
    ]);
    expect(names('You will process mortgage payments. The office is close to public transport.')).toEqual([]);
    expect(names('Childcare vouchers and a cycle scheme.')).toEqual([]);
  });

  it('does not take a soft skill from a job title or a method from a law’s name', () => {
    expect(names('Site Reliability Engineer')).toEqual([]);
    expect(names('You know the Housing Act well.')).toEqual([]);
    expect(names('Northwind Freight is a logistics company.')).toEqual(['Logistics']);
  });

  it('reads text with signs that are letters only in lower case (Ω, Kelvin, Ångström) to the end', () => {
    // These once stopped the pass from moving on, so the request never returned.
    expect(names('Resistance in \u2126, Python and SQL')).toEqual(['Python', 'SQL']);
    expect(names('\u212Aotlin at 300 \u212A, \u212Bngstrom, then Java')).toEqual(['Kotlin', 'Java']);
  });
});

describe('Go and Rust in the words postings ask with', () => {
  it('reads "experience with X", "X is a plus" and "Bonus: X or Y" as technical', () => {
    expect(names('Experience with Rust is a plus.')).toEqual(['Rust']);
    expect(names('Bonus: Go or Rust')).toEqual(['Go', 'Rust']);
    expect(names('Go would be a bonus.')).toEqual(['Go']);
    expect(names('Expert in Go and Rust.')).toEqual(['Go', 'Rust']);
    expect(names('Nice to have: Rust, Go (Golang)')).toEqual(['Rust', 'Go']);
  });

  it('still refuses the everyday words', () => {
    expect(names('Go the extra mile for every customer.')).toEqual([]);
    expect(names('Rust on the hull is treated every spring.')).toEqual([]);
    expect(names("Let's go. Go to our website to apply.")).toEqual([]);
  });
});

describe('reading a resume', () => {
  const profile = (text: string) =>
    profileFromImport([], readResumeSkills(text, extractSkills(matcher, text).skills)).map(
      (s) => `${s.name} · ${s.level}`,
    );

  it('leaves out a skill the sentence says the person lacks', () => {
    expect(profile("I don't know Java.")).toEqual([]);
    expect(profile('No experience with Docker yet, but I use Python daily.')).toEqual([
      'Python · intermediate',
    ]);
    expect(profile("I don't know Java, but I write Python daily.")).toEqual(['Python · intermediate']);
  });

  it('sets the level written beside a skill', () => {
    expect(profile('Skills: Kubernetes (basic), Docker, Python')).toEqual([
      'Kubernetes · beginner',
      'Docker · intermediate',
      'Python · intermediate',
    ]);
    expect(profile('Basic knowledge of Kubernetes. Expert in Python. Advanced Excel.')).toEqual([
      'Kubernetes · beginner',
      'Python · expert',
      'Microsoft Excel · advanced',
    ]);
    expect(profile('Languages: German (native), French – fluent, Spanish (beginner)')).toEqual([
      'German · expert',
      'French · advanced',
      'Spanish · beginner',
    ]);
    expect(profile('Built native iOS apps.')).toEqual(['iOS Development · intermediate']);
  });

  it('keeps a level the person set when the text writes none', () => {
    const before = [
      { name: 'Python', category: 'language', level: 'expert' as const, source: 'resume' as const },
    ];
    const text = 'Python and SQL.';
    expect(profileFromImport(before, readResumeSkills(text, extractSkills(matcher, text).skills))).toEqual([
      { name: 'Python', category: 'language', level: 'expert', source: 'resume' },
      { name: 'SQL', category: 'language', level: 'intermediate', source: 'resume' },
    ]);
  });
});
