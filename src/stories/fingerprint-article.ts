import { createMinHasher, minhashSignature, type MinHasher } from '../similarity/minhash.js';
import { sentenceHashes, type HashedSentence } from '../similarity/sentence-hashes.js';
import { shinglesOfHashes } from '../similarity/shingles.js';
import { hashString } from '../similarity/hash32.js';

/** What near-duplicate detection needs of one article. */
export interface ArticleFingerprint {
  id: string;
  published: string | null;
  contentHash: string;
  tokens: string[];
  /** `hashString` of each token, in order (what the shingles and the compact fingerprint's words are made of). */
  tokenHashes: Uint32Array;
  /** Sorted distinct hashed word shingles. */
  shingles: Uint32Array;
  signature: Uint32Array;
  sentences: HashedSentence[];
}

export interface FingerprintOptions {
  /** Words per shingle. */
  shingleSize: number;
  hasher: MinHasher;
}

export const DEFAULT_SHINGLE_SIZE = 3;

/** Default fingerprint settings: 3-word shingles, 128 MinHash values (32 LSH bands × 4 rows). */
export function defaultFingerprintOptions(): FingerprintOptions {
  return { shingleSize: DEFAULT_SHINGLE_SIZE, hasher: createMinHasher(128, 1) };
}

/** The fingerprint of an article's text. */
export function fingerprintArticle(
  article: { id: string; text: string; published: string | null; contentHash: string },
  options: FingerprintOptions,
): ArticleFingerprint {
  // Sentences split only where the text has no word character, so their tokens in order
  // are the text's tokens (`tokenize`), without normalising the text a second time.
  const sentences = sentenceHashes(article.text);
  const tokens: string[] = [];
  for (const sentence of sentences) for (const token of sentence.tokens) tokens.push(token);
  // Each token hashed once, for the shingles here and the word hashes of `compactFingerprint`.
  const tokenHashes = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) tokenHashes[i] = hashString(tokens[i] as string);
  const shingles = shinglesOfHashes(tokenHashes, options.shingleSize);
  return {
    id: article.id,
    published: article.published,
    contentHash: article.contentHash,
    tokens,
    tokenHashes,
    shingles,
    signature: minhashSignature(options.hasher, shingles),
    sentences,
  };
}
