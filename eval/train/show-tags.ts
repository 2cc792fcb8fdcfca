/** `npx tsx eval/train/show-tags.ts "<text>"`: the shipped tagger's labels and attributions for a text (debugging). */
import { findQuotes } from '../../src/annotate/attributions/find-quotes.js';
import { prepareDocument } from '../../src/annotate/attributions/model/features.js';
import { LABELS } from '../../src/annotate/attributions/model/labels.js';
import { shippedModel, tagAttributions } from '../../src/annotate/attributions/model/model-attributions.js';
import { ruleAttributions } from '../../src/annotate/attributions/rule-attributions.js';
import { tagTokens } from '../../src/annotate/attributions/tag-tokens.js';
import { extractAttributions } from '../../src/annotate/attributions/extract-attributions.js';
import { splitSentences } from '../../src/annotate/sentences/split-sentences.js';

const model = shippedModel();
for (const text of process.argv.slice(2)) {
  const sentences = splitSentences(text);
  const tokens = tagTokens(text);
  const quotes = findQuotes(text);
  const doc = prepareDocument(
    text,
    sentences,
    tokens,
    quotes,
    ruleAttributions(text, sentences, tokens, quotes),
  );
  if (!model) throw new Error('no model');
  const labels = tagAttributions(doc, model);
  console.log(
    tokens.map((t, i) => `${t.text}/${LABELS[labels[i] ?? 0]}/${LABELS[doc.ruleLabel[i] ?? 0]}`).join(' '),
  );
  for (const a of extractAttributions(text, sentences))
    console.log(
      `  [${a.source?.text ?? '-'}] [${a.cue.text}] [${(a.contentParts ?? [a.content]).map((p) => p.text).join(' … ')}] ${a.cueClass} ${a.kind} parent=${a.parent}`,
    );
}
