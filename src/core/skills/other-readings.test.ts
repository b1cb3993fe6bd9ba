import { describe, expect, it } from 'vitest';
import { shippedVocabulary } from '../../../test/support/skills-vocabulary.ts';
import { extractSkills } from './extract.ts';
import { buildMatcher } from './matcher.ts';

const matcher = buildMatcher(shippedVocabulary);
const names = (text: string) => extractSkills(matcher, text).skills.map((s) => s.name);

describe('skill words that name something other than what the candidate is asked for', () => {
  it('drops the fields of the customers a company lists, but keeps one field its work serves', () => {
    const haulier =
      'We move ambient and chilled goods for food manufacturers and national retailers across the north.';
    expect(names(haulier)).not.toContain('Manufacturing');
    expect(names(haulier)).not.toContain('Retail');
    expect(
      names('Cobalt designs hydraulic units for construction, agriculture and marine customers.'),
    ).toEqual([]);
    expect(names('Our frozen meals are sold in 9,000 grocery stores nationwide.')).not.toContain('Retail');
    // One field alone is the field of the work; a field asked of the candidate stays too.
    expect(names('We make scheduling software for dental clinics.')).toContain('Healthcare');
    expect(names('Bookkeeper needed for a family-run building firm.')).toContain('Construction');
    expect(names('Experience in retail or manufacturing is essential.')).toEqual(
      expect.arrayContaining(['Retail', 'Manufacturing']),
    );
  });

  it('drops departments and colleagues the job works with, not the team it joins', () => {
    expect(names('Put models into production with our ML engineers using MLflow.')).not.toContain(
      'Machine Learning',
    );
    expect(names('Apply online; our in-house recruitment team will be in touch.')).not.toContain(
      'Recruiting',
    );
    expect(names('You will run recruitment for our stores.')).toContain('Recruiting');
  });

  it("drops the company's regulator but keeps a registration asked of the candidate", () => {
    expect(names('Bramblewood is a CQC-registered home care provider.')).not.toContain('CQC Compliance');
    expect(names('You must be HCPC registered.')).toContain('HCPC Registration');
    expect(names('We are a registered practice of CIEEM.')).not.toContain('CIEEM');
    expect(names('Membership of CIEEM is desirable.')).toContain('CIEEM');
  });

  it('reads an acronym the text spells out as something else by its spelling', () => {
    expect(names('Enter incidents into the computer-aided dispatch (CAD) system.')).not.toContain('CAD');
    expect(names('Draw plans in computer-aided design (CAD) software.')).toContain('CAD');
  });

  it('reads "BS" before EN or a number as a British Standard, not a degree', () => {
    expect(names('Coded welder to BS EN ISO 9606-1.')).not.toContain("Bachelor's Degree");
    expect(names('A BS in Computer Science is required.')).toContain("Bachelor's Degree");
  });

  it('reads everyday senses of interpreting, diaries, tickets and defence as such', () => {
    expect(names('Reading and interpreting fabrication drawings.')).not.toContain('Interpreting');
    expect(names('Keep accurate site records, daily diaries and progress reports.')).not.toContain(
      'Diary Management',
    );
    expect(names('You will manage diaries for two directors.')).toContain('Diary Management');
    expect(names('Nice to have: oil (OFTEC) tickets.')).not.toContain('Ticketing');
    expect(names('Sitting in the second line of defence, you will review credit applications.')).toEqual([]);
  });

  it('drops a trait that describes a thing or a perk, and a tool that is only a profile link', () => {
    expect(names('You will work with actuaries to make prices fairer and more accurate.')).not.toContain(
      'Attention to Detail',
    );
    expect(
      names('We offer a salary of £25,000, 25 days holiday and an employee ownership trust bonus.'),
    ).not.toContain('Ownership');
    expect(
      names('Send your CV or GitHub profile and a few lines about a system you improved.'),
    ).not.toContain('GitHub');
  });

  it("drops a product word inside the employer's name", () => {
    const text =
      'Helix Arbor Therapeutics is a biotech developing antibody treatments.\nYou will purify proteins.\nHelix Arbor is an equal opportunity employer.';
    expect(names(text)).not.toContain('Arbor');
  });

  it('reads a longer phrase as the narrower skill it names, not the broad word inside it', () => {
    const eal = names('Differentiate for pupils learning English as an additional language.');
    expect(eal).toContain('EAL');
    expect(eal).not.toContain('English');
    expect(names('Analyse cash-flow forecasts and management accounts.')).not.toContain('Forecasting');
    expect(names('A sound grasp of regression and hypothesis testing.')).not.toContain('Software Testing');
    expect(names('A PhD in molecular biology.')).toEqual(expect.arrayContaining(['Molecular Biology']));
    expect(names('A PhD in molecular biology.')).not.toContain('Biology');
  });
});

