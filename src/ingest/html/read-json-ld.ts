import { createMessage, type Message } from '../../model/message.js';

export type JsonLdNode = Record<string, unknown>;

export interface JsonLdResult {
  /** Every object found, with `@graph` members and top-level arrays flattened. */
  nodes: JsonLdNode[];
  messages: Message[];
}

function isObject(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collectNodes(value: unknown, into: JsonLdNode[], depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  into.push(value);
  if (value['@graph'] !== undefined) collectNodes(value['@graph'], into, depth + 1);
  // A page often describes itself as a WebPage whose main entity is the article.
  if (isObject(value.mainEntity)) collectNodes(value.mainEntity, into, depth + 1);
}

/** Common publishing slips: raw line breaks inside strings, trailing commas, HTML comments. */
function repairJson(text: string): string {
  return text
    .replace(/^\s*<!--|-->\s*$/g, '')
    .replace(/[\n\r\t\f\v]+/g, ' ')
    .replace(/,\s*([}\]])/g, '$1')
    .replace(/;\s*$/, '');
}

function parseLenient(text: string): { value: unknown; ok: boolean } {
  try {
    return { value: JSON.parse(text), ok: true };
  } catch {
    try {
      return { value: JSON.parse(repairJson(text)), ok: true };
    } catch {
      return { value: undefined, ok: false };
    }
  }
}

/**
 * Reads every `<script type="application/ld+json">` block. Blocks that are not JSON even
 * after light repair become one `html:malformed-json-ld` message each; they never throw.
 */
export function readJsonLd(allScripts: Element[], place: string): JsonLdResult {
  const nodes: JsonLdNode[] = [];
  const messages: Message[] = [];
  const scripts = allScripts.filter((script) => /ld\+json/i.test(script.getAttribute('type') ?? ''));
  scripts.forEach((script, index) => {
    const text = (script.textContent ?? '').trim();
    if (!text) return;
    const parsed = parseLenient(text);
    if (!parsed.ok) {
      messages.push(
        createMessage({
          reason: `JSON-LD block ${index + 1} is not valid JSON; its metadata was ignored`,
          source: 'html',
          ruleId: 'html:malformed-json-ld',
          place,
        }),
      );
      return;
    }
    collectNodes(parsed.value, nodes);
  });
  return { nodes, messages };
}
