import { describe, expect, it } from 'vitest';
import { dropBlockWhitespace } from './drop-block-whitespace.js';
import { dropUnusedAttributes } from './drop-unused-attributes.js';
import { stripInertMarkup } from './strip-inert-markup.js';

describe('stripInertMarkup', () => {
  it('should remove scripts, styles, svg and comments but keep JSON-LD', () => {
    const html =
      '<p>a</p><script>x("</p>")</script><style>p{}</style><!-- <p>c</p> --><svg><text>s</text></svg>' +
      '<script type="application/ld+json">{"a":1}</script><p>b</p>';
    expect(stripInertMarkup(html)).toBe(
      '<p>a</p><script type="application/ld+json">{"a":1}</script><p>b</p>',
    );
  });

  it('should drop an unterminated script to the end of the input', () => {
    expect(stripInertMarkup('<p>a</p><script>var x = 1;')).toBe('<p>a</p>');
  });
});

describe('dropUnusedAttributes', () => {
  it('should keep the attributes extraction reads and drop the others', () => {
    expect(dropUnusedAttributes('<div class="a" data-x="1" onclick="f()" style="color:red">')).toBe(
      '<div class="a">',
    );
    expect(dropUnusedAttributes('<p style="display: none" id=q>')).toBe('<p style="display: none" id=q>');
    expect(dropUnusedAttributes('<img src="a.jpg" alt="x > y"/>')).toBe('<img />');
  });
});

describe('dropBlockWhitespace', () => {
  it('should drop whitespace next to block tags and keep it between inline tags', () => {
    expect(dropBlockWhitespace('<div>\n  <p>a <b>b</b> <i>c</i></p>\n</div>\n<p>d</p>')).toBe(
      '<div><p>a <b>b</b> <i>c</i></p></div><p>d</p>',
    );
  });
});

describe('stripInertMarkup on media', () => {
  it('should drop image and picture tags but keep the text around them', () => {
    expect(stripInertMarkup('<p>a<picture><source srcset="x"><img src="y" alt="z"></picture>b</p>')).toBe(
      '<p>ab</p>',
    );
  });
});