describe('round nine: skills a sentence compares away, counts of colleagues, other teams, projects', () => {
  it('drops the skill a posting says it values less ("more to us than a PhD", "rather than Java")', () => {
    expect(names('Good judgement in production matters more to us than a PhD.')).not.toContain('PhD');
    expect(names('A PhD in statistics is essential.')).toContain('PhD');
    const kotlin = names('New screens are written in Kotlin rather than Java.');
    expect(kotlin).toContain('Kotlin');
    expect(kotlin).not.toContain('Java');
  });

  it('drops what the team is moving away from', () => {
    expect(names('We are moving our month-end reporting off spreadsheets and onto Power BI.')).not.toContain(
      'Microsoft Excel',
    );
    expect(names('You will build our reports in spreadsheets and Power BI.')).toContain('Microsoft Excel');
  });

  it('drops any skill word in a sentence that lists what the job gives', () => {
    const perks = names("You'll get a van, a pension and a rota with one weekend in five on call.");
    expect(perks).not.toContain('On-call');
    expect(names('We offer a pension, 25 days holiday and free Welsh lessons.')).not.toContain('Welsh');
    expect(names('You will join the on-call rota once trained.')).toContain('On-call');
  });

  it('reads "two iOS, one QA" in a team of colleagues as a headcount, not a skill', () => {
    const squad = names('You will join a squad of six (three Android, two iOS, one QA) on our app.');
    expect(squad).not.toContain('iOS Development');
    expect(squad).not.toContain('Quality Assurance');
    expect(names('You have shipped native apps for iOS and Android in Swift.')).toContain('iOS Development');
  });

  it('drops fields and methods listed as the names of other teams, not teams the candidate worked in', () => {
    const brief = names('Brief the kitchen, front of house and housekeeping teams before each event.');
    expect(brief).not.toContain('Front of House');
    expect(brief).not.toContain('Housekeeping');
    expect(names('Produce weekly sales reports for the retail and ecommerce teams.')).not.toContain(
      'E-commerce',
    );
    expect(names('Collaborate with the product, design and customer support teams.')).not.toContain(
      'Customer Service',
    );
    expect(
      names('Our HR team supports store managers and the head office teams in finance, marketing and IT.'),
    ).not.toContain('Marketing');
    expect(names('You have worked in front of house or housekeeping teams.')).toEqual(
      expect.arrayContaining(['Front of House', 'Housekeeping']),
    );
  });

  it('drops the fields of the firms a company sells to or works with, in longer lists too', () => {
    expect(
      names('Vantage sells tracking systems to trucking, construction and field service companies.'),
    ).not.toContain('Construction');
    expect(
      names(
        'Pickle & Rye is a studio working with food and drink brands, independent retailers and a few charities.',
      ),
    ).not.toContain('Nonprofit');
    expect(names('We are one of the leading construction companies in Kent.')).toContain('Construction');
  });

  it('drops parties the job works closely with, listed', () => {
    expect(names('You will work closely with GPs, social workers and housing officers.')).not.toContain(
      'Housing',
    );
  });

  it('reads a method word naming the kind of product the company makes as the product', () => {
    expect(
      names('Mapleleaf builds the journey-planning and ticketing apps used by bus passengers.'),
    ).not.toContain('Ticketing');
    expect(names('You will log and resolve tickets in our ticketing system.')).toContain('Ticketing');
  });

  it('reads "charity dinners" as events a venue hosts, not the field', () => {
    expect(names('We host weddings, charity dinners and corporate away days.')).not.toContain('Nonprofit');
    expect(names('Experience in the charity sector is essential.')).toContain('Nonprofit');
  });

  it('reads a priced building as the project, and fields listed as kinds of projects as the company', () => {
    const priced = names('You will look after a £9m primary school and a £4m care home for a contractor.');
    expect(priced).not.toContain('Education');
    expect(priced).not.toContain('Social Care');
    expect(names('Kestrel Build is a £40m construction business in Kent.')).toContain('Construction');
    const sectors = names('Our work spans education, healthcare, retail and residential projects in Kent.');
    expect(sectors).not.toContain('Education');
    expect(sectors).not.toContain('Healthcare');
    // Two kinds of project are the work itself.
    expect(names('Work includes second fix on new-build and refurbishment projects.')).toContain(
      'Construction',
    );
  });
});

