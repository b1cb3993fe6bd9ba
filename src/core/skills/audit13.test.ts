import { describe, expect, it } from 'vitest';
import { shippedVocabulary } from '../../../test/support/skills-vocabulary.ts';
import { extractSkills } from './extract.ts';
import { buildMatcher } from './matcher.ts';

const matcher = buildMatcher(shippedVocabulary);
const names = (text: string) => extractSkills(matcher, text).skills.map((s) => s.name);

/**
 * Round thirteen's vocabulary audit (branch `audit13`): everyday sentences of company blurbs,
 * benefits, equal-opportunity lines and colleagues' work that use a phrase the round-thirteen
 * coverage lists had filed under a skill, in a sense that is not that skill. None of the skills
 * named beside a sentence may be read from it (each was read on af2d6f8's vocabulary).
 */
const NOT_THE_SKILL: [string, string[]][] = [
  // (a) an alias naming a different concept than its skill
  ['Complete Graded Care Profile 2 assessments with the family.', ['Signs of Safety']],
  ['Good working knowledge of RIPA and the CPIA.', ['PACE']],
  ['You have been trained in systematic molding.', ['RJG Master Molder']],
  ['Experience of serving Section 8 notices.', ['Arrears Management']],
  ['Knowledge of the Civil Liability Act is useful.', ['Whiplash Reforms']],
  ['Carry out client onboarding checks for new accounts.', ['Anti-Money Laundering']],
  ['A degree in animal studies or zoology.', ['In Vivo Studies']],
  ['Complete batch manufacturing records accurately.', ['Batch Release']],
  ['Run pulmonary rehabilitation classes in the community.', ['Cardiac Rehabilitation']],
  ['Use fume hoods when handling solvents.', ['Laminar Flow Hood']],
  ['You hold a PharmD from an accredited school.', ['MPharm']],
  ['Design summative assessment for Year 9.', ['Assessment for Learning']],
  ['Run OFAC screening on every new customer.', ['Bank Secrecy Act']],
  ['The site is audited to IFS Food.', ['ISO 22000']],
  ['Hold a Cambridge CELTA or DELTA.', ['TEFL']],
  ['Send samples for X-ray fluorescence.', ['X-ray Diffraction']],
  ['Screen customers in ComplyAdvantage.', ['World-Check']],
  ['Prepare files for the Court of Protection.', ['Will Writing']],
  ['You hold HLTA status.', ['Supporting Teaching and Learning']],
  ['Trained in Mandt or Studio III approaches.', ['Safety-Care']],
  ['Prescriptions are processed in Titan PMR.', ['ProScript Connect']],
  ['Experience of Aptem or OneFile e-portfolios.', ['Smart Assessor']],
  ['Our artists use Unity Pro for prototypes.', ['Schneider Electric PLC']],
  // (b) a workplace or a kind of customer read as a field
  ['Join the finance team of a QSR group with 200 sites.', ['Hospitality']],
  ['The college also runs community learning courses in the evenings.', ['Education']],
  ['Our landlord has just finished the tenant improvements to our office.', ['Construction']],
  ['We welcome applications from autistic people.', ['Autism']],
  ['Our charity supports refugees in Leeds.', ['Refugees and Asylum']],
  ['Many of the young people we house are care leavers.', ["Children's Services"]],
  ['You will work in our fulfilment centre, next to the loading bays.', ['E-commerce', 'Dispatch']],
  ['We are a registered provider and a social enterprise.', ['Housing', 'Nonprofit']],
  ['Housing providers and managing agents across the city use our software.', ['Block Management']],
  ['Work alongside our in-house legal team.', ['Legal Services']],
  ['Discounted leisure centre membership for all staff.', ['Sport and Fitness']],
  ['Our offices sit in historic buildings in the old town.', ['Heritage Conservation']],
  ['Our private rented sector lettings team is growing.', ['HMO Licensing']],
  ['Youth club on Fridays for our employees’ children.', ['Youth Work']],
  // (c) everyday phrases of blurbs, benefits, duties the job only touches and colleagues' work
  [
    "Build the pipelines behind the marketing team's campaign performance dashboards.",
    ['Campaign Management'],
  ],
  ['Maintain the packing lines and filling machines across both shifts.', ['Packaging Line Operation']],
  ['Our social committee will organize events throughout the year.', ['Event Planning']],
  ['Our friendly drivers will schedule deliveries to suit you.', ['Delivery Scheduling']],
  ['Our technicians prepare reagents so our scientists can focus on research.', ['Solution Preparation']],
  [
    'Pension contributions matched up to 6% and enhanced shared parental pay.',
    ['Pension Auto-Enrolment', 'Statutory Payments'],
  ],
  ['Your main duty will be to greet customers as they arrive.', ['Homelessness Casework']],
  ['We put People First in everything we do.', ['iTrent']],
  ['Members get two PT sessions a month.', ['Personal Training']],
  ['Free express delivery on all staff orders.', ['Parcel and Courier']],
  ['All our staff are brand ambassadors for what we sell.', ['Influencer Marketing']],
  ['Submit expense claims through the app each month.', ['Expense Management']],
  ['Answer calls in a warm, friendly tone of voice.', ['Brand Management']],
  [
    'Attend the daily safety briefings and report accidents to your supervisor.',
    ['Toolbox Talks', 'Incident Reporting'],
  ],
  ['You will meet pick rates of 120 units per hour.', ['Productivity Monitoring']],
  ['The university attracts £50m of research funding each year.', ['Research Administration']],
  ['Apprentices spend 20% of their time in off-the-job training.', ['Apprenticeship Delivery']],
  ['Our engineers design FIFO buffers for the radio firmware.', ['Inventory Management']],
  ['Our offices are built from shipping containers.', ['Sea Freight']],
  ['Sponsored events and our charity lottery support local causes.', ['Fundraising']],
  ['Work with our video editor and camera operator on shoots.', ['Video Editing']],
  ['Buy only from approved suppliers.', ['Supplier Management']],
  ['Discretionary service charges are shared among the team.', ['Leasehold Management']],
  ['Come and see us at one of our open days.', ['Student Recruitment']],
  ['PCR testing may be required before overseas travel.', ['qPCR']],
  ['There are no billable hours targets in this role.', ['Legal Billing']],
  ['The university was rated Gold in the Teaching Excellence Framework.', ['Academic Quality Assurance']],
  ['We serve cask ale and craft lager.', ['Cellar Management']],
  ['Working with young people is at the heart of our charity.', ['Youth Work']],
  ['Our standard work week is 40 hours, Monday to Friday.', ['Standard Work', 'Standardised Work']],
  // (d) a certificate from an activity
  ['Experience of coded welding on pipework.', ['Coded Welder']],
  ['Notarizing documents for clients.', ['Notary Public']],
  ['Research into 6G mobile networks.', ['Coded Welder']],
];

