/**
 * Words that, as a whole part of a class or id (`share-bar`, `relatedLinks`,
 * `newsletter_signup`), mark page furniture rather than article prose.
 */
const BOILERPLATE_PARTS = new Set([
  'ad',
  'ads',
  'adslot',
  'advert',
  'advertisement',
  'adunit',
  'banner',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'caption',
  'captions',
  'comment',
  'comments',
  'consent',
  'cookie',
  'cookies',
  'copyright',
  'credit',
  'credits',
  'dateline',
  'disqus',
  'donate',
  'footer',
  'masthead',
  'menu',
  'modal',
  'nav',
  'navbar',
  'navigation',
  'newsletter',
  'newsletters',
  'outbrain',
  'paywall',
  'popular',
  'popup',
  'promo',
  'promos',
  'promotion',
  'recirc',
  'recirculation',
  'recommended',
  'recommendations',
  'related',
  'share',
  'sharebar',
  'sharing',
  'sidebar',
  'signup',
  'skip',
  'social',
  'sponsor',
  'sponsored',
  'subscribe',
  'subscription',
  'taboola',
  'tags',
  'timestamp',
  'toolbar',
  'trending',
  'tooltip',
]);

/** Whole phrases that only make sense together (`most-read`, `read-more`, `also-like`). */
const BOILERPLATE_PHRASES =
  /(?:^|[-_ ])(?:most[-_]?(?:read|popular|viewed|shared)|read[-_]?more|also[-_]?(?:like|read)|more[-_]?(?:stories|news|from))(?:$|[-_ ])/i;

function nameParts(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when a class or id value names page furniture (sharing, related links, ads, …). */
export function isBoilerplateName(name: string): boolean {
  if (!name) return false;
  for (const token of name.split(/\s+/)) {
    if (BOILERPLATE_PHRASES.test(token)) return true;
    if (nameParts(token).some((part) => BOILERPLATE_PARTS.has(part))) return true;
  }
  return false;
}
