/**
 * `npm run eval -- extraction [--verbose] [--worst N] [--only HASH] [--lower-case]`:
 * scores HTML article extraction on the article-extraction-benchmark pages in
 * `<data>/aeb` with the benchmark's token-shingle precision/recall/F1.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../../src/ingest/html/extract-html.js';
import { parseHtmlDocument } from '../../src/ingest/html/parse-html-document.js';
import { elementsOf, indexElements } from '../../src/ingest/html/index-elements.js';
import { readJsonLd } from '../../src/ingest/html/read-json-ld.js';
import { readJsonLdArticle } from '../../src/ingest/html/read-json-ld-article.js';
import { firstMeta, readMetaTags } from '../../src/ingest/html/read-meta-tags.js';
import { stripSiteName } from '../../src/ingest/html/pick-title.js';
import { dataDir } from '../data-dir.js';
import {
  f1Of,
  matchShingles,
  precisionOf,
  recallOf,
  summarizeShingles,
  type ShingleCounts,
} from '../shingle-f1.js';
import { option } from '../../scripts/suite-args.js';

interface GroundTruth {
  articleBody?: string;
  url?: string;
}

interface DocumentScore {
  id: string;
  url: string | null;
  counts: ShingleCounts;
  f1: number;
  predicted: string;
  gold: string;
}

function titleKey(text: string | null): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The titles the page declares in structured data (JSON-LD headline, og:title), each
 * also without a trailing or leading site name, and its first `<h1>`.
 */
function declaredTitles(html: string, outlet: string | null): { declared: string[]; heading: string | null } {
  const document = parseHtmlDocument(html);
  const index = indexElements(document, ['script', 'meta', 'h1']);
  const article = readJsonLdArticle(readJsonLd(elementsOf(index, 'script'), 'eval').nodes);
  const tags = readMetaTags(elementsOf(index, 'meta'));
  const names = [outlet, firstMeta(tags, 'og:site_name'), article?.publisher].filter((n): n is string => !!n);
  const raw = [article?.headline ?? null, firstMeta(tags, 'og:title')].filter((t): t is string => !!t);
  const declared = raw.flatMap((t) => [t, stripSiteName(t, names), t.split(/\s+[-|–—]\s+/)[0] ?? t]);
  return { declared, heading: elementsOf(index, 'h1')[0]?.textContent ?? null };
}

/**
 * A date the URL itself carries (`/2019/11/19/`, `/20191119/`, `-2019-11-19`): an
 * independent reference for the publication date, unlike the page's own metadata.
 */
export function dateFromUrl(url: string | null): string | null {
  const match = url
    ? /[/_-](20\d\d|19\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(url)
    : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

const daysApart = (a: string, b: string): number =>
  Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;

function excerpt(text: string, length = 300): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

export async function run(args: string[]): Promise<void> {
  const verbose = args.includes('--verbose');
  const lowerCase = args.includes('--lower-case');
  const worst = Number(option(args, '--worst') ?? (verbose ? 10 : 0));
  const only = option(args, '--only');
  const dir = join(dataDir(), 'aeb');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    GroundTruth
  >;
  const files = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort();

  const scores: DocumentScore[] = [];
  let titled = 0;
  let titleHits = 0;
  let headed = 0;
  let headingHits = 0;
  let messages = 0;
  let withDate = 0;
  let urlDated = 0;
  let urlDateHits = 0;
  for (const file of files) {
    const id = file.replace(/\.html\.gz$/, '');
    if (only && !id.startsWith(only)) continue;
    const gold = truth[id];
    if (!gold) continue;
    const html = gunzipSync(readFileSync(join(dir, 'html', file))).toString('utf8');
    const result = extractHtml(html, { input: file, url: gold.url ?? null });
    messages += result.messages.length;
    const counts = matchShingles(gold.articleBody ?? '', result.text, { lowerCase });
    scores.push({
      id,
      url: gold.url ?? null,
      counts,
      f1: f1Of(counts),
      predicted: result.text,
      gold: gold.articleBody ?? '',
    });
    if (result.published) withDate++;
    const urlDate = dateFromUrl(gold.url ?? null);
    if (urlDate) {
      urlDated++;
      // One day of slack: the URL is often the newsroom's local day, the metadata UTC.
      if (result.published && daysApart(result.published, urlDate) <= 1) urlDateHits++;
    }
    const { declared, heading } = declaredTitles(html, result.outlet);
    if (declared.length) {
      titled++;
      if (declared.some((t) => titleKey(t) === titleKey(result.title))) titleHits++;
    }
    if (titleKey(heading)) {
      headed++;
      if (titleKey(heading) === titleKey(result.title)) headingHits++;
    }
  }

  const summary = summarizeShingles(scores.map((s) => s.counts));
  const missing = Object.keys(truth).length - scores.length;
  console.log(
    `extraction on ${dir} (${scores.length} documents${missing && !only ? `, ${missing} missing` : ''})`,
  );
  console.log(
    `tokens: \\w+ runs, ${lowerCase ? 'lower-cased' : 'case-sensitive (as the benchmark)'}; 4-token shingle multisets`,
  );
  console.log('');
  console.log('metric                         value');
  console.log('-----------------------------  ------');
  console.log(`precision (mean per document)  ${summary.precision.toFixed(4)}`);
  console.log(`recall (mean per document)     ${summary.recall.toFixed(4)}`);
  console.log(`F1 (of mean P and R, AEB)      ${summary.f1.toFixed(4)}`);
  console.log(`F1 (mean per document)         ${summary.meanDocumentF1.toFixed(4)}`);
  console.log(`documents with F1 < 0.9        ${scores.filter((s) => s.f1 < 0.9).length}`);
  console.log(
    `title accuracy                 ${titled ? (titleHits / titled).toFixed(4) : 'n/a'} (${titleHits}/${titled} pages with a JSON-LD or og title)`,
  );
  console.log(
    `title = first <h1>             ${headed ? (headingHits / headed).toFixed(4) : 'n/a'} (${headingHits}/${headed} pages with an <h1>)`,
  );
  console.log(`published date found            ${withDate}/${scores.length} pages`);
  console.log(
    `date accuracy                  ${urlDated ? (urlDateHits / urlDated).toFixed(4) : 'n/a'} (${urlDateHits}/${urlDated} pages whose URL carries a date; within one day)`,
  );
  console.log(`messages                       ${messages}`);

  if (worst > 0) {
    console.log('');
    console.log(`worst ${worst} documents`);
    const sorted = [...scores].sort((a, b) => a.f1 - b.f1).slice(0, worst);
    for (const s of sorted) {
      console.log('');
      console.log(
        `${s.id.slice(0, 12)}  F1 ${s.f1.toFixed(3)}  P ${precisionOf(s.counts).toFixed(3)}  R ${recallOf(s.counts).toFixed(3)}  ${s.url ?? ''}`,
      );
      if (verbose) {
        console.log(`  gold (${s.gold.length} chars): ${excerpt(s.gold)}`);
        console.log(`  pred (${s.predicted.length} chars): ${excerpt(s.predicted)}`);
      }
    }
  }
}
