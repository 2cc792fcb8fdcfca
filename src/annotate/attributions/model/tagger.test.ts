import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../sentences/split-sentences.js';
import { findQuotes } from '../find-quotes.js';
import { ruleAttributions } from '../rule-attributions.js';
import { tagTokens } from '../tag-tokens.js';
import { decodeTags, spansOf } from './decode-tags.js';
import {
  hashFeature,
  historyFeatures,
  labelBySpans,
  prepareDocument,
  shape,
  staticFeatures,
  type TaggerDocument,
} from './features.js';
import {
  fastShape,
  historyFeatureHashes,
  STATIC_FEATURE_COUNT,
  staticFeatureHashes,
  STRING_FEATURE_COUNT,
} from './hashed-features.js';
import { allowedAfter, LABELS, labelOf } from './labels.js';
import { decodeModel, encodeModel } from './model-codec.js';
import {
  modelAttributions,
  quietSentences,
  shippedModel,
  TAG_DEFAULTS,
  tagAttributions,
  withCueRates,
} from './model-attributions.js';
import {
  hashStatic,
  packedRows,
  quantize16,
  ROW,
  rows4To8,
  tagDocument,
  tagWithBeam,
  tagWithModel,
  toRows4,
  toRows8,
} from './tagger.js';
import { decodeVocabulary, encodeVocabulary, rateClass, vocabularyOf } from './extra-features.js';
import { STACKED_FEATURE_COUNT, stackedFeatureHashes } from './stacked-features.js';

function prepare(text: string): TaggerDocument {
  const sentences = splitSentences(text);
  const tokens = tagTokens(text);
  const quotes = findQuotes(text);
  return prepareDocument(text, sentences, tokens, quotes, ruleAttributions(text, sentences, tokens, quotes));
}

const label = (name: (typeof LABELS)[number]): number => LABELS.indexOf(name);

describe('attribution tagger: features', () => {
  it('should give each token its word, part of speech, lexicon class and rule label', () => {
    const doc = prepare('The mayor said on Monday that the bridge would reopen.');
    const features = staticFeatures(doc);
    expect(features).toHaveLength(doc.tokens.length);
    const said = doc.tokens.findIndex((t) => t.lower === 'said');
    expect(features[said]).toEqual(
      expect.arrayContaining(['w=said', 'l=say', 'p=VERB', 'lx=v:assert', 'r=B-C', 'w-1=mayor']),
    );
    expect(features[0]).toEqual(expect.arrayContaining(['w-1=|', 'sp=0']));
  });

  it('should mark quoted tokens and sentence of each token', () => {
    const doc = prepare('He said: “We will win.” Then he left.');
    const we = doc.tokens.findIndex((t) => t.text === 'We');
    const then = doc.tokens.findIndex((t) => t.text === 'Then');
    expect(doc.quoted[we]).toBe(1);
    expect(doc.quoted[then]).toBe(0);
    expect(doc.sentenceOf[then]).toBe(1);
    expect(doc.position[then]).toBe(0);
  });

  it('should hash feature strings deterministically', () => {
    expect(hashFeature('w=said')).toBe(hashFeature('w=said'));
    expect(hashFeature('w=said')).not.toBe(hashFeature('w=says'));
  });

  it('should hash features without their strings exactly as hashFeature hashes the strings', () => {
    const doc = prepare(
      '“We’re READY,” Gen. Ödön said.\nOfficials in Kyiv — 1,200 of them — claimed: the 2nd attack was “unprovoked”.',
    );
    const strings = staticFeatures(doc);
    const hashes = staticFeatureHashes(doc);
    expect(hashes).toHaveLength(strings.length * STATIC_FEATURE_COUNT);
    strings.forEach((list, i) => {
      expect(list.map((f) => hashFeature(f) | 0)).toEqual([
        ...hashes.subarray(i * STATIC_FEATURE_COUNT, i * STATIC_FEATURE_COUNT + STRING_FEATURE_COUNT),
      ]);
    });
    const labels = new Uint8Array(doc.tokens.length).map((_, i) => (i * 5) % LABELS.length);
    const out = new Int32Array(10);
    doc.tokens.forEach((_, i) => {
      const state = { seen: i % 8 };
      historyFeatureHashes(doc, i, labels, state, out);
      expect(historyFeatures(doc, i, labels, state).map((f) => hashFeature(f) | 0)).toEqual([...out]);
    });
  });

  it('should give word shapes without regular expressions as the regular expressions do', () => {
    for (const w of [
      'Kyiv',
      'U.S.',
      'aaab',
      'MMMcc',
      '1,200',
      'Ödön',
      'ÉÉÉÉ',
      '٣٣٣',
      '𝐀𝐀𝐀b',
      '—',
      "''''",
      'x\n\n\n',
    ]) {
      expect(fastShape(w)).toBe(shape(w));
    }
  });

  it('should label tokens B- where a span starts and I- inside it', () => {
    const tokens = tagTokens('Officials said the town fell.');
    const labels = labelBySpans(tokens, [
      { start: 0, end: 9, role: 'SOURCE', id: 0 },
      { start: 10, end: 14, role: 'CUE', id: 0 },
      { start: 15, end: 28, role: 'CONTENT', id: 0 },
    ]);
    expect([...labels].map((l) => LABELS[l])).toEqual([
      'B-SOURCE',
      'B-CUE',
      'B-CONTENT',
      'I-CONTENT',
      'I-CONTENT',
      'O',
    ]);
  });

  it('should allow an I- label only after its own role', () => {
    expect(allowedAfter(label('B-CUE'), label('I-CUE'))).toBe(true);
    expect(allowedAfter(label('O'), label('I-CUE'))).toBe(false);
    expect(allowedAfter(label('I-SOURCE'), label('I-CONTENT'))).toBe(false);
    expect(labelOf('CONTENT', true)).toBe(label('I-CONTENT'));
  });
});

