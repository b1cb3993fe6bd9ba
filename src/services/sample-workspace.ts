/**
 * Generated job searches: realistic application histories, interview rounds and job descriptions
 * from a seed (the same seed gives the same workspace), for the sample data a new user can load
 * and for the benchmarks and tests that need many applications. Pure: the day and time are passed in.
 */
import type {
  Application,
  ApplicationEvent,
  Channel,
  InterviewRound,
  Outcome,
  RoundKind,
  Stage,
} from '../core/applications/application.ts';
import { deriveState } from '../core/applications/history.ts';
import { addDays } from '../core/dates.ts';

const COMPANIES = [
  'Northwind Labs',
  'Acme Analytics',
  'Bluefin Health',
  'Cobalt Robotics',
  'Dovetail Energy',
  'Evergreen Bank',
  'Fjord Mobility',
  'Granite Games',
  'Harbor Logistics',
  'Ionic Systems',
  'Juniper Learning',
  'Kestrel Security',
  'Lumen Media',
  'Maple Fintech',
  'Nimbus Cloud',
  'Orchid Biotech',
  'Pioneer Retail',
  'Quartz Insurance',
  'Riverbend Foods',
  'Summit Travel',
  'Tidal Data',
  'Umbra Design',
  'Vantage Legal',
  'Willow Care',
];
const ROLES = [
  'Frontend Engineer',
  'Backend Engineer',
  'Full-Stack Developer',
  'Data Analyst',
  'Product Designer',
  'Product Manager',
  'DevOps Engineer',
  'QA Engineer',
  'Data Scientist',
  'Engineering Manager',
  'Technical Writer',
  'Customer Success Manager',
] as const;
const LOCATIONS = ['Berlin', 'London', 'Lisbon', 'Toronto', 'Austin', 'Remote (EU)', 'Amsterdam', 'Dublin'];
const CHANNEL_WEIGHTS: Array<[Channel, number]> = [
  ['job_board', 45],
  ['networking', 15],
  ['direct_outreach', 12],
  ['recruiter', 13],
  ['referral', 10],
  ['other', 5],
];
const TAGS = ['dream job', 'fintech', 'climate', 'startup', 'enterprise', 'contract', 'urgent'];
/**
 * A short posting per sample role, so the skills pages show gaps that differ from job to job
 * (one text for all of them drew a chart of equal bars).
 */
const JOB_DESCRIPTIONS: Record<(typeof ROLES)[number], string> = {
  'Frontend Engineer': `You will build the screens our customers use every day.

Requirements:
- 3+ years with TypeScript and React
- Accessibility and responsive design
- Clear written communication

Nice to have:
- Next.js, GraphQL`,
  'Backend Engineer': `You will own services from design to on-call.

Requirements:
- 4+ years with Go or Java
- PostgreSQL and REST APIs
- Docker

Nice to have:
- Kubernetes, AWS`,
  'Full-Stack Developer': `A small team shipping a web product end to end.

Requirements:
- TypeScript, React and Node.js
- PostgreSQL

Nice to have:
- AWS, Docker
- Experience mentoring others`,
  'Data Analyst': `Help teams decide with numbers they trust.

Requirements:
- SQL and Excel
- Tableau or Power BI
- Statistics

Nice to have:
- Python`,
  'Product Designer': `Design flows that feel simple for people in a hurry.

Requirements:
- Figma
- User research and prototyping

Nice to have:
- Design systems
- HTML and CSS`,
  'Product Manager': `Lead a product area with engineers and designers.

Requirements:
- Product management and roadmapping
- Stakeholder management
- Clear written communication

Nice to have:
- SQL, A/B testing`,
  'DevOps Engineer': `Keep our platform fast, safe and boring.

Requirements:
- Kubernetes and Terraform
- AWS
- Linux

Nice to have:
- Prometheus, Python`,
  'QA Engineer': `Make sure releases work before customers see them.

Requirements:
- Test automation with Playwright or Selenium
- JavaScript

Nice to have:
- CI/CD, SQL`,
  'Data Scientist': `Build models that ship, not only notebooks.

Requirements:
- Python and SQL
- Machine learning and statistics

Nice to have:
- PyTorch, Spark`,
  'Engineering Manager': `Lead a team of six engineers and grow them.

Requirements:
- People management and coaching
- Agile delivery
- System design

Nice to have:
- Hiring experience`,
  'Technical Writer': `Write the guides developers reach for first.

Requirements:
- Technical writing
- Markdown and Git

Nice to have:
- REST APIs, Python`,
  'Customer Success Manager': `Be the person our customers call first.

Requirements:
- Customer success and account management
- Salesforce
- Clear spoken and written communication

Nice to have:
- Fluent German`,
};