describe('round nine: vocabulary readings', () => {
  it('reads the longer skill, not the broad word inside it', () => {
    const cases: [string, string, string][] = [
      ['Meet the national clinical coding standards.', 'Clinical Coding', 'Code Quality'],
      ['Training in Mental Health First Aid is a plus.', 'Mental Health First Aid', 'First Aid'],
      ['Prepare cost value reconciliations each month.', 'Cost Value Reconciliation', 'Reconciliation'],
      ['Keep learning journals up to date for your key children.', 'Learning Journals', 'Journal Entries'],
      ['You will run Sage Intacct day to day.', 'Sage Intacct', 'Sage'],
      ['A Level 3 Diploma in Health and Social Care is essential.', 'Health and Social Care', 'NVQ'],
      ['Make sure drivers follow the tachograph rules.', "Drivers' Hours Regulations", 'Tachograph Card'],
      ['Taking radiographs and running lab tests.', 'Radiography', 'Dental Radiography'],
      ['Support the pharmacist with medicines reconciliation.', 'Medicines Reconciliation', 'Reconciliation'],
      ['You have worked in a regulated industry (HIPAA, SOC 2).', 'SOC 2', 'Security Monitoring'],
    ];
    for (const [text, found, notFound] of cases) {
      expect(names(text), text).toContain(found);
      expect(names(text), text).not.toContain(notFound);
    }
  });

  it('knows MS Project', () => {
    expect(names('Keep programmes up to date in MS Project.')).toContain('Microsoft Project');
  });

  it('drops aliases that named something else', () => {
    expect(names('Own hand tools and a full driving licence.')).not.toContain('Power Tools');
    expect(names('Record your visits on Liquidlogic (LCS).')).toEqual([]);
    expect(names('Assist the vets during procedures.')).not.toContain('Veterinary');
    expect(names('New grads are welcome to apply.')).not.toContain('GrADS');
    expect(names('Our kitchen sits in a Grade II listed coaching inn.')).not.toContain('Mentoring');
  });

  it('reads biochemistry as a field of study only in a sentence about a degree', () => {
    expect(names('Run in-house lab tests (haematology, biochemistry, urinalysis).')).not.toContain(
      'Biochemistry',
    );
    expect(names('You hold a degree in biochemistry or a related subject.')).toContain('Biochemistry');
  });
});

