/** Characters a new store starts with; it doubles as it fills. */
const MIN_CHARS = 1 << 12;
const MIN_IDS = 1 << 10;
/** Characters turned into a string per `String.fromCharCode` call (its argument count is bounded). */
const DECODE_CHUNK = 4096;

/**
 * The text of each term id of a dictionary, kept as UTF-16 code units in one typed array
 * instead of a string per term: the clustering thread of a stream gives out about 40 new
 * ids an article (most of them forgotten again: see `CorpusStats.forgetSingletons`), and as
 * strings they were over half of its JavaScript heap (at 50,000 articles of
 * `npm run bench -- stories`, 2.3 M term strings, 160 MB of about 300 MB), each one
 * promoted to the old generation and later collected there. Here a term costs no object;
 * ids index a table of end offsets (a term runs from the end of the id before it), and a
 * bit per id marks the forgotten ones, whose characters are reclaimed by compacting once
 * they outweigh the live ones. Ids are given in order and never reused.
 */
export class TermTexts {
  private chars = new Uint16Array(MIN_CHARS);
  /** Code units used in `chars`. */
  private used = 0;
  /** Code units in `chars` of forgotten terms, reclaimed by `compact`. */
  private garbage = 0;
  /** End of each id's text in `chars`; an id's text starts at the end of the id before. */
  private ends = new Uint32Array(MIN_IDS);
  /** One bit per id: forgotten. */
  private forgotten = new Uint32Array(MIN_IDS / 32);
  private count = 0;

  /** Number of ids given out. */
  get size(): number {
    return this.count;
  }

  /** Gives the next id to a term; '' stands for a forgotten term (no term is empty). */
  push(term: string): number {
    return this.pushSlice(term, 0, term.length);
  }

  /** `push(text.slice(from, to))` without cutting the string out. */
  pushSlice(text: string, from: number, to: number): number {
    const length = to - from;
    this.reserve(length);
    const chars = this.chars;
    let at = this.used;
    for (let i = from; i < to; i++) chars[at++] = text.charCodeAt(i);
    this.used = at;
    const id = this.count++;
    this.ends[id] = at;
    return id;
  }

  /** The text of an id ('' when it was forgotten or never given). */
  get(id: number): string {
    if (!(id >= 0 && id < this.count) || this.isForgotten(id)) return '';
    const start = id === 0 ? 0 : (this.ends[id - 1] as number);
    return decode(this.chars, start, this.ends[id] as number);
  }

  /** Forgets an id's text (`get` gives '' from now on); its characters are reclaimed later. */
  forget(id: number): void {
    if (!(id >= 0 && id < this.count) || this.isForgotten(id)) return;
    this.forgotten[id >>> 5] = (this.forgotten[id >>> 5] as number) | (1 << (id & 31));
    const start = id === 0 ? 0 : (this.ends[id - 1] as number);
    this.garbage += (this.ends[id] as number) - start;
    if (this.garbage > MIN_CHARS && this.garbage * 2 > this.used) this.compact();
  }

  /** Every id's text in id order, '' for the forgotten ones. */
  list(): string[] {
    const out: string[] = new Array<string>(this.count);
    for (let id = 0; id < this.count; id++) out[id] = this.get(id);
    return out;
  }

  /** Code units held, forgotten ones included until compacted (for tests and reports). */
  get storedChars(): number {
    return this.used;
  }

  private isForgotten(id: number): boolean {
    return ((this.forgotten[id >>> 5] as number) & (1 << (id & 31))) !== 0;
  }

  /** Room for `length` more code units and one more id. */
  private reserve(length: number): void {
    if (this.used + length > this.chars.length) {
      let capacity = this.chars.length * 2;
      while (capacity < this.used + length) capacity *= 2;
      const grown = new Uint16Array(capacity);
      grown.set(this.chars.subarray(0, this.used));
      this.chars = grown;
    }
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
      const forgotten = new Uint32Array(ends.length / 32);
      forgotten.set(this.forgotten);
      this.forgotten = forgotten;
    }
  }

  /** Moves the live terms' characters together (id order kept), dropping the forgotten ones'. */
  private compact(): void {
    const live = this.used - this.garbage;
    let capacity = MIN_CHARS;
    while (capacity < live * 2) capacity *= 2;
    const chars = new Uint16Array(capacity);
    const old = this.chars;
    const ends = this.ends;
    let start = 0;
    let at = 0;
    for (let id = 0; id < this.count; id++) {
      const end = ends[id] as number;
      if (!this.isForgotten(id)) {
        chars.set(old.subarray(start, end), at);
        at += end - start;
      }
      ends[id] = at;
      start = end;
    }
    this.chars = chars;
    this.used = at;
    this.garbage = 0;
  }
}

/** The string of code units `chars[start..end)`. */
function decode(chars: Uint16Array, start: number, end: number): string {
  if (end - start <= DECODE_CHUNK)
    return String.fromCharCode.apply(null, chars.subarray(start, end) as unknown as number[]);
  let out = '';
  for (let at = start; at < end; at += DECODE_CHUNK)
    out += String.fromCharCode.apply(
      null,
      chars.subarray(at, Math.min(end, at + DECODE_CHUNK)) as unknown as number[],
    );
  return out;
}
