/** Insights, channels, goals, wins, wellbeing and the weekly review: the use cases the faces call. */
export { insightsBackupSection } from './backup-section.ts';
export * from './channels.ts';
export * from './goals.ts';
export * from './insights.ts';
export { loadApplicationsCached } from './load.ts';
export * from './presenters.ts';
export {
  addJournalEntry,
  type JournalView,
  listJournal,
  loadFeedbackThemes,
  loadPostMortemRatings,
} from './recovery-link.ts';
export * from './review.ts';
export * from './wellbeing.ts';
export * from './wins.ts';
