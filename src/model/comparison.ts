import type { CueClass } from './annotations.js';

/** How widely a fact is reported, counted over independent origins (copies and rewrites count once). */
export type FactStatus = 'consensus' | 'majority' | 'minority' | 'single';

/** One sentence of one article that supports a fact (UTF-16 offsets into `Article.text`). */
export interface FactSupport {
  articleId: string;
  start: number;
  end: number;
  text: string;
}

/** One statement aligned across articles. */
export interface Fact {
  id: string;
  text: string;
  status: FactStatus;
  independentSources: number;
  support: FactSupport[];
}

export type DiscrepancyKind = 'number' | 'date' | 'role' | 'polarity' | 'place' | 'name' | 'other';

/** One version of a disputed detail, with the articles and the quotes behind it. */
export interface DiscrepancyVariant {
  value: string;
  articleIds: string[];
  quotes: string[];
}

/** One subject on which sources differ. */
export interface Discrepancy {
  id: string;
  kind: DiscrepancyKind;
  subject: string;
  variants: DiscrepancyVariant[];
}

/** An attributed statement grouped across sources, with the claims that rebut or support it. */
export interface Claim {
  id: string;
  speaker: string;
  /** Entity key of the speaker when it resolved to a mention, else null. */
  speakerKey: string | null;
  cue: string;
  stance: CueClass;
  content: string;
  articleIds: string[];
  rebuttedBy: string[];
  supportedBy: string[];
  /** False where a source marks it unverified, true where one marks it confirmed, else null. */
  verified: boolean | null;
}

/** One sentence of the brief, with the articles and facts it rests on. */
export interface BriefItem {
  text: string;
  articleIds: string[];
  factIds: string[];
}

/** One number reported across sources: the same counted thing with compatible values. */
export interface ReportedNumber {
  id: string;
  /** The counted thing as one source words it ("Russian troops"). */
  subject: string;
  /** The numeral as one source words it ("around 70,000"). */
  value: string;
  articleIds: string[];
  quotes: string[];
  verified: boolean | null;
}

/** Facts only one outlet reports (by article). */
export interface UniqueDetails {
  articleId: string;
  factIds: string[];
}

/** Widely reported facts an article leaves out. */
export interface Omissions {
  articleId: string;
  factIds: string[];
}

/** What `compareStory` finds in one story. */
export interface Comparison {
  facts: Fact[];
  discrepancies: Discrepancy[];
  claims: Claim[];
  numbers: ReportedNumber[];
  brief: BriefItem[];
  uniqueDetails: UniqueDetails[];
  omissions: Omissions[];
}
