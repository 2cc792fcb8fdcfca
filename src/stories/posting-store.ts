/** Stories a list holds from which `add` finds a story by a Map instead of a scan. */
const INDEXED_POSTINGS = 64;
/** Marks a handle with no block of pairs (a saturated list, or a free handle). */
const NO_BLOCK = 255;

/**
 * The story clusterer's look-up lists, one per term id, kept in typed arrays instead of an
 * object and two arrays per list: a stream of 1,000,000 articles keeps about 1.7 M lists,
 * and as objects they were millions of long-lived heap objects for the collector to trace.
 *
 * A list stands for the list of entries it was before (one entry per run of articles of a
 * story filed under the term, so a story came back once per run), kept as one (story,
 * count) pair per story: `total` is that list's length, `last` its last entry's story.
 * A list longer than `cap` is saturated: a common word, no longer followed or grown
 * (`stories` gives nothing for it), and its pairs are released. Pairs live in blocks of a
 * power-of-two size in one Int32Array; a list that outgrows its block moves to one twice
 * the size, and freed blocks are reused by lists of the same size.
 */
export class PostingStore {
  /** Per term id: its list's handle + 1 (0: no list). */
  private handles = new Int32Array(1024);
  /** Per handle: the entries of the list it stands for. */
  private totals = new Int32Array(256);
  private lasts = new Int32Array(256);
  /** Per handle: stories held (pairs used in its block). */
  private sizes = new Int32Array(256);
  /** Per handle: where its block starts in `pairs` (in numbers, two per pair). */
  private offsets = new Int32Array(256);
  /** Per handle: its block holds 2^class pairs; `NO_BLOCK` when it holds none. */
  private classes = new Uint8Array(256);
  private handleCount = 0;
  private readonly freeHandles: number[] = [];
  /** (story, count) pairs of every list's block. */
  private data = new Int32Array(1024);
  private dataUsed = 0;
  /** Free blocks by class: their offsets. */
  private readonly freeBlocks: number[][] = [];
  /** Place of each story in a list's block, for lists holding `INDEXED_POSTINGS` stories or more (by handle). */
  private readonly places = new Map<number, Map<number, number>>();
  private live = 0;

  /** @param cap entries beyond which a list is saturated (the clusterer's `maxPostings`). */
  constructor(readonly cap: number) {}

  /** Number of terms with a list (saturated ones included). */
  get size(): number {
    return this.live;
  }

  /** Whether a term has a list (saturated or not). */
  has(term: number): boolean {
    return term < this.handles.length && this.handles[term] !== 0;
  }

  /**
   * Files a story under a term, as the clusterer's join does: a new list for a new term;
   * otherwise one more entry unless the story is the list's last one (the same run) or the
   * list is saturated.
   */
  add(term: number, story: number): void {
    const h = this.handleOf(term);
    if (h < 0) this.addEntry(this.newHandle(term), story);
    else if (this.lasts[h] !== story && (this.totals[h] as number) <= this.cap) this.addEntry(h, story);
  }

  /**
   * Where the stories of a term's list are, for a caller that reads them in a hot loop:
   * `pairs[at + 2i]` is the i-th story and `pairs[at + 2i + 1]` its count, for i below the
   * returned count. Returns 0 stories for a term with no list or a saturated one.
   */
  stories(term: number): { at: number; count: number } {
    const h = this.handleOf(term);
    if (h < 0 || (this.totals[h] as number) > this.cap) return { at: 0, count: 0 };
    return { at: this.offsets[h] as number, count: this.sizes[h] as number };
  }

  /** The pairs of every list (read through `stories`; valid until the next `add`). */
  get pairs(): Int32Array {
    return this.data;
  }

  /** Whether a term's list is saturated. */
  isSaturated(term: number): boolean {
    const h = this.handleOf(term);
    return h >= 0 && (this.totals[h] as number) > this.cap;
  }

  /** Drops a term's list (a forgotten term). */
  delete(term: number): void {
    const h = this.handleOf(term);
    if (h < 0) return;
    this.release(h);
    this.handles[term] = 0;
    this.freeHandles.push(h);
    this.live--;
  }

  /** Terms with a list, in ascending order. */
  *terms(): IterableIterator<number> {
    const handles = this.handles;
    for (let term = 0; term < handles.length; term++) if (handles[term] !== 0) yield term;
  }

  /**
   * The saved form of a term's list: each story repeated by its count, in the order the
   * stories came, one entry of the last entry's story moved to the end, so that `restore`
   * gives back the same stories in the same order, counts, length and last entry (a last
   * story with a count of one came last already).
   */
  entries(term: number): number[] {
    const h = this.handleOf(term);
    if (h < 0) return [];
    const out: number[] = [];
    const at = this.offsets[h] as number;
    const last = this.lasts[h] as number;
    for (let i = 0; i < (this.sizes[h] as number); i++) {
      const story = this.data[at + 2 * i] as number;
      const count = (this.data[at + 2 * i + 1] as number) - (story === last ? 1 : 0);
      for (let k = 0; k < count; k++) out.push(story);
    }
    out.push(last);
    return out;
  }

