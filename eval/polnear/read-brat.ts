/** One role span of a gold attribution; `pieces` are the fragments of a discontinuous span. */
export interface GoldSpan {
  pieces: Array<[number, number]>;
}

export interface GoldAttribution {
  source: GoldSpan | null;
  cue: GoldSpan | null;
  content: GoldSpan | null;
}

/**
 * Reads PolNeAR brat standoff: `T` lines are spans (`Role start end;start end\ttext`), `E`
 * lines tie an attribution's Source, Cue and Content (and Content2 …) together.
 */
export function readBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, GoldSpan>();
  const attributions: GoldAttribution[] = [];
  const lines = ann.split('\n');
  for (const line of lines) {
    const m = /^(T\d+)\t\S+ ([\d ;]+)\t/.exec(line);
    if (m?.[1] && m[2]) spans.set(m[1], { pieces: parsePieces(m[2]) });
  }
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    attributions.push(readEvent(line.split('\t')[1] ?? '', spans));
  }
  return attributions;
}

function parsePieces(ranges: string): Array<[number, number]> {
  return ranges.split(';').map((r) => {
    const [a, b] = r.trim().split(' ').map(Number);
    return [a ?? 0, b ?? 0];
  });
}

function readEvent(body: string, spans: Map<string, GoldSpan>): GoldAttribution {
  const gold: GoldAttribution = { source: null, cue: null, content: null };
  for (const arg of body.split(' ')) {
    const [role, id] = arg.split(':');
    const span = id ? spans.get(id) : undefined;
    if (!role || !span) continue;
    if (role === 'Source') gold.source = span;
    else if (role === 'Cue') gold.cue = span;
    else if (role.startsWith('Content')) {
      gold.content = { pieces: [...(gold.content?.pieces ?? []), ...span.pieces] };
    }
  }
  return gold;
}