describe('attribution tagger: decoding labels into attributions', () => {
  it('should join source, cue and content spans into one attribution with exact offsets', () => {
    const text = 'The union said wages must rise. Nothing else happened.';
    const doc = prepare(text);
    const names = ['B-SOURCE', 'I-SOURCE', 'B-CUE', 'B-CONTENT', 'I-CONTENT', 'I-CONTENT'] as const;
    const labels = new Uint8Array(doc.tokens.length);
    names.forEach((n, i) => (labels[i] = label(n)));
    const [a, ...rest] = decodeTags(doc, labels);
    expect(rest).toEqual([]);
    expect(a?.source?.text).toBe('The union');
    expect(a?.cue.text).toBe('said');
    expect(a?.content.text).toBe('wages must rise');
    expect(a?.cueClass).toBe('assert');
    expect(a?.kind).toBe('reported');
    for (const s of [a, a?.cue, a?.content, a?.source]) {
      expect(s && text.slice(s.start, s.end)).toBe(s?.text);
    }
  });

  it('should give a quotation split around its cue both parts', () => {
    const text = '“We are ready,” she said, “and we will win.”';
    const doc = prepare(text);
    // “ We are ready , ” she said , “ and we will win . ”
    const names = ['B-CONTENT', ...Array(5).fill('I-CONTENT'), 'B-SOURCE', 'B-CUE', 'O', 'B-CONTENT'];
    const labels = new Uint8Array(doc.tokens.length).fill(label('I-CONTENT'));
    names.forEach((n, i) => (labels[i] = label(n as (typeof LABELS)[number])));
    const [a] = decodeTags(doc, labels);
    expect(a?.contentParts?.map((p) => p.text)).toEqual(['“We are ready,”', '“and we will win.”']);
    expect(a?.kind).toBe('direct');
    expect(a?.source?.text).toBe('she');
  });

  it('should split a label sequence into role spans', () => {
    const labels = [0, 1, 2, 3, 5, 6, 5, 0].map((l) => l);
    expect(spansOf(labels)).toEqual([
      { role: 'SOURCE', first: 1, last: 2 },
      { role: 'CUE', first: 3, last: 3 },
      { role: 'CONTENT', first: 4, last: 5 },
      { role: 'CONTENT', first: 6, last: 6 },
    ]);
  });

  it('should find nothing without a cue label', () => {
    const doc = prepare('Rain fell all day.');
    expect(decodeTags(doc, new Uint8Array(doc.tokens.length))).toEqual([]);
  });
});

