/**
 * A gentle card about common thinking traps in a job search, in plain words. It offers another
 * way to look at a thought; it never diagnoses, scores or labels the person.
 */
export interface ThinkingTrap {
  id: 'personal' | 'always' | 'all_or_nothing';
  /** The trap, as the thought sounds from the inside. */
  thought: string;
  name: string;
  /** Another way to look at it. */
  reframe: string;
}

export const THINKING_TRAPS: readonly ThinkingTrap[] = [
  {
    id: 'personal',
    name: 'Taking it personally',
    thought: '“They said no to me.”',
    reframe:
      'They said no to one application, for one role, on one day, often for reasons you never see: an internal candidate, a budget, a change of plan. It is not a verdict on who you are.',
  },
  {
    id: 'always',
    name: 'One no means always no',
    thought: '“This always happens. It will never work.”',
    reframe:
      'Most searches are many noes and one yes. A no tells you about this time; it does not know what the next application will bring.',
  },
  {
    id: 'all_or_nothing',
    name: 'All or nothing',
    thought: '“If I didn’t get it, everything I did was wasted.”',
    reframe:
      'The preparation, the conversations and the practice stay with you. Getting to a reply, or an interview, was already part of the way.',
  },
];

export const REFRAME_NOTE =
  'If the hard feelings stay, or get heavier, talking to someone helps. You do not have to carry it alone.';
