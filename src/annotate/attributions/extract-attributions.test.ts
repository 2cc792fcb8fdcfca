import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../model/annotations.js';
import { cueClassOf } from '../lexicon/cue-verbs.js';
import { splitSentences } from '../sentences/split-sentences.js';
import { extractAttributions } from './extract-attributions.js';

function extract(text: string): Attribution[] {
  const attributions = extractAttributions(text, splitSentences(text));
  for (const a of attributions) {
    for (const s of [a, a.cue, a.content, ...(a.source ? [a.source] : []), ...(a.contentParts ?? [])]) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(a.sourceKey).toBeNull();
  }
  return attributions;
}

const brief = (a: Attribution) => [a.source?.text ?? null, a.cue.text, a.content.text, a.kind];

describe('extractAttributions: direct quotes (find-quote-attributions)', () => {
  it('should read “…,” X said', () => {
    const [a] = extract('“The levee will hold,” the engineer said.');
    expect(brief(a as Attribution)).toEqual(['the engineer', 'said', '“The levee will hold,”', 'direct']);
  });

  it('should read “…,” said X with the appositive in the source, as PolNeAR does', () => {
    const [a] = extract('“We are ready,” said Dana Ruiz, a county spokeswoman.');
    expect(brief(a as Attribution)).toEqual([
      'Dana Ruiz, a county spokeswoman',
      'said',
      '“We are ready,”',
      'direct',
    ]);
  });

  it('should read X said: “…” with the colon in the cue, as PolNeAR does', () => {
    const [a] = extract('The coach said: “We played badly.”');
    expect(brief(a as Attribution)).toEqual(['The coach', 'said:', '“We played badly.”', 'direct']);
  });

  it('should join a quote split around the cue and a quote continued in the next sentence', () => {
    const text = '“The water is rising,” the mayor said, “and we need help.” “Send boats now.”';
    const [a] = extract(text);
    expect(a?.contentParts?.map((p) => p.text)).toEqual([
      '“The water is rising,”',
      '“and we need help.” “Send boats now.”',
    ]);
  });
});

describe('extractAttributions: reported speech (find-reported-speech)', () => {
  it('should read X said that …', () => {
    const [a] = extract('The health ministry said that three clinics had closed.');
    expect(brief(a as Attribution)).toEqual([
      'The health ministry',
      'said',
      'that three clinics had closed',
      'reported',
    ]);
  });

  it('should skip the listener of told', () => {
    const [a] = extract('The chief told reporters the fire was contained.');
    expect(a?.content.text).toBe('the fire was contained');
    expect(a?.source?.text).toBe('The chief');
  });

  it('should read the inverted …, X said.', () => {
    const [a] = extract('The talks will resume next week, a diplomat said on Monday.');
    expect(brief(a as Attribution)).toEqual([
      'a diplomat',
      'said',
      'The talks will resume next week',
      'reported',
    ]);
  });

  it('should give a participle cue the subject of the clause', () => {
    // PolNeAR train also marks "voted against" as a cue (9 times): the tagger adds that one.
    const a = extract('The senator voted against the bill, saying it cost too much.').find(
      (x) => x.cue.text === 'saying',
    );
    expect(a?.source?.text).toBe('The senator');
    expect(a?.content.text).toBe('it cost too much');
  });

  it('should treat verbs of belief and intention as attributions', () => {
    const attributions = extract('Most farmers believe the drought will end. The union wants higher wages.');
    expect(attributions.map((a) => [a.source?.text, a.cue.text, a.cueClass])).toEqual([
      ['Most farmers', 'believe', 'assert'],
      ['The union', 'wants', 'evaluate'],
    ]);
  });

  it('should keep a negation with its cue', () => {
    const [a] = extract('The company did not deny that it had cut jobs.');
    expect(a?.cue.text).toBe('did not deny');
    expect(a?.cueClass).toBe('deny');
  });
});

describe('extractAttributions: according to (find-according-to)', () => {
  it('should read According to X, …', () => {
    const [a] = extract('According to the weather service, the storm will weaken.');
    expect(brief(a as Attribution)).toEqual([
      'the weather service',
      'According to',
      'the storm will weaken',
      'reported',
    ]);
  });

  it('should read …, according to X.', () => {
    const [a] = extract('Prices rose sharply in March, according to the statistics office.');
    expect(a?.source?.text).toBe('the statistics office');
    expect(a?.content.text).toBe('Prices rose sharply in March');
  });
});

describe('extractAttributions: passive and nominal cues', () => {
  it('should read it was reported that … without a source', () => {
    const [a] = extract('It was reported that the plant had closed.');
    expect(brief(a as Attribution)).toEqual([null, 'was reported', 'that the plant had closed', 'reported']);
  });

  it('should read X is said to … with the subject in the content', () => {
    const [a] = extract('The general is said to favor a ceasefire.');
    expect(a?.source).toBeNull();
    expect(a?.contentParts?.map((p) => p.text)).toEqual(['The general', 'to favor a ceasefire']);
  });

  it("should read X's claim that … (find-nominal-attributions)", () => {
    const text = 'Observers doubted the army’s claim that the town had fallen.';
    const nominal = extract(text).find((a) => a.cue.text === 'claim');
    expect(nominal?.source?.text).toBe('the army');
    expect(nominal?.cueClass).toBe('allege');
    expect(nominal?.content.text).toBe('that the town had fallen');
  });

  it('should read a headline Speaker: content (find-colon-attributions)', () => {
    const [a] = extract('Governor: schools will reopen in May');
    expect(brief(a as Attribution)).toEqual(['Governor', ':', 'schools will reopen in May', 'reported']);
  });
});

describe('extractAttributions: nesting and classes', () => {
  it('should keep a nested attribution with its parent', () => {
    const attributions = extract('Officials said the commander claimed the region was secure.');
    expect(attributions.map((a) => [a.cue.text, a.cueClass, a.parent])).toEqual([
      ['said', 'assert', null],
      ['claimed', 'allege', 0],
    ]);
    expect(attributions[1]?.source?.text).toBe('the commander');
  });

  it('should class cue words from the lexicon', () => {
    expect(cueClassOf('deny')).toBe('deny');
    expect(cueClassOf('admit')).toBe('acknowledge');
    expect(cueClassOf('allege')).toBe('allege');
    expect(cueClassOf('estimate')).toBe('estimate');
    expect(cueClassOf('criticize')).toBe('evaluate');
    expect(cueClassOf('say')).toBe('assert');
    expect(cueClassOf('banana')).toBeNull();
  });

  it('should find nothing in a sentence without a cue', () => {
    expect(extract('The river flooded two villages.')).toEqual([]);
  });

  it('should throw a TypeError when sentences are missing', () => {
    expect(() => extractAttributions('text', undefined as unknown as [])).toThrow(TypeError);
  });
});
