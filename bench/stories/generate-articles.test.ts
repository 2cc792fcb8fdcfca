import { describe, expect, it } from 'vitest';
import { makeCopy, makeRandom } from '../../eval/stories/make-copies.js';
import { generateArticles } from './generate-articles.js';

const seeds = [
  {
    title: 'Ferry service resumes',
    text: 'The ferry to the northern islands sailed again on Friday after a week of storms. Crews checked the hull twice.\n\nPassengers queued from dawn, the operator said.\n\n  \nTickets sold out by noon. A second boat was added for the weekend.',
  },
  {
    title: null,
    text: 'Orchard owners in the valley began picking early this year. A warm spring brought the harvest forward by ten days!\n\nBuyers expect lower prices? Growers are less sure.',
  },
  {
    title: 'Library opens late',
    text: 'The town library will stay open until ten on weekdays from March. The council approved the budget on Tuesday.\n\nStudents had asked for longer hours during exams.\n\nA café on the ground floor will open at the same time, staff said.',
  },
];

/** The generator as it was before it kept what it derives from each seed: every article re-derived it. */
function* reference(count: number): Generator<{ text: string; title: string | null }> {
  const random = makeRandom(1);
  const vocabulary = [
    ...new Set(seeds.flatMap((s) => s.text.split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w)))),
  ];
  for (let k = 0; k < count; k++) {
    const base = seeds[Math.floor(random() * seeds.length)] as (typeof seeds)[number];
    const other = seeds[Math.floor(random() * seeds.length)] as (typeof seeds)[number];
    const copy = makeCopy(base.text, other.text, random);
    const added = other.text.split(/\n\s*\n/).filter(() => random() < 0.2);
    const rate = 0.02 + random() * 0.04;
    const text = [copy.text, ...added]
      .join('\n\n')
      .split(' ')
      .map((piece) =>
        random() < rate
          ? piece.replace(/[\p{L}\p{N}'’-]+/u, vocabulary[Math.floor(random() * vocabulary.length)] as string)
          : piece,
      )
      .join(' ');
    yield { text, title: base.title };
  }
}

describe('generateArticles', () => {
  it('should generate the texts it generated when it re-derived each seed for every article', () => {
    const generated = [...generateArticles(seeds, 300)].map((a) => ({ text: a.text, title: a.title }));
    expect(generated).toEqual([...reference(300)]);
  });
});
