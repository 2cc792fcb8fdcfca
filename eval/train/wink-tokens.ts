import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from '../../src/annotate/attributions/tag-tokens.js';
import { isSpaceUnit } from '../../src/annotate/mentions/tokenize-words.js';

// Loading the model takes a moment; one instance serves every call. Only sentence
// boundaries and parts of speech are asked for: negation, sentiment and named entities
// cost time and change none of the tokens, tags or lemmas read here (checked on every
// article of ../shared/data).
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/**
 * Tokens of `text` with UTF-16 offsets, parts of speech and lemmas from wink-nlp: what the
 * project's own tagger (src/annotate/pos) is trained to reproduce (`npm run train -- pos`).
 */
export function winkTokens(text: string): Token[] {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos as never) as string[];
  const lemmas = doc.tokens().out(its.lemma as never) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    const start = locate(text, value, cursor);
    if (start < 0) return;
    const end = start + value.length;
    cursor = end;
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      lemma: (lemmas[i] ?? value).toLowerCase(),
      pos: pos[i] ?? 'X',
      start,
      end,
    });
  });
  return tokens;
}

/** Where `value` starts at or after `from`, skipping whitespace; -1 when the tokenizer changed it. */
function locate(text: string, value: string, from: number): number {
  let at = from;
  while (at < text.length && isSpaceUnit(text.charCodeAt(at))) at++;
  if (text.startsWith(value, at)) return at;
  const found = text.indexOf(value, from);
  return found >= 0 && found - from < 40 ? found : -1;
}
