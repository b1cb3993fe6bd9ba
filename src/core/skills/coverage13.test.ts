import { describe, expect, it } from 'vitest';
import { shippedVocabulary } from '../../../test/support/skills-vocabulary.ts';
import { extractSkills } from './extract.ts';
import { buildMatcher } from './matcher.ts';

const matcher = buildMatcher(shippedVocabulary);
const found = (text: string) =>
  extractSkills(matcher, text).skills.map((s) => [s.name, s.category] as [string, string]);
const names = (text: string) => found(text).map(([name]) => name);

/**
 * Round thirteen's coverage lists (fields outside tech): a sentence as a posting would write it,
 * and one skill of those lists it must yield, with the group the vocabulary files it under.
 */
const POSTING_SENTENCES: [string, string, string][] = [
  // health and care
  ['You will insert NG tubes and manage nasogastric feeding on the ward.', 'Nasogastric Feeding', 'practice'],
  ['Experience of arterial blood gas sampling is essential.', 'Arterial Blood Gases', 'practice'],
  ['Carry out gait analysis and prescribe exercise for MSK patients.', 'Gait Analysis', 'practice'],
  ['Support service users with their Recovery Star outcomes.', 'Recovery Star', 'practice'],
  ['You hold NCLEX-RN and a current state license.', 'NCLEX', 'qualification'],
  [
    'Registered with the SSSC, or willing to register within six months.',
    'SSSC Registration',
    'qualification',
  ],
  ['Record every visit on Servelec Mosaic.', 'Servelec Mosaic', 'healthcare'],
  ['Experience with Eaglesoft or Dentrix is a plus.', 'Eaglesoft', 'healthcare'],
  // trades and construction
  ['Carry out landlord gas safety checks and issue CP12s.', 'Gas Safety Checks', 'practice'],
  ['You hold a CCNSG Safety Passport.', 'CCNSG Safety Passport', 'qualification'],
  ['Complete heat loss calculations before every heat pump install.', 'Heat Loss Calculations', 'practice'],
  ['Fit ironmongery to new fire doors.', 'Ironmongery', 'practice'],
  ['Boarding with Gyproc and Knauf systems.', 'Gyproc', 'tool'],
  // logistics, warehousing and driving
  ['Secure drop and hook loads and complete electronic logs.', 'Drop and Hook', 'practice'],
  ['Hold a valid TWIC card and a clean MVR.', 'TWIC Card', 'qualification'],
  ['Build loads in McLeod LoadMaster and track trucks in Samsara.', 'McLeod LoadMaster', 'tool'],
  ['Experience with carrier sourcing and carrier onboarding.', 'Carrier Management', 'practice'],
  // manufacturing and engineering
  ['Set up and prove out programs on Haas and Mazak machines.', 'Haas', 'tool'],
  ['Program Allen-Bradley PLCs in Studio 5000.', 'Studio 5000', 'tool'],
  ['Complete AS9102 first article reports for every new part.', 'AS9102', 'qualification'],
  ['Carry out metal detector checks and foreign body controls on the line.', 'Metal Detection', 'practice'],
  ['Programming in Mastercam is a must.', 'Mastercam', 'design'],
  ['Experience of blow moulding or rotational moulding.', 'Blow Moulding', 'practice'],
  // hospitality, food, retail and contact centres
  ['An Oregon food handler card is required within 30 days.', 'Food Handler Card', 'qualification'],
  ['Log every request in Flexkeeping and check in late arrivals.', 'Flexkeeping', 'tool'],
  ['Manage bookings and event orders in Tripleseat.', 'Tripleseat', 'business'],
  ['Keep average handle time and call monitoring scores on target.', 'Call Centre Metrics', 'practice'],
  ['Experience of the Safer Food Better Business pack.', 'Safer Food Better Business', 'practice'],
  // finance, accounting, insurance and legal
  ['Prepare Form 1065 and Schedule K-1 packages for partnerships.', 'Form 1065', 'practice'],
  ['Handle first notification of loss calls and establish liability.', 'Liability Assessment', 'practice'],
  ['Process whiplash claims through the Official Injury Claim portal.', 'Whiplash Reforms', 'practice'],
  ['Draft I-140 petitions and responses to Requests for Evidence.', 'I-140', 'practice'],
  ['Case management in Docketwise or INSZoom.', 'Docketwise', 'tool'],
  ['Monitor OFAC screening and file currency transaction reports.', 'Bank Secrecy Act', 'practice'],
  // public sector, housing, education and charity
  ['Manage void turnaround and re-lets across the estate.', 'Void Works', 'practice'],
  ['Carry out HMO licensing inspections under the Housing Act 2004.', 'HMO Licensing', 'practice'],
  [
    'Use Makaton, visual supports and augmentative and alternative communication.',
    'Augmentative and Alternative Communication',
    'practice',
  ],
  ['You hold the ParaPro Assessment or an associate degree.', 'ParaPro Assessment', 'qualification'],
  ['Recruit, induct and schedule volunteers in Better Impact.', 'Better Impact', 'tool'],
  ['Serve improvement notices and prohibition notices where needed.', 'Statutory Notices', 'practice'],
  [
    'Take 911 calls and dispatch units by radio using computer-aided dispatch.',
    'Computer-Aided Dispatch',
    'tool',
  ],
  // marketing and creative
  [
    'Own our ROAS and customer acquisition cost targets on paid social.',
    'Customer Acquisition Cost',
    'analytics',
  ],
  ['Build flows in Klaviyo and SMS campaigns in Attentive SMS.', 'SMS Marketing', 'practice'],
  ['Animate in Rive and hand off Lottie files to engineering.', 'Rive', 'design'],
  // agriculture and science
  ['Heat detection with CowManager collars and mobility scoring every month.', 'Heat Detection', 'practice'],
  [
    'Bat emergence surveys and a Natural England class licence.',
    'Protected Species Licence',
    'qualification',
  ],
  ['Prepare media and run growth promotion testing in a biosafety cabinet.', 'Biosafety Cabinet', 'tool'],
  ['Experience with TUFLOW or InfoWorks ICM flood models.', 'TUFLOW', 'tool'],
];

