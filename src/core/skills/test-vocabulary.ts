/** Test helper: the shipped vocabulary. Tests only; the core is handed its vocabulary by callers. */
import data from '../../../data/skills/vocabulary.json' with { type: 'json' };
import type { Vocabulary } from './vocabulary.ts';

export const shippedVocabulary = data as Vocabulary;
