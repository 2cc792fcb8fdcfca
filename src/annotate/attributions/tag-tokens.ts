import { lemmatize } from '../pos/lemmatize.js';
import { POS_TAGS, posDocument } from '../pos/pos-features.js';
import { decodePosModel, type PosModel } from '../pos/pos-model-codec.js';
import { POS_MODEL } from '../pos/pos-model.js';
import { splitTokens } from '../pos/split-tokens.js';
import { tagPartsOfSpeech } from '../pos/tag-parts-of-speech.js';

/** One word or punctuation mark of the text, with its part of speech and lemma. */
export interface Token {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
}

let model: PosModel | null = null;

/** The project's part-of-speech tagger and lemmatizer, decoded on first use. */
export function shippedPosModel(): PosModel {
  model ??= decodePosModel(POS_MODEL);
  return model;
}

/**
 * Tokens of `text` with UTF-16 offsets, parts of speech and lemmas, from the project's own
 * tokenizer and tagger (src/annotate/pos, trained to reproduce wink-nlp's English tokens,
 * tags and lemmas, which the attribution tagger was first trained on).
 */
export function tagTokens(text: string): Token[] {
  const pos = shippedPosModel();
  const doc = posDocument(text, splitTokens(text));
  const tags = tagPartsOfSpeech(doc, pos);
  const n = doc.starts.length;
  const tokens = new Array<Token>(n);
  for (let i = 0; i < n; i++) {
    const start = doc.starts[i] as number;
    const end = doc.ends[i] as number;
    const lower = doc.lowers[i] as string;
    const tag = tags[i] as number;
    tokens[i] = {
      text: text.slice(start, end),
      lower,
      lemma: lemmatize(lower, tag, pos),
      pos: POS_TAGS[tag] as string,
      start,
      end,
    };
  }
  return tokens;
}
