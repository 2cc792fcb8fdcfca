import { describe, expect, it } from 'vitest';
import { shippedPosModel, tagTokens } from '../attributions/tag-tokens.js';
import { lemmatize } from './lemmatize.js';
import { POS_TAGS } from './pos-features.js';
import { decodePosModel, encodePosModel } from './pos-model-codec.js';

const tagged = (text: string): string[] => tagTokens(text).map((t) => `${t.text}/${t.pos}/${t.lemma}`);

describe('tagTokens (the shipped part-of-speech tagger)', () => {
  it('should tag and lemmatize a plain reported-speech sentence', () => {
    expect(tagged('The officials said that the troops were leaving the city.')).toEqual([
      'The/DET/the',
      'officials/NOUN/official',
      'said/VERB/say',
      'that/SCONJ/that',
      'the/DET/the',
      'troops/NOUN/troop',
      'were/AUX/be',
      'leaving/VERB/leave',
      'the/DET/the',
      'city/NOUN/city',
      './PUNCT/.',
    ]);
  });

  it('should tell names, numbers and line breaks apart', () => {
    const tokens = tagTokens('Senator Maria Lindqvist denied 12 claims.\n\nShe spoke.');
    expect(tokens.map((t) => t.pos)).toEqual([
      'PROPN',
      'PROPN',
      'PROPN',
      'VERB',
      'NUM',
      'NOUN',
      'PUNCT',
      'SPACE',
      'PRON',
      'VERB',
      'PUNCT',
    ]);
    expect(tokens[3]?.lemma).toBe('deny');
  });

  it('should give UTF-16 offsets into the text', () => {
    const text = '“We won’t,” he said — in Zürich.';
    for (const t of tagTokens(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('lemmatize', () => {
  const model = shippedPosModel();
  const verb = POS_TAGS.indexOf('VERB');
  const noun = POS_TAGS.indexOf('NOUN');
  it('should apply learned endings to words it never saw', () => {
    expect(lemmatize('blorfed', verb, model)).toBe('blorf');
    expect(lemmatize('blorfs', noun, model)).toBe('blorf');
  });
});

describe('encodePosModel', () => {
  it('should round-trip the shipped model', () => {
    const model = shippedPosModel();
    const back = decodePosModel(encodePosModel(model));
    expect(back.bits).toBe(model.bits);
    expect(Buffer.compare(Buffer.from(back.weights.buffer), Buffer.from(model.weights.buffer))).toBe(0);
    expect([...back.dictionary]).toEqual([...model.dictionary]);
    expect(back.lemmas.map((m) => m.size)).toEqual(model.lemmas.map((m) => m.size));
  });
});