/** A small deterministic PRNG (mulberry32) so sample data and benchmarks are repeatable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedWorkspace {
  applications: Application[];
  events: ApplicationEvent[];
  rounds: InterviewRound[];
}

/**
 * Generates `count` applications with realistic histories ending on or before `today`: most are
 * applied and hear nothing, some reach screening and interviews, a few get offers; rejections
 * come at every stage. `notesPerApp` pads histories for benchmarks (~10 events per application).
 */
export function generateWorkspace(options: {
  count: number;
  today: string;
  now: string;
  seed?: number;
  notesPerApp?: number;
  openOnly?: boolean;
}): GeneratedWorkspace {
  const rand = prng(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const weighted = (): Channel => {
    let r = rand() * 100;
    for (const [c, w] of CHANNEL_WEIGHTS) {
      r -= w;
      if (r <= 0) return c;
    }
    return 'other';
  };
  const applications: Application[] = [];
  const events: ApplicationEvent[] = [];
  const rounds: InterviewRound[] = [];
  const pad = String(options.count).length;

  for (let i = 0; i < options.count; i++) {
    const id = `s${String(i).padStart(pad, '0')}-${Math.floor(rand() * 1e9).toString(36)}`;
    // About a third are recent and still open, as in a real search; the rest have had time to close.
    const recent = rand() < 0.3;
    const appliedOn = addDays(
      options.today,
      recent ? -2 - Math.floor(rand() * 16) : -20 - Math.floor(rand() * 100),
    );
    const appEvents: ApplicationEvent[] = [];
    let seq = 0;
    let day = appliedOn;
    // A step of the process that would come after today has not happened yet: the history stops
    // there (its later steps are left out) instead of piling them all onto today. Notes and the
    // outcome still land on today at the latest.
    let stopped = false;
    const push = (type: ApplicationEvent['type'], data: unknown, gap = 0, clamp = false): boolean => {
      // A recent application moves at twice the pace, so some are well on by now.
      const next = addDays(day, recent ? Math.ceil(gap / 2) : gap);
      if (!clamp && (stopped || next > options.today)) {
        stopped = true;
        return false;
      }
      day = next > options.today ? options.today : next;
      appEvents.push({
        id: `${id}-e${seq + 1}`,
        applicationId: id,
        seq: ++seq,
        type,
        occurredOn: day,
        recordedAt: options.now,
        data,
      } as ApplicationEvent);
      return true;
    };
    const saved = rand() < 0.08;
    push('created', { stage: saved ? 'saved' : 'applied' });
    let stage: Stage = saved ? 'saved' : 'applied';
    const appRounds: InterviewRound[] = [];
    const round = (kind: RoundKind, gap: number, who: string | null): InterviewRound => ({
      id: `${id}-r${appRounds.length + 1}`,
      applicationId: id,
      number: appRounds.length + 1,
      kind,
      scheduledAt: addDays(day, gap),
      startTime: null,
      durationMinutes: null,
      who,
      notes: null,
      createdAt: options.now,
    });
    const move = (to: Stage, gap: number) => {
      if (push('stage_changed', { from: stage, to }, gap)) stage = to;
      else if (to === 'interviewing' && appRounds.length === 0 && day <= options.today) {
        // The interviews are still to come: the first one is booked, on the day they would start.
        const r = round('phone', gap, null);
        push('round_added', { roundId: r.id, number: r.number, kind: r.kind }, 0, true);
        appRounds.push(r);
      }
    };
    const addRound = (kind: RoundKind, gap: number) => {
      const r = round(kind, gap, rand() < 0.5 ? 'Alex Morgan' : null);
      // Set up on the day the history has reached (today at the latest), held `gap` days on: an
      // interview may still be to come. The history goes on from the interview's day.
      if (!push('round_added', { roundId: r.id, number: r.number, kind })) return;
      appRounds.push(r);
      day = r.scheduledAt!;
    };
    let outcome: Outcome | null = null;
    if (!saved) {
      const roll = rand();
      if (roll < 0.45) outcome = rand() < 0.55 ? 'ghosted' : 'rejected';
      else if (roll < 0.6) outcome = null;
      else {
        move('screening', 5 + Math.floor(rand() * 10));
        push('response', { summary: 'Recruiter reached out' });
        if (rand() < 0.35) outcome = 'rejected';
        else {
          move('interviewing', 4 + Math.floor(rand() * 7));
          addRound('technical', 3);
          if (rand() < 0.6) addRound('behavioural', 5);
          if (rand() < 0.3) {
            move('screening', 1); // a back-move: the process was restarted
            move('interviewing', 3);
          }
          const r2 = rand();
          if (r2 < 0.55) outcome = 'rejected';
          else if (r2 < 0.75) {
            addRound('final', 6);
            move('offer', 4);
            const r3 = rand();
            if (r3 < 0.4) move('accepted', 3);
            else if (r3 < 0.7) outcome = 'declined';
          } else if (r2 < 0.85) outcome = 'withdrawn';
        }
      }
    }
    if (recent) outcome = null;
    // An offer declined needs the offer, which may not have come yet.
    if (outcome === 'declined' && (stage as Stage) !== 'offer') outcome = null;
    for (let n = 0; n < (options.notesPerApp ?? 0); n++)
      push('note', { text: `Note ${n + 1}: followed up and prepared.` }, 1, true);
    if (outcome && !options.openOnly)
      push(
        'outcome_set',
        {
          outcome,
          reason: outcome === 'rejected' && rand() < 0.3 ? 'Went with a more senior candidate' : null,
        },
        3 + Math.floor(rand() * 20),
        true,
      );

    // A closed application (an outcome, or the offer accepted) has no interviews still to come:
    // a round that would fall after today took place today at the latest, as its history says.
    // (`stage` is moved inside `move`, which TypeScript does not follow.)
    if ((outcome && !options.openOnly) || (stage as Stage) === 'accepted')
      for (const r of appRounds)
        if (r.scheduledAt !== null && r.scheduledAt > options.today) r.scheduledAt = options.today;
    const state = deriveState(appEvents);
    // Picked in the order they always were, so the same seed gives the same workspace.
    const company = pick(COMPANIES);
    const role = pick(ROLES);
    applications.push({
      id,
      company,
      role,
      jobUrl: `https://jobs.example.com/${id}`,
      website: null,
      location: pick(LOCATIONS),
      workMode: pick(['onsite', 'hybrid', 'remote'] as const),
      salaryMin: 50_000 + Math.floor(rand() * 40) * 1000,
      salaryMax: 95_000 + Math.floor(rand() * 40) * 1000,
      salaryCurrency: 'EUR',
      jobDescription: JOB_DESCRIPTIONS[role],
      channel: weighted(),
      kind: rand() < 0.08 ? 'contract' : 'job',
      resumeVersion: rand() < 0.5 ? 'Résumé for platform roles' : 'General résumé',
      coverLetterVersion: null,
      tags: rand() < 0.4 ? [pick(TAGS)] : [],
      notes: null,
      priority: 1 + Math.floor(rand() * 5),
      excitement: 1 + Math.floor(rand() * 5),
      appliedOn: saved ? null : appliedOn,
      ...state,
      createdAt: options.now,
      updatedAt: options.now,
    });
    events.push(...appEvents);
    rounds.push(...appRounds);
  }
  return { applications, events, rounds };
}

/**
 * Gives each sample application a company and role no other one has (the generator picks both at
 * random): two "Lumen Media, Backend Engineer" cards, one quiet and one with an interview booked,
 * read as one application contradicting itself. The next free role, in order, with its description.
 */
export function distinctRoles(applications: GeneratedWorkspace['applications']): void {
  const taken = new Set<string>();
  for (const app of applications) {
    let at = ROLES.indexOf(app.role as (typeof ROLES)[number]);
    for (let tries = 0; taken.has(`${app.company}|${ROLES[at]}`) && tries < ROLES.length; tries++)
      at = (at + 1) % ROLES.length;
    const role = ROLES[at]!;
    if (role !== app.role) Object.assign(app, { role, jobDescription: JOB_DESCRIPTIONS[role] });
    taken.add(`${app.company}|${role}`);
  }
}
