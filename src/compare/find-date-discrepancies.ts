import type { Discrepancy } from '../model/comparison.js';
import { sentenceAt, unique, type StoryContext } from './story-context.js';
import { wordConcepts } from './to-concepts.js';

const CONFLICTING_DATES = 'clean:conflicting-dates';

/** Header dates of one article that disagree (the cleaner already left a message on it). */
function headerDateDiscrepancies(ctx: StoryContext): Omit<Discrepancy, 'id'>[] {
  const out: Omit<Discrepancy, 'id'>[] = [];
  for (const article of ctx.articles) {
    if (!article.messages.some((m) => m.ruleId === CONFLICTING_DATES)) continue;
    const byDay = new Map<string, string[]>();
    for (const seen of article.dates) {
      const day = seen.value.slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), seen.raw]);
    }
    if (byDay.size < 2) continue;
    out.push({
      kind: 'date',
      subject: `publication date of ${article.outlet ?? article.title ?? article.id}`,
      variants: [...byDay].map(([value, quotes]) => ({
        value,
        articleIds: [article.id],
        quotes: unique(quotes),
      })),
    });
  }
  return out;
}

// How far back (characters) the word a date hangs on is looked for.
const GOVERNOR_REACH = 40;

/**
 * The concept of the content word a date hangs on ("[convicted] in June 1998", "[returned] to
 * prison in June 1999" → prison, "letters [sent] last Friday" → sent), read back within its
 * clause; null when the date opens the clause.
 */
function dateGovernor(text: string, clauseStart: number, start: number): string | null {
  const before = text.slice(Math.max(clauseStart, start - GOVERNOR_REACH), start);
  const clause = before.slice(before.search(/[,;:()"“”][^,;:()"“”]*$/) + 1);
  return wordConcepts(clause).pop() ?? null;
}

/**
 * Least number of concepts (content words, entities, numbers) two sentences must share besides their
 * dates for a date discrepancy between them. Set by reading (2026-12-01): the real date discrepancies
 * of the development sets share 4 or more ("voters in 2009 / 2010 approved a $3 million bond"), the
 * wrong ones read in Reading 8 one or none.
 */
const MIN_SHARED_CONTEXT = 2;

/** A unit's concepts without those of its date expressions. */
function unitContext(concepts: ReadonlySet<string>, times: readonly { text: string }[]): string[] {
  const dateWords = new Set(times.flatMap((t) => wordConcepts(t.text)));
  return [...concepts].filter((c) => !dateWords.has(c));
}

/** Day-or-finer dates at the same grain within one aligned fact that differ between articles. */
function eventDateDiscrepancies(ctx: StoryContext): Omit<Discrepancy, 'id'>[] {
  const out: Omit<Discrepancy, 'id'>[] = [];
  for (const { fact, units } of ctx.facts) {
    const byValue = new Map<string, { articleIds: string[]; quotes: string[] }>();
    // Per value: the words of its relative dates ("tuesday"), and whether every date of it is relative.
    const wording = new Map<
      string,
      { words: Set<string>; allRelative: boolean; governors: Set<string | null>; context: Set<string> }
    >();
    let grain: string | null = null;
    for (const unit of units) {
      const times = ctx.annotations[unit.articleIndex]!.times.filter(
        (t) =>
          t.start >= unit.start &&
          t.end <= unit.end &&
          t.value !== null &&
          t.grain !== 'duration' &&
          t.resolution !== 'unresolved',
      );
      const context = unitContext(unit.concepts, times);
      for (const t of times) {
        if (grain !== null && t.grain !== grain) continue;
        grain = t.grain;
        const entry = byValue.get(t.value!) ?? { articleIds: [], quotes: [] };
        entry.articleIds = unique([...entry.articleIds, unit.articleId]);
        entry.quotes = unique([...entry.quotes, sentenceAt(ctx, unit.articleIndex, t.start)?.text ?? t.text]);
        byValue.set(t.value!, entry);
        const w = wording.get(t.value!) ?? {
          words: new Set<string>(),
          allRelative: true,
          governors: new Set<string | null>(),
          context: new Set<string>(),
        };
        for (const c of context) w.context.add(c);
        w.governors.add(dateGovernor(ctx.articles[unit.articleIndex]!.text, unit.start, t.start));
        if (t.resolution === 'relative') w.words.add(t.text.toLowerCase().replace(/\s+/g, ' '));
        else w.allRelative = false;
        wording.set(t.value!, w);
      }
    }
    if (byValue.size < 2) continue;
    const variants = [...byValue].map(([value, v]) => ({ value, ...v }));
    // Two dates disagree only where each has an article the other lacks: an article that gives both
    // ("late Tuesday, saying: as I said yesterday") dates two things, not one thing twice.
    // The same relative words ("Tuesday") resolved to two days differ only by the articles' own
    // publication dates, not by what they report.
    const sameWords = (v: string, w: string): boolean => {
      const a = wording.get(v)!;
      const b = wording.get(w)!;
      return a.allRelative && b.allRelative && [...a.words].some((x) => b.words.has(x));
    };
    // Two dates of one fact date one event only where they hang on the same word, or one of them on
    // none: "convicted in June 1998" and "returned to prison in June 1999" date two acts.
    const sameGovernor = (v: string, w: string): boolean => {
      const a = wording.get(v)!.governors;
      const b = wording.get(w)!.governors;
      return [...a].some((x) => [...b].some((y) => x === null || y === null || x === y));
    };
    // Two dates of one fact date one event only where the sentences share more than their dates:
    // "Last week, it went a step further" and "in the last 6 weeks things have gone wrong" were
    // aligned on "last" and "week" alone.
    const sameSubject = (v: string, w: string): boolean => {
      const b = wording.get(w)!.context;
      let shared = 0;
      for (const c of wording.get(v)!.context) if (b.has(c) && ++shared >= MIN_SHARED_CONTEXT) return true;
      return false;
    };
    const apart = (v: (typeof variants)[number], w: (typeof variants)[number]): boolean =>
      v.articleIds.some((a) => !w.articleIds.includes(a)) &&
      w.articleIds.some((a) => !v.articleIds.includes(a)) &&
      !sameWords(v.value, w.value) &&
      sameGovernor(v.value, w.value) &&
      sameSubject(v.value, w.value);
    const sides = variants.filter((v) => variants.some((w) => w !== v && apart(v, w)));
    if (sides.length < 2) continue;
    out.push({ kind: 'date', subject: `date of: ${fact.text}`, variants: sides });
  }
  return out;
}

/** Date discrepancies: two dates in one article's header, and one event dated differently by different articles. */
export function findDateDiscrepancies(ctx: StoryContext): Omit<Discrepancy, 'id'>[] {
  return [...headerDateDiscrepancies(ctx), ...eventDateDiscrepancies(ctx)];
}