describe('round ten: the company, its product, colleagues and the way to apply', () => {
  it('drops a product named as the way to apply or get in touch, not one asked of the candidate', () => {
    expect(names('Message us on Instagram or drop your CV behind the bar.')).not.toContain('Instagram');
    expect(names('To apply, send your CV through our Instagram page.')).not.toContain('Instagram');
    expect(names('You will grow our following on Instagram and TikTok.')).toContain('Instagram');
    expect(names('You will run our campaigns on Instagram; apply with a CV.')).toContain('Instagram');
  });

  it('reads colleagues counted by what they work on, before a people noun, as the team', () => {
    const squad = names('You will join a squad of two Android engineers, two iOS engineers and a designer.');
    expect(squad).not.toContain('Android Development');
    expect(squad).not.toContain('iOS Development');
    expect(names('We are hiring two Android engineers to build our app.')).toContain('Android Development');
  });

  it('drops two-word departments listed as the leaders or teams the job works with', () => {
    expect(names('Partner with the merchandising and supply chain leaders on the budget.')).not.toContain(
      'Merchandising',
    );
    expect(names('You have led merchandising for a fashion retailer.')).toContain('Merchandising');
  });

  it("drops the company's customers listed after a colon", () => {
    const msp = names(
      'We look after the IT of 80 small businesses in Leeds: solicitors, dental practices, architects and a few schools.',
    );
    expect(msp).not.toContain('Education');
    expect(msp).not.toContain('Healthcare');
    expect(names('Experience: two years in schools or colleges.')).toContain('Education');
  });

  it('reads what a product is for, in the sentence naming the product, as its features', () => {
    expect(
      names('Quillpad is a budgeting app for students: invoicing, savings pots and a card.'),
    ).not.toContain('Invoice Processing');
    expect(names('You will handle invoicing for our clients.')).toContain('Invoice Processing');
  });

  it("reads a product word inside the employer's name when a sentence says what the company is", () => {
    expect(names('Northgate Forwarding is an independent freight forwarder based in Kent.')).not.toContain(
      'Northgate',
    );
    expect(names('Fluent French is a strong plus.')).toContain('French');
    expect(names('Project Management is a core part of the role.')).toContain('Project Management');
  });

  it('reads "-ready" as a state and help given as a perk, not the work or the field', () => {
    expect(names('Keep the lab clean and audit-ready.')).not.toContain('Auditing');
    expect(names('You will support the internal audit.')).toContain('Auditing');
    expect(names('We help residents apply for food stamps and child care assistance.')).not.toContain(
      'Early Years',
    );
    expect(names('Benefits include childcare vouchers and a pension.')).not.toContain('Early Years');
    expect(names('Experience in childcare is essential.')).toContain('Early Years');
  });

  it('reads the longer product, not the broad one inside it', () => {
    const cases: [string, string, string][] = [
      ['Our HR system is Oracle Fusion.', 'Oracle Fusion', 'Oracle Database'],
      ['Experience of Sage 300 People is useful.', 'Sage 300 People', 'Sage'],
      ['Some Kotlin Multiplatform would interest us.', 'Kotlin Multiplatform', 'Kotlin'],
      ['Daily line cleaning and cellar checks.', 'Line Cleaning', 'Cleaning'],
    ];
    for (const [text, found, notFound] of cases) {
      expect(names(text), text).toContain(found);
      expect(names(text), text).not.toContain(notFound);
    }
  });

  it('reads one colleague of a counted list of colleagues as the team', () => {
    expect(
      names('The team: three backend developers, two frontend developers, a QA analyst and a designer.'),
    ).not.toContain('Quality Assurance');
    expect(names('We need a QA analyst with Selenium experience.')).toContain('Quality Assurance');
  });

  it('reads an acronym joined by a hyphen to another acronym as part of that name', () => {
    expect(names('Make sure sites follow the protocol and ICH-GCP.')).not.toContain('Google Cloud Platform');
    expect(names('Experience with GCP or AWS is essential.')).toContain('Google Cloud Platform');
  });

  it('drops a product named as the place to send a showreel', () => {
    expect(names('Send your showreel via Vimeo link to jobs@example.com.')).not.toContain('Vimeo');
  });

  it('reads a database the company or someone else keeps as theirs, not the skill', () => {
    expect(names('Record every gift accurately in our database (Donorfy).')).not.toContain('Databases');
    expect(names('Check state and national databases for warrants.')).not.toContain('Databases');
    expect(names('You will design database schemas for our new service.')).toContain('Databases');
    expect(names('A solid grasp of relational databases is essential.')).toContain('Databases');
  });

  it('knows phrase-level skills of many fields that the vocabulary lacked', () => {
    const cases: [string, string][] = [
      ['A good understanding of Incoterms is essential.', 'Incoterms'],
      ['Raise and check bills of lading.', 'Bills of Lading'],
      ['Handle controlled drugs in line with legislation.', 'Controlled Drugs'],
      ['Code diagnoses in ICD-10.', 'ICD-10'],
      ['You will act as key person for six children.', 'Key Person'],
      ['Strong typography and layout skills.', 'Typography'],
      ['Experience of FP&A in a retailer.', 'Financial Planning and Analysis'],
      ['Manage Veeam backups and FortiGate firewalls.', 'Veeam'],
      ['Claim Gift Aid on every donation.', 'Gift Aid'],
      ['Hold a HAZWOPER certificate.', 'HAZWOPER'],
    ];
    for (const [text, found] of cases) expect(names(text), text).toContain(found);
    // Travel vaccinations stay vaccinations.
    expect(names('Deliver flu and travel vaccinations.')).not.toContain('Travel Health');
  });

  it('reads "plan and deliver" as lesson planning only when lessons are planned', () => {
    expect(names('You will assess, plan and deliver nursing care on the ward.')).not.toContain(
      'Lesson Planning',
    );
    expect(names('Plan and deliver engaging, well-sequenced lessons.')).toContain('Lesson Planning');
  });

  it('reads an acronym the text spells out after it as something else by its spelling', () => {
    expect(names('Knowledge of GCP (Good Clinical Practice) is required.')).not.toContain(
      'Google Cloud Platform',
    );
    expect(names('Experience of AWS (Amazon Web Services) is required.')).toContain('Amazon Web Services');
  });

  it("reads a named service's consultations as care given, not consultation with the public", () => {
    expect(names('You will run the NHS Pharmacy First consultations.')).not.toContain('Consultation');
    expect(names('You will run consultations with residents.')).toContain('Consultation');
  });
});

