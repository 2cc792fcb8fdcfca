/**
 * General rules for lines that are page furniture rather than reporting. Each rule
 * only fires on short lines, so a sentence of the article that happens to contain
 * "share" or "subscribe" is never taken for a button label.
 */
export interface BoilerplateRule {
  id: string;
  test: (line: string) => boolean;
}

const words = (line: string): number => line.split(/\s+/).filter(Boolean).length;
const short = (line: string, max = 10): boolean => words(line) <= max;

/** "Have something to say? Leave a comment", "Leave a reply", "12 comments", "Join the conversation". */
const COMMENT_PROMPT =
  /^(?:have (?:something|anything) to say\??\s*)?(?:post|leave|add|write|submit|share) (?:a |your |the )?(?:comments?|reply|replies|thoughts?|opinion|views?)\b|^(?:\d+\s+)?comments?\b(?:\s*\(\d+\))?$|^(?:show|view|load|hide|read|see) (?:all |more )?(?:\d+ )?comments?\b|^join the (?:conversation|discussion|debate)\b|^what do you think\?|^have (?:something|anything) to say\??$|^(?:be the first to|log in to|sign in to|register to) comment\b|^comments? (?:are|is) closed\b/i;

/** "Top Stories (12)", "Most Read (10)", "Comments (3)": a short label with a counter. */
const COUNTER = /^[\p{L}][\p{L}\s&'-]{0,40}\s*[([]\s*\d+\s*[)\]]$/u;

/** Share bars, subscription prompts, "read more" links, ad labels. */
const CALL_TO_ACTION =
  /^(?:share(?: this| the)?(?: article| story| page| post)?(?: on| via| with)?\b|tweet(?: this)?$|e-?mail(?: this)?(?: article| story)?$|print(?: this)?(?: article| story| page)?$|copy link$|(?:subscribe|sign up|register)\b.*\b(?:newsletter|updates|alerts|free|today|now|inbox|our|to)\b|subscribe$|get (?:our|the) .*newsletter|read (?:more|next|the full|full story)\b|(?:continue|keep) reading\b|click here\b|see also\b|related(?: articles| stories| coverage| content| news| topics)?\s*:?$|related:|more (?:on this|from|stories|news)\b|recommended(?: for you| stories)?$|advertisement$|sponsored(?: content)?$|ad$|follow us\b|download (?:our|the) app\b|listen to (?:this|the) (?:article|story)\b|\d+ min(?:ute)?s? read$|skip (?:to|advert)|back to top$|trending(?: now)?$|watch:|updated$)/i;

/** Crumbs such as "Home > World > Europe" or "News | Politics | Elections". */
const CRUMB_SEPARATORS = /\s(?:>|›|»|\/|\||·|•)\s/g;

/** Copyright and legal footers. */
const LEGAL =
  /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|^(?:terms of (?:use|service)|privacy policy|cookie (?:policy|settings))\b/i;

/** Image credits and captions left behind as lone lines: "Photo: …", "(AP Photo/…)", "Getty Images". */
const MEDIA_CREDIT =
  /^(?:\(?(?:photo|image|picture|video|illustration|file photo|credit)s?\s*(?:by|:|\/|credit)|.*\b(?:getty images|ap photo|reuters\/|afp via getty)\)?$)/i;

export const BOILERPLATE_RULES: BoilerplateRule[] = [
  { id: 'comment-prompt', test: (line) => short(line, 12) && COMMENT_PROMPT.test(line) },
  { id: 'counter', test: (line) => short(line, 6) && COUNTER.test(line) },
  { id: 'call-to-action', test: (line) => short(line, 12) && CALL_TO_ACTION.test(line) },
  {
    id: 'navigation-crumbs',
    test: (line) =>
      short(line, 14) && (line.match(CRUMB_SEPARATORS)?.length ?? 0) >= 2 && !/[.!?]$/.test(line),
  },
  { id: 'legal', test: (line) => short(line, 16) && LEGAL.test(line) },
  { id: 'media-credit', test: (line) => short(line, 12) && MEDIA_CREDIT.test(line) },
];

/** The id of the first boilerplate rule a line matches, or null when it is content. */
export function matchBoilerplate(line: string): string | null {
  for (const rule of BOILERPLATE_RULES) if (rule.test(line)) return rule.id;
  return null;
}