describe('attribution tagger: the shipped model', () => {
  it('should load and find the cue and content of a reported statement', () => {
    const model = shippedModel();
    expect(model).not.toBeNull();
    const text = 'The mayor said on Monday that the bridge would reopen.';
    const [a] = modelAttributions(prepare(text), model!);
    expect(a?.cue.text).toBe('said');
    expect(a?.content.text).toContain('the bridge would reopen');
    expect(a?.source?.text).toBe('The mayor');
    expect(text.slice(a!.content.start, a!.content.end)).toBe(a?.content.text);
  });

  it('should give the same labels on the fast path as tagDocument', () => {
    const model = shippedModel()!.first;
    const doc = prepare(
      '“We are ready,” the general said on Monday. Officials, however, denied that the town had fallen. ' +
        'According to the ministry, 1,200 troops arrived: “more will come”, it added.',
    );
    const labels = tagDocument(model, doc);
    expect([...tagWithModel(model, doc)]).toEqual([...labels]);
    expect(labels.some((l) => l !== 0)).toBe(true);
  });

  it('should give the same labels on the fast path as tagDocument with stacked features', () => {
    const model = shippedModel()!.first;
    const doc = prepare(
      '“We are ready,” the general said on Monday. Officials, however, denied that the town had fallen.',
    );
    const extra = stackedFeatureHashes(doc, tagWithModel(model, doc));
    const slow = tagDocument(model, doc, hashStatic(doc, model.bits, extra, STACKED_FEATURE_COUNT));
    expect([...tagWithModel(model, doc, undefined, extra, STACKED_FEATURE_COUNT)]).toEqual([...slow]);
  });

  it('should give the same labels passing sentence by sentence over interleaved rows as pass after pass', () => {
    const model = shippedModel()!;
    const doc = withCueRates(
      prepare(
        '“We are ready,” the general said on Monday. The weather was fine. ' +
          'Officials, however, denied that the town had fallen. According to the ministry, 1,200 troops arrived.',
      ),
      model.vocabulary,
    );
    const quiet = quietSentences(doc, TAG_DEFAULTS.busyClass, TAG_DEFAULTS.lexicon);
    const statics = staticFeatureHashes(doc, quiet);
    const first = tagWithModel(model.first, doc, statics, null, 0, quiet);
    const empty = Uint8Array.from(doc.sentences, (_, s) =>
      doc.tokens.some((_t, i) => doc.sentenceOf[i] === s && first[i] !== 0) ? 0 : 1,
    );
    const extra = stackedFeatureHashes(doc, first, empty);
    const second = tagWithModel(model.second!, doc, statics, extra, STACKED_FEATURE_COUNT, empty);
    expect([...tagAttributions(doc, model)]).toEqual([...second]);
    expect(second.some((l) => l !== 0)).toBe(true);
  });

  it('should leave the sentences it is told to skip outside any span', () => {
    const model = shippedModel()!.first;
    const doc = prepare('The mayor said the bridge would reopen. Officials denied that the town had fallen.');
    const labels = tagWithModel(model, doc, undefined, null, 0, Uint8Array.of(1, 0));
    doc.tokens.forEach((_, i) => {
      if (doc.sentenceOf[i] === 0) expect(labels[i]).toBe(0);
    });
    expect(labels.some((l) => l !== 0)).toBe(true);
  });

  it('should survive encoding and decoding in 4-bit rows, the differences within a row within a seventh of its range', () => {
    const weights = new Float32Array((1 << 4) * LABELS.length).map((_, i) => Math.sin(i) * 3);
    const encoded = encodeModel({ bits: 4, weights });
    expect(encoded.rows4).toBe(true);
    const back = decodeModel(encoded);
    expect(back.bits).toBe(4);
    for (let row = 0; row < weights.length; row += LABELS.length) {
      const original = [...weights.subarray(row, row + LABELS.length)];
      const decoded = [...back.weights.subarray(row, row + LABELS.length)];
      const range = Math.max(...original) - Math.min(...original);
      original.forEach((w, l) => {
        const moved = (decoded[l] as number) - (decoded[0] as number) - (w - (original[0] as number));
        expect(Math.abs(moved)).toBeLessThanOrEqual(range / 7 + 1e-6);
      });
    }
    // Encoding the decoded model again keeps its bytes.
    expect(encodeModel(back).data).toBe(encoded.data);
  });

  it('should centre each row before rounding it to 4 bits, and read the words back as 8-bit rows', () => {
    // Row 0 runs from -32768 to 32768 (64 steps of 2^9): ±4 steps of 2^13 (steps of 2^12 would need 8).
    const rows = Int8Array.of(64, 0, 0, 2, -64, 0, 0, 9, /* next row */ 10, 4, 4, 4, 4, 4, 4, 0);
    const packed = toRows4(rows);
    const back = rows4To8(packed);
    expect(back[7]).toBe(13);
    expect([...back.subarray(0, 7)]).toEqual([4, 0, 0, 0, -4, 0, 0]);
    // Row 1 runs from 4 to 10: centred on 7, ±3 steps of 1.
    expect(back[15]).toBe(0);
    expect([...back.subarray(8, 15)]).toEqual([3, -3, -3, -3, -3, -3, -3]);
  });

  it('should round every weight of a row to steps of the same power of two, at most 127 of them', () => {
    const q = Int16Array.of(32767, -5, 0, 1000, -32767, 3, 7, /* next row */ 100, -127, 0, 0, 0, 0, 1);
    const rows = toRows8(q, 2, LABELS.length);
    expect(rows[7]).toBe(9);
    expect([...rows.subarray(0, 7)]).toEqual([64, 0, 0, 2, -64, 0, 0]);
    expect(rows[15]).toBe(0);
    expect([...rows.subarray(8, 15)]).toEqual([100, -127, 0, 0, 0, 0, 1]);
  });

  it('should give the greedy labels with a beam of one, and labels of any width a valid sequence', () => {
    const model = shippedModel()!.first;
    const doc = prepare(
      '“We are ready,” the general said on Monday. Officials, however, denied that the town had fallen.',
    );
    const greedy = tagWithModel(model, doc);
    expect([...tagWithBeam(model, doc, 1)]).toEqual([...greedy]);
    const wide = tagWithBeam(model, doc, 4);
    wide.forEach((l, i) => expect(allowedAfter(i > 0 ? (wide[i - 1] as number) : 0, l)).toBe(true));
  });

  it('should read the older 16-bit and 8-bit layouts into the same 8-bit rows, and round them to the same 4-bit rows', () => {
    const weights = new Float32Array((1 << 4) * LABELS.length).map((_, i) => Math.cos(i) * 5);
    const { q, scale } = quantize16(weights);
    const padded = new Int16Array((1 << 4) * ROW);
    q.forEach((v, i) => (padded[Math.floor(i / LABELS.length) * ROW + (i % LABELS.length)] = v));
    const columns = { bits: 4, scale, data: deflateSync(Buffer.from(q.buffer)).toString('base64') };
    const rows16 = {
      ...columns,
      data: deflateSync(Buffer.from(padded.buffer)).toString('base64'),
      rows: true,
    };
    const rows8 = toRows8(q, 1 << 4, LABELS.length);
    const eight = {
      ...columns,
      data: deflateSync(Buffer.from(rows8.buffer)).toString('base64'),
      rows8: true,
    };
    expect([...(decodeModel(columns).rows as Int8Array)]).toEqual([...rows8]);
    expect([...(decodeModel(rows16).rows as Int8Array)]).toEqual([...rows8]);
    expect([...(decodeModel(eight).rows as Int8Array)]).toEqual([...rows8]);
    const now = decodeModel(encodeModel({ bits: 4, weights }));
    expect([...packedRows(decodeModel(columns))]).toEqual([...(now.packed as Int32Array)]);
  });

  it('should tag with the decoded 4-bit rows exactly as with the weights they stand for', () => {
    const weights = new Float32Array((1 << 10) * LABELS.length).map((_, i) => Math.sin(i * 7) * 2);
    const shipped = decodeModel(encodeModel({ bits: 10, weights }));
    const floats = { bits: 10, weights: Float32Array.from(shipped.weights) };
    const doc = prepare('The mayor said the bridge would reopen. Officials denied that the town had fallen.');
    expect([...tagWithModel(shipped, doc)]).toEqual([...tagWithModel(floats, doc)]);
  });
});

describe('attribution tagger: the learned cue vocabulary', () => {
  it('should class lemmas by how often they are cues, leaving rare and non-cue lemmas out', () => {
    expect(rateClass(1, 2)).toBe(0);
    expect(rateClass(0, 100)).toBe(0);
    expect(rateClass(10, 100)).toBe(1);
    expect(rateClass(90, 100)).toBe(4);
    const vocabulary = vocabularyOf([
      ['say', 90, 100],
      ['table', 0, 50],
      ["n't", 5, 20],
    ]);
    expect([...vocabulary.keys()]).toEqual(['say', "n't"]);
    expect(decodeVocabulary(encodeVocabulary(vocabulary))).toEqual(vocabulary);
  });
});