describe('perks in a "We offer:" line', () => {
  it('reads Java coffee and the perks listed after "We offer:" as no skill', () => {
    const text =
      'Backend Engineer\nYou will build APIs in Kotlin.\nWe offer: free snacks, a ping-pong table and Java coffee every morning.';
    expect(names(text)).toEqual(['Kotlin']);
    expect(names('Fresh Java coffee is served daily.')).toEqual([]);
    expect(names('We use Java and Spring.')).toContain('Java');
  });
});

describe('round eleven: words about pay, what is supplied, the company and its people', () => {
  it('reads DOE after an hourly or yearly rate as "depending on experience"', () => {
    expect(names('Journeyman Electrician | Nashville | $32–$41/hr DOE + overtime')).not.toContain('DOE');
    expect(names('Pay: £14 per hour DOE, paid weekly.')).not.toContain('DOE');
    expect(names('We use DOE to plan experiments.')).toContain('DOE');
  });

  it('reads "reliable transportation" and "thorough knowledge" as things had, not traits', () => {
    const driver = "Requirements:\n- Valid driver's license and reliable transportation to job sites";
    expect(names(driver)).not.toContain('Reliability');
    expect(names('Requirements:\n- You are reliable and punctual.')).toContain('Reliability');
    const law = 'Requirements:\n- Thorough, current knowledge of the Law Society Conveyancing Protocol';
    expect(names(law)).not.toContain('Attention to Detail');
    expect(names('Requirements:\n- You are thorough and careful with figures.')).toContain(
      'Attention to Detail',
    );
  });

  it('reads a place kept clean and organised as its state, not the trait', () => {
    expect(names('You will keep the lab clean and organized and follow SOPs.')).not.toContain('Organization');
    expect(names('You are highly organised and keep the shop tidy.')).toContain('Organization');
    expect(names('You stay calm and organised when the shop is busy.')).toContain('Organization');
  });

  it('reads "education and experience" as schooling, not the education sector', () => {
    expect(names('Equivalent combinations of education and experience may be considered.')).not.toContain(
      'Education',
    );
    expect(names('You have experience in education and training.')).toContain('Education');
    expect(names('Education experience is required.')).toContain('Education');
  });

  it('reads a field inside the name of a public body or of an organisation the company belongs to', () => {
    expect(names('Department of Information Technology – Geographic Information Services')).not.toContain(
      'Information Technology',
    );
    expect(names('You will work for the Department for Education on school funding.')).not.toContain(
      'Education',
    );
    expect(names('We are a member of Feeding America and a registered nonprofit.')).not.toContain(
      'Assisted Feeding',
    );
    expect(names('Experience in information technology is required.')).toContain('Information Technology');
  });

  it('reads leadership as the audience of a report, and one colleague named by their work', () => {
    expect(names('You can turn data into a clear story for leadership.')).not.toContain('Leadership');
    expect(names('You will present monthly dashboards to leadership.')).not.toContain('Leadership');
    expect(names('You have a passion for leadership.')).toContain('Leadership');
    const colleague =
      'Kotlin would be a bonus because we would like to share more of the work with our Android developer.';
    expect(names(colleague)).not.toContain('Android Development');
    expect(names('You will join us as our first Android developer.')).toContain('Android Development');
  });

  it("reads the company's recruiting line, a link's site and a product's features as no skill", () => {
    const apply = 'Drivers wanted. To qualify you need a CDL; call our recruiting line or apply online.';
    expect(names(apply)).not.toContain('Recruiting');
    expect(names('You will run recruitment for our stores.')).toContain('Recruiting');
    expect(names('Please send a showreel link (YouTube or Vimeo), a CV and a short note.')).not.toContain(
      'Vimeo',
    );
    expect(names('Experience with video platforms (Vimeo, Wistia) is a plus.')).toContain('Vimeo');
    const product =
      'ChairsideHQ makes practice management software for dental practices: scheduling, patient reminders, insurance claims and payments in one place.';
    expect(names(product)).not.toContain('Insurance');
    expect(names(product)).not.toContain('PMS');
    expect(names('You will process insurance claims in our practice management software.')).toEqual(
      expect.arrayContaining(['PMS']),
    );
  });

  it("reads the company's processes moved onto a system, and tools it supplies, as not asked", () => {
    const moved = 'Over the last three years we have moved our quoting and claims handling onto Salesforce.';
    expect(names(moved)).not.toContain('Claims Handling');
    expect(names('You will be handling claims for our motor book.')).toContain('Claims Handling');
    expect(names('Own hand tools as listed on our tool list; we supply power tools.')).not.toContain(
      'Power Tools',
    );
    expect(names('Experience with power tools is essential.')).toContain('Power Tools');
    const pay =
      'Pay is $48–$56 an hour plus a bonus, with medical and dental cover, a 401(k), paid CE and license renewals.';
    expect(names(pay)).not.toContain('Renewals');
    expect(names('Salary is negotiable; you must hold a CDL.')).toContain('CDL');
  });

  it('reads other senses of a few words: software wired up, conduit, lab testing, a converted building', () => {
    expect(
      names('You will ship through TestFlight, wiring up Firebase for push notifications.'),
    ).not.toContain('Electrical Wiring');
    expect(names('Experience of wiring up consumer units is essential.')).toContain('Electrical Wiring');
    expect(names('Install, bend and terminate EMT, rigid and PVC conduit.')).not.toContain('EMT');
    expect(names('You must hold a current EMT certification.')).toContain('EMT');
    expect(names('Carry out compendial testing to USP and EP monographs.')).not.toContain('Software Testing');
    expect(names('You will own release testing for our mobile app.')).toContain('Software Testing');
    expect(names('We roast our beans in the back of a converted rope factory.')).not.toContain(
      'Manufacturing',
    );
    expect(names('Experience in a factory is essential.')).toContain('Manufacturing');
  });
});

