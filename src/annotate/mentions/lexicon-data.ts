import nlp from 'compromise';
import { compactLexicon, type CompactLexicon, type CompromiseLexiconModel } from './compact-lexicon.js';

/**
 * The lexicon table, made from compromise. The build replaces this module with one that
 * reads the table it wrote beside the bundle (tsup.config.ts), so the CLI never loads
 * compromise; keep this module's one export in step with that replacement.
 */
export function lexiconData(): CompactLexicon {
  return compactLexicon((nlp as unknown as { model: () => CompromiseLexiconModel }).model());
}
