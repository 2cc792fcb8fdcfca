import type { Paragraph } from './to-paragraphs.js';

/** Whole-paragraph calls to action and labels that sites put between or after article paragraphs. */
const LABEL =
  /^(?:advert(?:isement)?|ad|sponsored(?: content)?|skip to (?:main )?content|continue reading(?: below)?|read more|see more(?: photos)?|show more|load more|share(?: this)?(?: article| story| on \w+)?|comments?|sign in|log in|subscribe(?: now)?|related(?: articles| stories| content| coverage)?|you may also like|recommended(?: for you)?|don't miss|most (?:read|popular|viewed)|trending(?: now)?|tell us what you think|this slideshow requires javascript|click here|watch|video|listen|print|email|more|top stories|latest news|breaking news|image|photo)\s*[.:!…|]*$/i;

/** A lead-in that marks a pointer to another story. */
const POINTER =
  /^(?:related|read more|read also|also read|see also|see more|more|recommended|watch|listen|trending|don't miss|click here|must read)\s*(?:[:|»›>-]|\.\.\.)\s*\S/i;

/** Caption credits and photo lines. */
const CAPTION =
  /(?:\((?:image|photo|picture|pic|video|credit|image credit|photo credit)s?\s*:[^)]*\)|\b(?:getty images|ap photo[^)]*|afp via getty images|shutterstock|istock(?:photo)?)\W*)$/i;

/** Reader-service notes that close many news pages. */
const SERVICE =
  /\b(?:follow (?:him|her|them|us|me) on (?:twitter|facebook|instagram)|(?:can|may) be reached (?:at|by)|sign up for (?:our|the) [\w ]*newsletter|subscribe to (?:our|the) [\w ’'.]*newsletter|right in your inbox|click(?:ing)? here|(?:contains?|includes?) affiliate(?: and\/or referral)? links|this (?:website|site) uses cookies|get (?:the )?[\w ]+ app|all rights reserved|©\s*\d{4})\b/i;

const MONTH =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/i;

/** A short line that is only a publication or update stamp (`Updated Nov 19, 9:41 AM`). */
function isDateStamp(text: string): boolean {
  if (text.length > 100 || (!MONTH.test(text) && !/\b(?:ago|today|yesterday)\b/i.test(text))) return false;
  const rest = text
    .replace(MONTH, ' ')
    .replace(
      /\b(?:published|updated|posted|last updated|modified|first published|on|at|by|\d+|am|pm|[ap]\.m\.|est|edt|pst|pdt|gmt|utc|bst|cet|et|pt|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/gi,
      ' ',
    )
    .replace(/\b(?:minutes?|hours?|days?|weeks?|ago|today|yesterday)\b/gi, ' ')
    .replace(/[^\p{L}]+/gu, '');
  return rest.length <= 3;
}

/** An unrendered CMS shortcode pair such as `[button …]…[/button]`. */
const SHORTCODE = /\[([a-z_]+)\b[^\]]*\][\s\S]*\[\/\1\]/i;

/** A short block that is only a link, or only a shouted link: a headline of another story. */
function isLinkedHeadline(paragraph: Paragraph): boolean {
  const { text, linkChars, tag } = paragraph;
  if (text.length >= 200 || linkChars / text.length <= 0.8) return false;
  return tag !== 'P' || text === text.toUpperCase();
}

/** True when a paragraph is page furniture rather than article prose. */
export function isBoilerplateParagraph(paragraph: Paragraph): boolean {
  const text = paragraph.text;
  if (LABEL.test(text)) return true;
  if (text.length < 250 && POINTER.test(text)) return true;
  if (text.length < 400 && CAPTION.test(text)) return true;
  if (text.length < 400 && SERVICE.test(text)) return true;
  if (isDateStamp(text)) return true;
  if (SHORTCODE.test(text)) return true;
  return isLinkedHeadline(paragraph);
}
