import { nounPhraseEnd } from './noun-phrases.js';
import { isPunct, quoteAround, type SentenceContext } from './sentence-context.js';

const LOOKAHEAD = 10;
const BRIDGE = new Set(['ADP', 'NOUN', 'PROPN', 'DET', 'ADJ', 'NUM', 'PUNCT', 'ADV']);

/**
 * Token range of the content after a cue ending at `from - 1`: skips the listener
 * ("told reporters"), adverbials up to a "that" or a quotation ("said in a statement
 * that"), and a final period that is not inside a quotation.
 */
export function contentAfter(ctx: SentenceContext, from: number, listener: boolean): [number, number] | null {
  const { tokens } = ctx;
  let i = from;
  if (listener) i = skipListener(ctx, i);
  while (isPunct(tokens[i], ',:')) i++;
  i = jumpToComplementizer(ctx, i);
  const end = contentEnd(ctx, i);
  return end >= i ? [i, end] : null;
}

/** Token range of a content that precedes the cue ("…, officials said."), ending before the comma at `comma`. */
export function contentBefore(ctx: SentenceContext, comma: number): [number, number] | null {
  const end = comma - 1;
  return end >= 0 ? [0, end] : null;
}

function skipListener(ctx: SentenceContext, i: number): number {
  const t = ctx.tokens[i];
  if (!t || t.lower === 'that' || t.pos === 'PUNCT') return i;
  const end = nounPhraseEnd(ctx.tokens, i, ctx.tokens.length - 1);
  return end === null ? i : end + 1;
}

function jumpToComplementizer(ctx: SentenceContext, from: number): number {
  const { tokens } = ctx;
  for (let k = from; k < tokens.length && k - from < LOOKAHEAD; k++) {
    const t = tokens[k];
    if (!t) break;
    if (k > from && (t.lower === 'that' || /^[“"«]$/.test(t.text) || t.text === ':')) {
      return t.text === ':' ? k + 1 : k;
    }
    if (!BRIDGE.has(t.pos)) break;
  }
  return from;
}

/** Last content token: the sentence end, minus a final mark outside quotes and a trailing "according to …". */
export function contentEnd(ctx: SentenceContext, from: number): number {
  const { tokens } = ctx;
  let end = tokens.length - 1;
  for (let k = from; k < end; k++) {
    if (tokens[k]?.lower === 'according' && tokens[k + 1]?.lower === 'to') {
      end = isPunct(tokens[k - 1], ',') ? k - 2 : k - 1;
      break;
    }
  }
  const last = tokens[end];
  if (last && isPunct(last, '.!?;:,') && !quoteAround(ctx, last.start, last.end)) end--;
  return end;
}
