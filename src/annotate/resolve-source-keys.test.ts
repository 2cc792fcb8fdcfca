import { describe, expect, it } from 'vitest';
import type { Attribution, Mention } from '../model/annotations.js';
import { resolveSourceKeys } from './resolve-source-keys.js';

const mention = (key: string, start: number, type: Mention['type'], demonym = false): Mention =>
  ({ key, start, end: start + 5, type, demonym, text: key, name: key, role: null }) as Mention;
const saidBy = (source: string, start: number): Attribution =>
  ({
    start,
    end: start + 40,
    text: '',
    source: { start, end: start + source.length, text: source },
    sourceKey: null,
    cue: { start: start + 10, end: start + 16, text: 'insist' },
    cueClass: 'assert',
    content: { start: start + 17, end: start + 40, text: 'that …' },
    kind: 'reported',
    parent: null,
  }) as Attribution;

describe('resolveSourceKeys: pronoun sources', () => {
  it('gives "they" the last people, body or demonym before it, never a bare place', () => {
    const mentions = [mention('ukraine', 0, 'place', true), mention('eastfield', 50, 'place')];
    expect(resolveSourceKeys([saidBy('They', 100)], mentions)[0]!.sourceKey).toBe('ukraine');
    const withBody = [...mentions, mention('general-staff', 70, 'organization')];
    expect(resolveSourceKeys([saidBy('They', 100)], withBody)[0]!.sourceKey).toBe('general-staff');
  });

  it('gives "she" the last person and "it" the last named thing', () => {
    const mentions = [mention('jane-roe', 0, 'person'), mention('acme', 50, 'organization')];
    expect(resolveSourceKeys([saidBy('she', 100)], mentions)[0]!.sourceKey).toBe('jane-roe');
    expect(resolveSourceKeys([saidBy('it', 100)], mentions)[0]!.sourceKey).toBe('acme');
  });
});

describe('resolveSourceKeys: named sources', () => {
  const at = (source: string, word: string): number => 100 + source.indexOf(word);
  const named = (source: string, mentions: Array<[string, string, Mention['type']]>): string | null => {
    const found = mentions.map(([key, word, type]) => ({
      ...mention(key, at(source, word), type),
      end: at(source, word) + word.length,
    }));
    return resolveSourceKeys([saidBy(source, 100)], found)[0]!.sourceKey;
  };

  it('takes a person who opens the source and an apposition follows, not a name inside the apposition', () => {
    const source = 'Jane Roe, a lawyer for John Doe of Eastfield,';
    expect(
      named(source, [
        ['jane-roe', 'Jane Roe', 'person'],
        ['john-doe', 'John Doe', 'person'],
        ['eastfield', 'Eastfield', 'place'],
      ]),
    ).toBe('jane-roe');
    expect(
      named('Dana Hill, a Korea scholar', [
        ['dana-hill', 'Dana Hill', 'person'],
        ['korea', 'Korea', 'place'],
      ]),
    ).toBe('dana-hill');
  });

  it('takes the last person when the opening name only qualifies the head', () => {
    expect(
      named('Roe spokesman John Doe', [
        ['jane-roe', 'Roe', 'person'],
        ['john-doe', 'John Doe', 'person'],
      ]),
    ).toBe('john-doe');
    expect(
      named('Quill Agency spokesman John Doe in Eastfield', [
        ['quill-agency', 'Quill Agency', 'organization'],
        ['john-doe', 'John Doe', 'person'],
        ['eastfield', 'Eastfield', 'place'],
      ]),
    ).toBe('john-doe');
    expect(
      named("Russia's army chief, General Ivan Petrov", [
        ['russia', 'Russia', 'place'],
        ['ivan-petrov', 'General Ivan Petrov', 'person'],
      ]),
    ).toBe('ivan-petrov');
    expect(named('officials of the Quill Agency', [['quill-agency', 'Quill Agency', 'organization']])).toBe(
      'quill-agency',
    );
  });
});
