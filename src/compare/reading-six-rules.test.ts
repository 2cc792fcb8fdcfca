import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';
import { readPolarity } from './read-polarity.js';

const found = (texts: string[], kind: string) =>
  compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === kind);

describe('place: a capital inside its country', () => {
  it('should not set a capital against its country', () => {
    expect(
      found(
        [
          'A bomb attack on a bank in Paris killed three people on Wednesday as police fought protesters.',
          'A bomb attack on a bank in France killed three people on Wednesday as police fought protesters.',
        ],
        'place',
      ),
    ).toEqual([]);
  });

  it('should still set a capital against another country, and two countries', () => {
    for (const [a, b] of [
      ['Madrid', 'France'],
      ['Spain', 'France'],
    ])
      expect(
        found(
          [
            `A bomb attack on a bank in ${a} killed three people on Wednesday as police fought protesters.`,
            `A bomb attack on a bank in ${b} killed three people on Wednesday as police fought protesters.`,
          ],
          'place',
        ),
      ).toHaveLength(1);
  });

  it("should know each capital's country by the annotator's country names", async () => {
    const { COUNTRIES } = await import('../annotate/lexicon/demonyms.js');
    const { WORLD_CAPITALS } = await import('./world-capitals.js');
    const names = new Set(COUNTRIES.map((c) => c.name));
    for (const country of Object.values(WORLD_CAPITALS)) expect(names.has(country), country).toBe(true);
  });
});

describe('date: the word a date hangs on', () => {
  it('should not set the dates of two acts in one fact against each other', () => {
    expect(
      found(
        [
          'He was serving a life sentence after being convicted in June 1998 of aggravated assault in the county.',
          'He was in and out of prison until he finally returned to prison in June 1999 to serve a life sentence for aggravated assault in the county.',
        ],
        'date',
      ),
    ).toEqual([]);
  });

  it('should still set two dates of one act against each other', () => {
    expect(
      found(
        [
          'He was serving a life sentence after being convicted in June 1998 of aggravated assault in the county.',
          'He was serving a life sentence after being convicted in June 1999 of aggravated assault in the county.',
        ],
        'date',
      ),
    ).toHaveLength(1);
  });
});

describe('polarity: shared words need a shared subject or one aligned fact', () => {
  it('should not set clauses that share words but no subject against each other', () => {
    expect(
      found(
        [
          'Smith said he would be, and Brown called him again yesterday and reached a deal after notifying Jones of his decision.',
          "No decision has been reached on Jones's staff at this time.",
        ],
        'polarity',
      ),
    ).toEqual([]);
  });

  it('should still set the same clause affirmed and negated against each other', () => {
    expect(
      found(
        [
          'The coach said on Monday that the system would fit his players at the club this season.',
          'The coach said on Monday that the system would not fit his players at the club this season.',
        ],
        'polarity',
      ),
    ).toHaveLength(1);
  });
});

describe('polarity: what earlier reports said', () => {
  it("should not take a negation inside 'despite reports that …' as the article's own", async () => {
    const { readPolarity } = await import('./read-polarity.js');
    const r = readPolarity(
      'Despite reports last week that said the director would definitely not be returning to direct the sequel, he will be back at the table this week.',
      0,
      { mentions: [] },
    );
    expect(r?.irrealis).toBe(true);
    expect(
      readPolarity('The director would definitely not be returning to direct the sequel, he said.', 0, {
        mentions: [],
      })?.irrealis,
    ).toBe(false);
  });
});

describe('number: what a count covers', () => {
  const numbers = (texts: string[]) =>
    compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === 'number');

  it('should not set a nationwide figure against one without that scope', () => {
    expect(
      numbers([
        'Police said 80,000 people took to the streets across the country on Wednesday to protest the cuts.',
        'Police said 20,000 people took to the streets on Wednesday to protest the cuts.',
      ]),
    ).toEqual([]);
  });

  it("should not set a market's close against a fall during the day", () => {
    expect(
      numbers([
        'Markets reacted with alarm as shares in the region plunged 5.4 percent on Wednesday.',
        'Markets reacted with alarm as shares in the region closed down 3.9 percent on Wednesday.',
      ]),
    ).toEqual([]);
  });

  it('should still set two figures of the same scope against each other', () => {
    expect(
      numbers([
        'Police said 80,000 people took to the streets across the country on Wednesday to protest the cuts.',
        'Police said 20,000 people took to the streets across the country on Wednesday to protest the cuts.',
      ]),
    ).toHaveLength(1);
  });
});

describe('number: figures the sentence splitter or a tie made', () => {
  const numbers = (texts: string[]) =>
    compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === 'number');

  it('should not compare a figure cut at its point by the sentence splitter', () => {
    expect(
      numbers([
        'The officer said the man pulled a . 357 caliber revolver at them before he fled.',
        'The officer said the man pulled a . 38 caliber revolver at the officers before he fled.',
      ]),
    ).toEqual([]);
  });

  it('should not read a tie ("12 - 12") as a count', async () => {
    const { findQuantities } = await import('../annotate/quantities/find-quantities.js');
    const { isNotCount } = await import('./read-count-context.js');
    const text = 'The run took them from a tie at 12 - 12 to a lead of 10 - 20 people.';
    const [tie, range] = findQuantities(text);
    expect(isNotCount(text, tie!)).toBe(true);
    expect(isNotCount(text, range!)).toBe(false);
  });

  it('should not set two values one sentence gives against each other', () => {
    expect(
      numbers([
        'The outfielder hit 30 homers for the club in his best season, the team said.',
        'The outfielder hit 13 homers for the club in his last season after 30 homers the year before, the team said.',
      ]),
    ).toEqual([]);
  });
});