  /** A term's list from its saved entries (see `entries`). */
  restore(term: number, entries: readonly number[]): void {
    this.delete(term);
    const h = this.newHandle(term);
    for (const story of entries) this.addEntry(h, story);
  }

  /** A saturated list for a term (a saved state keeps no entries for one). */
  restoreSaturated(term: number): void {
    this.delete(term);
    this.totals[this.newHandle(term)] = this.cap + 1;
  }

  private handleOf(term: number): number {
    return term < this.handles.length ? (this.handles[term] as number) - 1 : -1;
  }

  /** One more entry of `story` in a list: its count up, or a new pair. */
  private addEntry(h: number, story: number): void {
    this.totals[h] = (this.totals[h] as number) + 1;
    this.lasts[h] = story;
    const size = this.sizes[h] as number;
    const places = this.places.get(h);
    let place = -1;
    if (places) place = places.get(story) ?? -1;
    else {
      const at = this.offsets[h] as number;
      for (let i = 0; i < size; i++)
        if (this.data[at + 2 * i] === story) {
          place = i;
          break;
        }
    }
    if (place >= 0) {
      const slot = (this.offsets[h] as number) + 2 * place + 1;
      this.data[slot] = (this.data[slot] as number) + 1;
    } else {
      const cls = this.classes[h] as number;
      if (cls === NO_BLOCK) this.allocate(h, 0);
      else if (size === 1 << cls) this.move(h, cls + 1);
      const at = (this.offsets[h] as number) + 2 * size;
      this.data[at] = story;
      this.data[at + 1] = 1;
      this.sizes[h] = size + 1;
      places?.set(story, size);
      if (!places && size + 1 >= INDEXED_POSTINGS) {
        const made = new Map<number, number>();
        const start = this.offsets[h] as number;
        for (let i = 0; i <= size; i++) made.set(this.data[start + 2 * i] as number, i);
        this.places.set(h, made);
      }
    }
    if ((this.totals[h] as number) > this.cap) this.release(h);
  }

  private newHandle(term: number): number {
    if (term >= this.handles.length) {
      let length = this.handles.length * 2;
      while (length <= term) length *= 2;
      const grown = new Int32Array(length);
      grown.set(this.handles);
      this.handles = grown;
    }
    let h = this.freeHandles.pop();
    if (h === undefined) {
      h = this.handleCount++;
      if (h === this.totals.length) this.growHandles();
    }
    this.handles[term] = h + 1;
    // An empty list: no entries, no last story, no block.
    this.totals[h] = 0;
    this.lasts[h] = -1;
    this.classes[h] = NO_BLOCK;
    this.sizes[h] = 0;
    this.live++;
    return h;
  }

  private growHandles(): void {
    const length = this.totals.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const grown = make(length);
      grown.set(old);
      return grown;
    };
    this.totals = grow(this.totals, (n) => new Int32Array(n));
    this.lasts = grow(this.lasts, (n) => new Int32Array(n));
    this.sizes = grow(this.sizes, (n) => new Int32Array(n));
    this.offsets = grow(this.offsets, (n) => new Int32Array(n));
    this.classes = grow(this.classes, (n) => new Uint8Array(n));
  }

  /** Gives a handle a free block of 2^cls pairs. */
  private allocate(h: number, cls: number): void {
    const free = this.freeBlocks[cls]?.pop();
    let at: number;
    if (free !== undefined) at = free;
    else {
      const need = 2 << cls;
      if (this.dataUsed + need > this.data.length) {
        let length = this.data.length * 2;
        while (length < this.dataUsed + need) length *= 2;
        const grown = new Int32Array(length);
        grown.set(this.data.subarray(0, this.dataUsed));
        this.data = grown;
      }
      at = this.dataUsed;
      this.dataUsed += need;
    }
    this.offsets[h] = at;
    this.classes[h] = cls;
  }

  /** Moves a list's pairs to a block of 2^cls pairs. */
  private move(h: number, cls: number): void {
    const from = this.offsets[h] as number;
    const old = this.classes[h] as number;
    this.allocate(h, cls);
    const to = this.offsets[h] as number;
    this.data.copyWithin(to, from, from + 2 * (this.sizes[h] as number));
    this.freeBlock(from, old);
  }

  /** Frees a handle's block (its total and last entry stay). */
  private release(h: number): void {
    const cls = this.classes[h] as number;
    if (cls !== NO_BLOCK) this.freeBlock(this.offsets[h] as number, cls);
    this.classes[h] = NO_BLOCK;
    this.sizes[h] = 0;
    this.places.delete(h);
  }

  private freeBlock(at: number, cls: number): void {
    (this.freeBlocks[cls] ??= []).push(at);
  }
}