/**
 * Everyday words and phrases near the new entries, as company, benefits and other text uses them:
 * none of them is the skill named beside it.
 */
const EVERYDAY: [string, string[]][] = [
  ['We are proud of our heritage and our family values.', ['Heritage', 'Heritage Sector']],
  ['We move at a fast pace and keep calm.', ['PACE', 'Pace']],
  ['Our motive is simple: help customers first.', ['Motive']],
  ['She would gladly help anyone on the team.', ['Gladly']],
  ['Bring fresh ideas and a can-do attitude.', ['IDeaS']],
  ['Take on the challenge with gusto.', ['Gusto']],
  [
    'Please liaise with the client’s solicitor and the estate agent.',
    ['Solicitor', 'Solicitor Qualification'],
  ],
  [
    'You will do direct work with customers to understand their needs.',
    ['Direct Work', 'Direct Work with Children'],
  ],
  ['The rigging of elections is a serious crime.', ['Rigging', 'Rigging and Slinging']],
  [
    'Free gym membership and spin classes for all staff.',
    ['Group Exercise Instruction', 'Sport and Fitness'],
  ],
  ['Vegan and dairy-free options in the staff canteen.', ['Dairy', 'Dairy Industry']],
  ['We are cutting single-use plastics across our offices.', ['Plastics', 'Plastics Industry']],
  ['Uniform provided, plus free meals on shift.', ['Uniform', 'Idox Uniform']],
  ['We recruit perm and contract staff.', ['PERM', 'PERM Labor Certification']],
  ['Forging strong partnerships with our suppliers.', ['Forging', 'Metal Forging']],
  ['Get your bearings in the first month with a buddy.', ['Bearings', 'Bearing Replacement']],
  ['Tune JVM garbage collection and GC pauses.', ['Gas Chromatography']],
  ['We participate in E-Verify and do not sponsor H-1B visas.', ['H-1B', 'H-1B Petitions']],
  ['Deviations from the plan must be agreed with the project manager.', ['Deviation Management']],
  ['Follow us on LinkedIn and YouTube for company news.', ['LinkedIn', 'YouTube']],
  ['Our annual reviews include a pay review.', ['EHCP Reviews']],
  [
    'We offer holiday pay from day one and a salary sacrifice cycle scheme.',
    ['Holiday Pay Calculations', 'Salary Sacrifice'],
  ],
  [
    'All offers are subject to reference checks and we make reasonable adjustments.',
    ['Reference Checks', 'Reasonable Adjustments'],
  ],
  ['We are proud of our 5-star food hygiene rating.', ['Food Hygiene Rating', 'Food Hygiene Rating Scheme']],
  ['Lead work on our new platform and strategic planning for the year.', ['Roofing', 'Town Planning']],
];

describe('round thirteen coverage: fields outside technology', () => {
  it('finds a sample of the new entries in sentences a posting would write, each in its group', () => {
    const wrong = POSTING_SENTENCES.filter(([text, name, category]) => {
      const hit = found(text).find(([n]) => n === name);
      return hit === undefined || hit[1] !== category;
    }).map(([text, name, category]) => [text, name, category, found(text)]);
    expect(wrong).toEqual([]);
  });

  it('does not read everyday words and phrases near the new entries as those skills', () => {
    const wrong = EVERYDAY.map(([text, forbidden]) => [
      text,
      names(text).filter((n) => forbidden.includes(n)),
    ]).filter(([, hits]) => hits!.length > 0);
    expect(wrong).toEqual([]);
  });

  it('keeps O*NET names, sources and licences when round thirteen only adds their spellings', () => {
    const bySurface = (surface: string) =>
      shippedVocabulary.skills.find((s) => s.name === surface || s.aliases.includes(surface));
    const onet = [
      'Mazatrol',
      'STEP 7',
      'WinCC',
      'RSLogix',
      'PC-DMIS',
      'Edgecam',
      'Spotfire',
      'MODFLOW',
      'Timberline',
    ];
    const notOnet = onet.filter(
      (surface) => (bySurface(surface) as { source?: string } | undefined)?.source !== 'onet',
    );
    expect(notOnet).toEqual([]);
    // The two O*NET names of Mastercam are one skill, shown as postings name it.
    expect(bySurface('CNC Mastercam')?.name).toBe('Mastercam');
    expect(bySurface('CNC Software Mastercam')?.name).toBe('Mastercam');
  });
});
