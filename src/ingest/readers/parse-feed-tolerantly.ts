import { DetectError, parseFeed } from 'feedsmith';
import type { AnyFeed } from 'feedsmith';
import { looksLikeFeed } from './looks-like-feed.js';

/** A feed that parsed, possibly after repair; `repair` says what was done. */
export interface TolerantFeed {
  ok: true;
  feed: AnyFeed;
  /** Null when the document parsed as it was; else what was wrong and what was kept. */
  repair: string | null;
}

export interface FeedFailure {
  ok: false;
  /** `unrecognized`: not a feed at all; `malformed`: a feed that could not be read. */
  problem: 'unrecognized' | 'malformed';
  reason: string;
}

const XML_ROOT_END = /<\/(?:rss|(?:[\w-]+:)?feed|rdf:RDF)\s*>\s*$/i;
const ITEM_END = /<\/(?:[\w-]+:)?(?:item|entry)\s*>/gi;
/** Bounds the JSON repair to a fixed number of parse attempts. */
const MAX_JSON_CUTS = 200;

/**
 * Parses a feed with feedsmith. A document cut short (no closing root element) or one
 * feedsmith rejects is cut after its last complete item and closed, so the items that
 * arrived whole can still be read. The last, incomplete item is dropped rather than read
 * half-way.
 */
export function parseFeedTolerantly(text: string): TolerantFeed | FeedFailure {
  const source = text.replace(/^\uFEFF/, '');
  const isJson = /^\s*[{[]/.test(source);
  const truncated = !isJson && !XML_ROOT_END.test(source);
  if (!truncated) {
    const whole = tryParse(source);
    if (whole.ok) return { ok: true, feed: whole.feed, repair: null };
    const repaired = repairAndParse(source, isJson);
    if (repaired) return repaired;
    return failure(source, whole.error);
  }
  const repaired = repairAndParse(source, isJson);
  if (repaired) return repaired;
  const whole = tryParse(source);
  if (whole.ok) {
    return {
      ok: true,
      feed: whole.feed,
      repair:
        'the document ends before its closing tag and no item is complete; read what the parser accepted',
    };
  }
  return failure(source, whole.error);
}

function repairAndParse(source: string, isJson: boolean): TolerantFeed | null {
  const candidates = isJson ? jsonCuts(source) : [xmlCut(source)];
  for (const candidate of candidates) {
    if (candidate === null) continue;
    const parsed = tryParse(candidate.text);
    if (parsed.ok) {
      return {
        ok: true,
        feed: parsed.feed,
        repair: `the document is malformed or cut short; read it up to the end of its last complete item (character ${candidate.cutAt}) and dropped the rest`,
      };
    }
  }
  return null;
}

interface Cut {
  text: string;
  cutAt: number;
}

function xmlCut(source: string): Cut | null {
  let cutAt = -1;
  for (const match of source.matchAll(ITEM_END)) cutAt = match.index + match[0].length;
  if (cutAt < 0) return null;
  return { text: source.slice(0, cutAt) + closers(source.slice(0, cutAt)), cutAt };
}

function closers(head: string): string {
  if (/<rdf:RDF[\s>]/.test(head)) return '</rdf:RDF>';
  if (/<rss[\s>]/i.test(head)) return '</channel></rss>';
  const atom = /<([\w-]+:)?feed[\s>]/.exec(head);
  return atom ? `</${atom[1] ?? ''}feed>` : '';
}

/** Cuts after each `}` from the end that could close an item, and closes the items array. */
function* jsonCuts(source: string): Generator<Cut> {
  const itemsAt = source.search(/"items"\s*:\s*\[/);
  if (itemsAt < 0) return;
  let tries = 0;
  let at = source.lastIndexOf('}');
  while (at > itemsAt && tries < MAX_JSON_CUTS) {
    tries += 1;
    const text = `${source.slice(0, at + 1)}]}`;
    if (isJsonObject(text)) yield { text, cutAt: at + 1 };
    at = source.lastIndexOf('}', at - 1);
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

type Attempt = { ok: true; feed: AnyFeed } | { ok: false; error: unknown };

function tryParse(text: string): Attempt {
  try {
    return { ok: true, feed: parseFeed(text) };
  } catch (error) {
    return { ok: false, error };
  }
}

function failure(source: string, error: unknown): FeedFailure {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof DetectError && !looksLikeFeed(source)) {
    return { ok: false, problem: 'unrecognized', reason: `not an RSS, Atom, RDF or JSON feed (${detail})` };
  }
  return { ok: false, problem: 'malformed', reason: `the feed could not be parsed (${detail})` };
}
