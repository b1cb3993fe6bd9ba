import {
  type ApplicationEvent,
  OUTCOME_LABELS,
  type Outcome,
  ROUND_KIND_LABELS,
  type RoundKind,
  STAGE_LABELS,
  type Stage,
} from './application.ts';

/** A short, plain sentence for one history event, as shown in timelines and the CLI. */
export function describeEvent(event: ApplicationEvent): string {
  switch (event.type) {
    case 'created':
      return `Added at ${STAGE_LABELS[event.data.stage as Stage]}`;
    case 'stage_changed':
      return `Moved to ${STAGE_LABELS[event.data.to as Stage]}`;
    case 'outcome_set': {
      const label = OUTCOME_LABELS[event.data.outcome as Outcome];
      return event.data.reason ? `${label}: ${event.data.reason}` : label;
    }
    case 'reopened':
      return 'Reopened';
    case 'round_added':
      return `Round ${event.data.number} (${ROUND_KIND_LABELS[event.data.kind as RoundKind]})`;
    case 'response':
      return event.data.summary ? `They replied: ${event.data.summary}` : 'They replied';
    case 'note':
      return `Note: ${event.data.text}`;
    case 'undo':
      return 'Undid a change';
    case 'round_edited':
      return `Edited round ${event.data.number}`;
    case 'round_deleted':
      return `Deleted round ${event.data.number} (${ROUND_KIND_LABELS[event.data.round.kind as RoundKind]})`;
    case 'note_edited':
      return `Edited a note: ${event.data.text}`;
    case 'note_deleted':
      return `Deleted a note: ${event.data.text}`;
  }
}