describe('polarity: suspicion and spaced contractions', () => {
  const polarity = (texts: string[]) =>
    compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === 'polarity');

  it('should not take an arrest on suspicion of an act as affirming it', () => {
    expect(
      polarity([
        'A man has been charged on suspicion of arson following a fire that destroyed a supermarket.',
        'A man has denied arson following a fire at a supermarket early on Sunday.',
      ]),
    ).toEqual([]);
  });

  it('should read "didn \' t" as a negation', () => {
    expect(
      readPolarity("The manager didn ' t return a call seeking comment.", 0, { mentions: [] })?.polarity,
    ).toBe('negated');
  });
});

describe('polarity: other people, and a clause opening with its time', () => {
  const polarity = (texts: string[]) =>
    compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === 'polarity');

  it('should not set an offer to one person against no offer to another', () => {
    expect(
      polarity([
        'According to a local newspaper, the club made an offer to John Carter on Monday.',
        'The club has not made another offer to Peter Walsh since Monday, though the sides continue to talk.',
      ]),
    ).toEqual([]);
  });

  it('should still set an offer against no offer to the same person', () => {
    expect(
      polarity([
        'According to a local newspaper, the club made an offer to John Carter on Monday.',
        'According to a local newspaper, the club has not made an offer to John Carter on Monday.',
      ]),
    ).toHaveLength(1);
  });

  it('should take a negation in a clause that opens with "At the time," as limited to that time', async () => {
    const { timeLimited } = await import('./find-polarity-discrepancies.js');
    const text =
      'At the time, during heavy campaigning, the senator stated that he opposed the rule changes.';
    expect(timeLimited(text, text.indexOf('opposed'))).toBe(true);
    expect(timeLimited('The senator stated that he opposed the rule changes.', 30)).toBe(false);
  });
});

describe('role: a title held in the past, and one rank in two word orders', () => {
  const roles = (texts: string[]) =>
    compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === 'role');

  it('should not set "former president X" against "fired president X"', () => {
    expect(
      roles([
        'The coach was hired by former president John Carter, whom the new manager replaced last season.',
        'A year ago, the club fired president John Carter and replaced him with a new manager.',
      ]),
    ).toEqual([]);
  });

  it('should not set "former director X" against "director X under President Y"', () => {
    expect(
      roles([
        'Former director Mary Jones of the wildlife agency said the changes hurt the law.',
        'Director Mary Jones of the wildlife agency under President Tom Reed said the process worked.',
      ]),
    ).toEqual([]);
  });

  it('should still set "former president X" against "president X"', () => {
    expect(
      roles([
        'The coach was hired by former president John Carter, whom the new manager replaced last season.',
        'The coach was hired by president John Carter, who runs the club.',
      ]),
    ).toHaveLength(1);
  });

  it("should not set 'Deputy Sheriff X' against 'Sheriff's Deputy X'", () => {
    expect(
      roles([
        'The gunman murdered Deputy Sheriff John Carter outside the apartment on Friday.',
        "The gunman murdered Sheriff's Deputy John Carter outside the apartment on Friday.",
      ]),
    ).toEqual([]);
  });
});

describe('place: both places in each clause, and approximate places', () => {
  const places = (texts: string[]) =>
    compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === 'place');

  it('should not set two places against each other when each article names both', () => {
    expect(
      places([
        'He escaped last week while being moved from a prison in Lyon to one in Marseille, police said.',
        'The inmate escaped while being moved to a prison in Marseille from Lyon, police said.',
      ]),
    ).toEqual([]);
  });

  it('should not set "near X" against "in Y"', () => {
    expect(
      places([
        'Police chased the man for about 30 miles before arresting him near Lyon on Monday.',
        'Police chased the man for about 30 miles before arresting him in Marseille on Monday.',
      ]),
    ).toEqual([]);
  });

  it('should still set "in X" against "in Y"', () => {
    expect(
      places([
        'Police chased the man for about 30 miles before arresting him in Lyon on Monday.',
        'Police chased the man for about 30 miles before arresting him in Marseille on Monday.',
      ]),
    ).toHaveLength(1);
  });
});

describe('number: sentences about different people', () => {
  const numbers = (texts: string[]) =>
    compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === 'number');

  it('should not tie counts whose sentences name different people', () => {
    expect(
      numbers([
        'The visitors held on although John Carter threw for 329 yards and a touchdown in the first half.',
        'Peter Walsh completed his first 17 passes and threw for 364 yards in the win on Thursday night.',
      ]),
    ).toEqual([]);
  });

  it('should still tie them when the sentences name the same person', () => {
    expect(
      numbers([
        'The visitors held on although John Carter threw for 329 yards and a touchdown in the first half.',
        'John Carter completed his first 17 passes and threw for 364 yards in the win on Thursday night.',
      ]),
    ).toHaveLength(1);
  });
});

describe('polarity: an attempt', () => {
  it('should not read "struggling to X" as affirming X', () => {
    expect(
      readPolarity('With the offense struggling to sustain drives, the defense stood tall.', 0, {
        mentions: [],
      })?.irrealis,
    ).toBe(true);
    expect(
      readPolarity('The offense sustained drives and the defense stood tall.', 0, { mentions: [] })?.irrealis,
    ).toBe(false);
  });
});
