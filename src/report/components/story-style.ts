/**
 * The style of the story components. The static report inlines it; the web app's build
 * emits it as a stylesheet file (web/vite.config.ts), so both look alike and the served
 * pages keep a style-src 'self' policy.
 */
export const STORY_CSS = `
:root {
  --fg: #1d1d1f; --bg: #fff; --muted: #5f6368; --line: #d5d7db; --panel: #f6f7f9;
  --link: #0b57d0; --focus: #0b57d0; --hl: #fff3b0;
  --yes: #dff3e1; --yes-fg: #135c22; --no: #f1f2f4; --bad: #fbe3e4; --bad-fg: #a0001c;
}
.muted { color: var(--muted); }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible,
select:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--focus); outline-offset: 2px;
}
.cite {
  font-size: .78em; vertical-align: super; line-height: 1;
  text-decoration: none; padding: 0 .08em; color: var(--link); cursor: pointer; white-space: nowrap;
}
/* The tip opens under the line that holds the citation and spans it, so it never leaves the screen. */
.cite-line, ol.brief li, .variant, ul.claims li, ul.derivations li, .fact-matrix th { position: relative; }
.cite-tip {
  display: none; position: absolute; z-index: 20; left: 0; right: 0; top: 100%;
  max-width: 40rem; padding: .45rem .6rem;
  font-size: .85rem; line-height: 1.4; font-weight: normal; font-style: normal; white-space: normal; text-align: left;
  color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px;
  box-shadow: 0 4px 14px rgba(0, 0, 0, .15);
}
.fact-matrix th .cite-tip { left: auto; width: 18rem; }
.cite:hover .cite-tip, .cite:focus .cite-tip, .cite:focus-within .cite-tip { display: block; }
.cite-source { display: block; font-weight: 600; }
.cite-sentence { display: block; margin-top: .25rem; font-style: italic; }
ol.brief { padding-left: 1.4rem; }
ol.brief li { margin: .35rem 0; }
.cards {
  list-style: none; padding: 0; margin: 0;
  display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 21rem), 1fr)); gap: .8rem;
}
.card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .8rem; background: var(--bg); min-width: 0; }
.card-subject { font-weight: 600; margin: .35rem 0; }
.variants { list-style: none; padding: 0; margin: 0; }
.variant { border-top: 1px dashed var(--line); padding: .35rem 0; }
.variant-value { font-size: 1.05rem; }
.kind {
  display: inline-block; font-size: .72rem; text-transform: uppercase; letter-spacing: .05em;
  background: var(--panel); border: 1px solid var(--line); border-radius: 3px; padding: 0 .35rem;
}
blockquote {
  margin: .3rem 0; padding: .1rem 0 .1rem .6rem; border-left: 3px solid var(--line);
  font-size: .92rem; overflow-wrap: anywhere;
}
ul.claims { padding-left: 1.2rem; }
ul.claims > li { margin: .5rem 0; }
ul.claims li.disputed { list-style: square; }
ul.rebuttals { padding-left: 1.2rem; margin: .25rem 0; }
.unverified { color: var(--bad-fg); }
.verified { color: var(--yes-fg); }
.table-scroll { overflow-x: auto; max-width: 100%; }
table.fact-matrix { border-collapse: collapse; font-size: .85rem; }
.fact-matrix th, .fact-matrix td { border: 1px solid var(--line); padding: .25rem .4rem; vertical-align: top; }
.fact-matrix thead th { background: var(--panel); vertical-align: bottom; }
.column-source { display: block; max-width: 9rem; font-weight: 600; overflow-wrap: anywhere; }
/* The fact column stays in view while the outlets scroll sideways on a narrow screen. */
.fact-matrix th.fact-text {
  position: sticky; left: 0; z-index: 1; background: var(--bg);
  font-weight: normal; text-align: left; min-width: 16rem; max-width: 34rem;
}
@media (max-width: 40rem) { .fact-matrix th.fact-text { min-width: 10rem; } }
@media (pointer: coarse) { .cite { padding: .15em .25em; } }
.fact-matrix td.status { white-space: nowrap; }
.cell-reported, .cell-omitted, .cell-contradicted { text-align: center; white-space: nowrap; }
.cell-reported { background: var(--yes); color: var(--yes-fg); }
.cell-omitted { background: var(--no); color: var(--muted); }
.cell-contradicted { background: var(--bad); color: var(--bad-fg); font-weight: 600; }
.legend span { padding: 0 .3rem; border-radius: 3px; }
ul.derivations { padding-left: 1.2rem; }
mark { background: var(--hl); color: inherit; }
`;