describe('round eleven: vocabulary readings', () => {
  it('reads a longer product or plan name whole, not the broad word inside it', () => {
    const salesforce = 'You will look after our Sales Cloud and Service Cloud orgs and Salesforce NPSP.';
    expect(names(salesforce)).toEqual(
      expect.arrayContaining(['Salesforce Sales Cloud', 'Salesforce Service Cloud', 'Salesforce NPSP']),
    );
    expect(names(salesforce)).not.toContain('Sales');
    const plan = "Follow each child's Education, Health and Care Plan (EHCP) targets.";
    expect(names(plan)).toContain('EHCP');
    expect(names(plan)).not.toContain('Care Planning');
    expect(names('Confidence with Square POS is essential.')).toEqual(['Square POS']);
    expect(names('Proficiency with POS systems and Excel.')).toContain('Point of Sale');
    expect(names('Nitrous oxide monitoring certification is a plus.')).not.toContain('Monitoring');
    const dental = 'Give patients practical oral hygiene instruction.';
    expect(names(dental)).toContain('Patient Advice');
    expect(names(dental)).not.toContain('Oral Hygiene');
    const marketing = 'Familiarity with healthcare marketing is a plus.';
    expect(names(marketing)).toEqual(['Healthcare Marketing']);
  });

  it("drops aliases that name another field's work", () => {
    const conveyancing = 'You will run a caseload of sales, purchases and remortgages.';
    expect(names(conveyancing)).not.toContain('Mortgage Advice');
    expect(names('You will advise clients on residential mortgages.')).toContain('Mortgage Advice');
    expect(names('Track progress against revenue goals and report monthly.')).not.toContain(
      'Pupil Assessment',
    );
    expect(names("You will assess pupils' work and give feedback.")).toContain('Pupil Assessment');
  });
});

