import type { Article, DraftArticle, SeenDate } from '../../model/article.js';
import { createMessage, type Message } from '../../model/message.js';
import { choosePublished } from './choose-published.js';
import { contentHash } from './content-hash.js';
import { detectLanguage } from './detect-language.js';
import { normalizeText } from './normalize-text.js';
import { readDateline } from './read-dateline.js';
import { readHeader } from './read-header.js';
import { splitParagraphs } from './split-paragraphs.js';

export interface CleanResult {
  article: Article | null;
  messages: Message[];
}

const clip = (text: string | null | undefined): string | null => {
  const value = text ? normalizeText(text).replace(/\s+/g, ' ').trim() : '';
  return value || null;
};

/**
 * Below this many words an article is kept with a warning. Chosen under the shortest real
 * item in the development data (ECB+ has one-line items of 7 words, "The parliament
 * election is over in Turkmenistan."; BASIL's shortest is 139), so real news never warns
 * while a lone word or a bare title does.
 */
const MIN_WORDS = 5;

const countWords = (text: string): number => text.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length;

/**
 * Turns a reader's draft into a clean `Article`: normalised characters, one paragraph
 * per block, title and header read (for plain text), boilerplate and repeated
 * paragraphs removed, dates gathered, language detected, content hashed. A draft
 * whose body is empty after cleaning yields no article and a fatal message.
 */
export function cleanDraft(draft: DraftArticle): CleanResult {
  const messages: Message[] = [...(draft.messages ?? [])];
  const knownTitle = clip(draft.title);
  const header = readHeader(
    splitParagraphs(normalizeText(draft.body)),
    knownTitle,
    draft.kind !== 'html' && !knownTitle,
  );
  const text = header.paragraphs.join('\n\n');
  if (!text.trim()) {
    messages.push(
      createMessage({
        reason: `${draft.input}: no article text left after cleaning (the input is empty or only boilerplate); skipped`,
        source: 'clean',
        ruleId: 'clean:empty-body',
        place: draft.input,
        fatal: true,
        articleId: draft.id,
      }),
    );
    return { article: null, messages };
  }

  const words = countWords(text);
  if (words < MIN_WORDS) {
    messages.push(
      createMessage({
        reason: `${draft.input}: the article text is only ${words} word${words === 1 ? '' : 's'} long; it was kept, but there is little to compare (is it a headline, a teaser or a page that failed to load?)`,
        source: 'clean',
        ruleId: 'clean:short-body',
        place: draft.input,
        articleId: draft.id,
      }),
    );
  }

  const dates: SeenDate[] = [...(draft.dates ?? []), ...header.dates];
  const explicit = draft.published ?? null;
  const referenceYear = yearOf(explicit) ?? yearOf(dates[0]?.value ?? null);
  const dateline = header.paragraphs[0] ? readDateline(header.paragraphs[0], referenceYear) : null;
  if (dateline?.date) dates.push(dateline.date);
  const chosen = choosePublished(explicit, dates, draft.input);
  messages.push(...chosen.messages);

  const metadata: Record<string, unknown> = { ...(draft.metadata ?? {}) };
  if (dateline) metadata.dateline = { place: dateline.place, agency: dateline.agency, raw: dateline.raw };
  const article: Article = {
    id: draft.id,
    input: draft.input,
    outlet: clip(draft.outlet) ?? outletFromUrl(draft.url ?? null),
    url: draft.url ?? null,
    title: header.title,
    subtitle: clip(draft.subtitle) ?? header.subtitle,
    byline: clip(draft.byline) ?? header.byline,
    published: chosen.published,
    dates,
    language: detectLanguage(text),
    text,
    contentHash: contentHash(text),
    metadata,
    messages: messages.map((m) => ({ ...m, articleId: m.articleId ?? draft.id })),
  };
  return { article, messages: article.messages };
}

function yearOf(value: string | null): number | null {
  const match = value ? /^(\d{4})-/.exec(value) : null;
  return match ? Number(match[1]) : null;
}

/** The outlet a URL names: its host without `www.`, `m.` or `amp.`. */
export function outletFromUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^(?:www\d?|m|amp|mobile)\./, '') || null;
  } catch {
    return null;
  }
}
