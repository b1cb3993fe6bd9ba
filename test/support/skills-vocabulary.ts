/** Test helper: the shipped skill vocabulary. The core is handed its vocabulary by callers. */
import data from '../../data/skills/vocabulary.json' with { type: 'json' };
import type { Vocabulary } from '../../src/core/skills/vocabulary.ts';

export const shippedVocabulary = data as Vocabulary;