describe('round eleven: what a product or an organisation is', () => {
  it('reads a system acronym in brackets after a product as what the product is', () => {
    const opera = 'Working knowledge of Oracle Opera (PMS) and a revenue management system.';
    expect(names(opera)).not.toContain('PMS');
    expect(names('Experience with Salesforce (CRM) is a plus.')).not.toContain('CRM');
    expect(names('Experience of a PMS is essential.')).toContain('PMS');
    expect(names('Experience with a Learning Management System (LMS) is desirable.')).toContain('LMS');
  });

  it('reads "a … manufacturing organization" as the company, not the trait', () => {
    const company =
      'You will join a contract development and manufacturing organization with a strong safety record.';
    expect(names(company)).not.toContain('Organization');
    expect(names('Strong organization and follow-through are essential.')).toContain('Organization');
  });

  it('reads Redshift beside 3D tools as the renderer, not the data warehouse', () => {
    expect(names('Build 3D scenes in Cinema 4D with Redshift and composite them.')).not.toContain(
      'Amazon Redshift',
    );
    expect(names('Experience with Redshift or Snowflake is essential.')).toContain('Amazon Redshift');
  });
});

describe('round eleven: the work delivered', () => {
  it('reads a method right after "deliver" or "serve" as the work, not a customer', () => {
    expect(names('- deliver phonics interventions in small groups;')).toContain('Phonics');
    // Customers after "to" stay customers.
    expect(names('We deliver chilled food to supermarkets and caterers.')).not.toContain('Retail');
  });
});

describe('round eleven: phrase-level skills the vocabulary lacked', () => {
  it('knows common skills of many fields, each with its usual spellings', () => {
    const cases: [string, string][] = [
      ['Write Apex triggers and SOQL queries.', 'Apex'],
      ['Build Lightning Web Components for the service team.', 'Lightning Web Components'],
      ['Carry out urinalysis and 12-lead ECGs.', 'Electrocardiogram'],
      ['Obtain prior authorisations from insurers.', 'Prior Authorization'],
      ['Prepare cost plans and agree final accounts.', 'Cost Planning'],
      ['Administer JCT contracts on site.', 'JCT Contracts'],
      ['Follow lockout/tagout procedures at all times.', 'Lockout/Tagout'],
      ['Run prospect research on new donors.', 'Prospect Research'],
      ['Strong spatial analysis skills in ArcGIS Pro.', 'Spatial Analysis'],
      ['Compositing and colour grading in After Effects.', 'Color Grading'],
      ['A working knowledge of the Mental Health Act.', 'Mental Health Act'],
      ['Experience of GD&T and AS9100 quality systems.', 'GD&T'],
      ['An HNC in electrical engineering.', 'HNC'],
      ['Experience with threat intelligence and digital forensics.', 'Digital Forensics'],
    ];
    for (const [text, found] of cases) expect(names(text), text).toContain(found);
  });

  it('keeps names that are also everyday words to their context', () => {
    expect(names('Experience with Salesforce, Apex and SOQL.')).toContain('Apex');
    expect(names('You will work for Apex Builders on new homes.')).not.toContain('Apex');
    expect(names('Harry Houdini would be proud of this escape room.')).not.toContain('Houdini');
    expect(names('Build 3D scenes in Cinema 4D and Houdini.')).toContain('Houdini');
  });
});

