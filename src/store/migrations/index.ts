import type { Migration } from 'kysely';
import * as initial from './2026_11_22_0900_initial.ts';
import * as recovery from './2026_11_22_1000_recovery.ts';
import * as insights from './2026_11_22_1100_insights.ts';
import * as skills from './2026_11_22_1200_skills.ts';
import * as imports from './2026_11_22_1300_imports.ts';
import * as summaries from './2026_11_27_1200_summaries.ts';
import * as ux from './2026_11_27_1400_ux.ts';
import * as roundsSearch from './2026_11_27_1500_rounds_search.ts';
import * as accounts from './2026_11_28_0900_accounts.ts';
import * as sharing from './2026_11_28_0920_sharing.ts';
import * as reminders from './2026_11_28_0930_reminders.ts';
import * as mailMatch from './2026_11_28_1000_mail_match.ts';
import * as weekPlan from './2026_11_28_1100_week_plan.ts';
import * as referrals from './2026_11_28_1200_referrals.ts';
import * as mailSync from './2026_11_28_1300_mail_sync.ts';
import * as ai from './2026_11_28_1400_ai.ts';
import * as aiReplySummaries from './2026_11_29_1700_ai_reply_summaries.ts';
import * as todayIndexes from './2026_11_30_0900_today_indexes.ts';
import * as insightTallies from './2026_12_01_0900_insight_tallies.ts';
import * as openRounds from './2026_12_01_0930_open_rounds.ts';
import * as acceptedRounds from './2026_12_01_1000_accepted_rounds.ts';
import * as goalWeek from './2026_12_01_1100_goal_week.ts';

/**
 * Every migration, by its frozen timestamped name. Append new ones; never rename, edit or
 * remove one that has shipped (the schema snapshot test guards against drops and renames).
 */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0900_initial': initial,
  '2026_11_22_1000_recovery': recovery,
  '2026_11_22_1100_insights': insights,
  '2026_11_22_1200_skills': skills,
  '2026_11_22_1300_imports': imports,
  '2026_11_27_1200_summaries': summaries,
  '2026_11_27_1400_ux': ux,
  '2026_11_27_1500_rounds_search': roundsSearch,
  '2026_11_28_0900_accounts': accounts,
  '2026_11_28_0930_reminders': reminders,
  '2026_11_28_1200_referrals': referrals,
  '2026_11_28_1300_mail_sync': mailSync,
  '2026_11_28_1100_week_plan': weekPlan,
  '2026_11_28_0920_sharing': sharing,
  '2026_11_28_1000_mail_match': mailMatch,
  '2026_11_28_1400_ai': ai,
  '2026_11_29_1700_ai_reply_summaries': aiReplySummaries,
  '2026_11_30_0900_today_indexes': todayIndexes,
  '2026_12_01_0900_insight_tallies': insightTallies,
  '2026_12_01_0930_open_rounds': openRounds,
  '2026_12_01_1000_accepted_rounds': acceptedRounds,
  '2026_12_01_1100_goal_week': goalWeek,
};