describe('round thirteen vocabulary audit', () => {
  it('does not read everyday uses of round thirteen’s phrases as those skills', () => {
    const wrong = NOT_THE_SKILL.map(([text, forbidden]) => [
      text,
      names(text).filter((n) => forbidden.includes(n)),
    ]).filter(([, hits]) => hits!.length > 0);
    expect(wrong).toEqual([]);
  });

  it('keeps the concepts that were filed under another skill as skills of their own', () => {
    const own: [string, string][] = [
      ['Complete Graded Care Profile 2 assessments with the family.', 'Graded Care Profile 2'],
      ['Good working knowledge of RIPA.', 'RIPA'],
      ['Experience of serving Section 8 notices and possession proceedings.', 'Possession Proceedings'],
      ['Experience of coded welding on pipework.', 'Coded Welding'],
      ['You hold a valid coded welder ticket.', 'Coded Welder'],
      ['Run pulmonary rehabilitation classes in the community.', 'Pulmonary Rehabilitation'],
      ['Use fume hoods when handling solvents.', 'Fume Hoods'],
      ['Send samples for X-ray fluorescence.', 'X-ray Fluorescence'],
      ['Run OFAC screening on every new customer.', 'Sanctions Screening'],
      ['Complete MAR charts after each round.', 'Medication Administration'],
    ];
    const missing = own
      .filter(([text, name]) => !names(text).includes(name))
      .map(([t, n]) => [t, n, names(t)]);
    expect(missing).toEqual([]);
  });
});