describe('round thirteen: AI on a farm', () => {
  it('reads AI beside farm, herd or breeding words as artificial insemination', () => {
    const farm = [
      'Dairy herd manager. You will need experience with AI and calving.',
      'We are looking for an AI technician to join our breeding team on a 300-cow dairy unit.',
      'Responsibilities: herd fertility, AI, foot trimming and milking.',
      'Stockperson for our suckler beef herd: heat detection and AI, TB testing, lambing in spring.',
      'Record AI and calving dates in the herd management software.',
    ];
    for (const text of farm) {
      expect(names(text), text).toContain('Artificial Insemination');
      expect(names(text), text).not.toContain('Artificial Intelligence');
    }
  });

  it('reads AI in a farm posting as artificial insemination when its own sentence names no field', () => {
    const posting = [
      'Herdsperson, 400-cow dairy farm, Devon',
      'We milk through a rotary parlour and calve all year round.',
      'What you need:',
      '- Confident with AI.',
      '- A full driving licence.',
    ].join('\n');
    expect(names(posting)).toContain('Artificial Insemination');
    expect(names(posting)).not.toContain('Artificial Intelligence');
  });

  it('keeps AI as artificial intelligence in tech sentences, also about farms', () => {
    expect(names('Help us bring AI to clinical trial operations with PyTorch.')).toContain(
      'Artificial Intelligence',
    );
    const agritech = 'We build AI models that help dairy farmers spot lame cows early, in Python.';
    expect(names(agritech)).toContain('Artificial Intelligence');
    expect(names(agritech)).not.toContain('Artificial Insemination');
    const farmTool = 'Our dairy farm uses AI-powered collars to track each cow in the herd.';
    expect(names(farmTool)).not.toContain('Artificial Insemination');
    expect(names('We build AI software for dairy farmers.')).not.toContain('Artificial Insemination');
    const mission =
      'Our mission is to bring AI to every farm in Britain. You will build ML pipelines in Python.';
    expect(names(mission)).toContain('Artificial Intelligence');
    // A farm posting's tech sentence: the sentence decides before the posting.
    const posting =
      'Dairy herd manager on a 300-cow farm.\nYou will help us trial machine learning and AI for yield data.';
    expect(names(posting)).not.toContain('Artificial Insemination');
  });

  it('keeps AI as artificial intelligence in a farm posting when its sentence names tech words', () => {
    // The posting names the farm twice more than tech, but AI's own sentence names data: neither
    // reading wins, and the hit keeps its skill.
    const posting = 'We run a dairy farm with a large herd of cows.\nExperience with AI and data is a plus.';
    expect(names(posting)).toContain('Artificial Intelligence');
    expect(names(posting)).not.toContain('Artificial Insemination');
  });
});

describe('round thirteen: entries round eleven held back', () => {
  it('finds them in sentences that ask for them', () => {
    const cases: [string, string][] = [
      ['You have shipped apps to the App Store and set up push notifications.', 'App Store'],
      ['You have shipped apps to the App Store and set up push notifications.', 'Push Notifications'],
      ['Design star schemas and handle slowly changing dimensions in dbt.', 'Star Schema'],
      ['Design star schemas and handle slowly changing dimensions in dbt.', 'Slowly Changing Dimensions'],
      ['Follow cash handling and key control procedures.', 'Key Control'],
      ["You need a valid driver's license and a clean driving record.", 'Clean Driving Record'],
      ['Three years of experience in residential property.', 'Residential Property'],
      ['Run freehold and leasehold sales and purchases.', 'Leasehold'],
      ['Deal with leasehold management packs and new-build plots.', 'Leasehold'],
      ['Experience of unregistered land is desirable.', 'Unregistered Land'],
      ['Fix internal linking and redirects with our developer.', 'Internal Linking'],
      ['Experience with programmatic SEO is a plus.', 'Programmatic SEO'],
      ['Design style frames and build the animation in After Effects.', 'Style Frames'],
      ['Design style frames and build the animation in After Effects.', 'Animation'],
      ['A current RDH license is required.', 'RDH License'],
      ['Patience, warmth and a sense of humour.', 'Sense of Humour'],
      ['Manage early warnings and compensation events under NEC4.', 'Compensation Events'],
      ['Take part in sprint planning and retrospectives.', 'Retrospectives'],
      ['Experience in a CDMO or another GMP manufacturing site.', 'Contract Manufacturing'],
    ];
    for (const [text, found] of cases) expect(names(text), text).toContain(found);
  });

  it("reads the App Store as where the company's app is found, not a skill asked", () => {
    expect(names('Download our app from the App Store or Google Play.')).not.toContain('App Store');
    expect(names('Kettle is available on the App Store.')).not.toContain('App Store');
    expect(names('Our App Store rating has stayed above 4.7 for three years.')).not.toContain('App Store');
    expect(names('You have shipped at least one app to the App Store.')).toContain('App Store');
    expect(names('A good understanding of the App Store review process.')).toContain('App Store');
  });

  it('keeps a dental hygienist job title to Dental Hygiene, not the licence', () => {
    const title = 'Registered dental hygienist wanted for a three-chair practice.';
    expect(names(title)).toContain('Dental Hygiene');
    expect(names(title)).not.toContain('RDH License');
  });
});
