import type { SeenDate } from '../../model/article.js';
import { createMessage, type Message } from '../../model/message.js';

const NOT_PUBLICATION = /updated|modified|footer|http:last-modified/;

const day = (value: string): string => value.slice(0, 10);

/**
 * Picks the publication date among the dates an article carries and reports when
 * its publication dates disagree on the calendar day. An explicit publication field
 * (metadata, feed, JSONL) wins; among header lines, one with a time of day wins,
 * because a bare date at the top of a page is often the site's "today".
 */
export function choosePublished(
  explicit: string | null,
  dates: SeenDate[],
  place: string,
): { published: string | null; messages: Message[] } {
  const candidates = dates.filter((d) => !NOT_PUBLICATION.test(d.where));
  const days = [...new Set(candidates.map((d) => day(d.value)))];
  const messages: Message[] = [];
  if (days.length > 1) {
    const listed = candidates.map((d) => `"${d.raw}" (${d.where})`).join(', ');
    messages.push(
      createMessage({
        reason: `${place}: the header carries ${days.length} different publication dates: ${listed}; check which one is right`,
        source: 'clean',
        ruleId: 'clean:conflicting-dates',
        place,
      }),
    );
  }
  if (explicit) return { published: explicit, messages };
  const withTime = candidates.find((d) => d.value.includes('T'));
  return { published: (withTime ?? candidates[0])?.value ?? null, messages };
}
