/** Test helper: the shipped vocabulary, read once. Tests only; the core itself never reads files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Vocabulary } from './vocabulary.ts';

export const shippedVocabulary = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../data/skills/vocabulary.json'), 'utf8'),
) as Vocabulary;
