/**
 * Comments and elements whose content is never shown as text, matched left to right the
 * way an HTML tokenizer meets them, so a `<script>` inside a comment (or a comment
 * marker inside a script) is consumed with its container.
 */
const INERT =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|svg|noscript|template)\b([^>]*)>[\s\S]*?(?:<\/\1\s*>|$)/gi;

/**
 * Removes scripts, styles, inline SVG, `<noscript>`, `<template>`, comments and image
 * and form-control tags from raw HTML before parsing: they are often most of a page's bytes and parsing them is wasted
 * work. JSON-LD scripts are kept because they carry the page's metadata.
 */
/** Void and media tags that carry no text; the text of `alt` attributes is not article prose. */
const MEDIA = /<(?:img|source|picture|\/picture|input|wbr|track|area|map|\/map)\b[^<>]*>/gi;

export function stripInertMarkup(html: string): string {
  return html
    .replace(MEDIA, '')
    .replace(INERT, (match: string, tag: string | undefined, attributes: string | undefined) =>
      tag?.toLowerCase() === 'script' && /ld\+json/i.test(attributes ?? '') ? match : '',
    );
}
