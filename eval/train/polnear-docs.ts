import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../data-dir.js';
import { readBrat, type GoldAttribution } from '../polnear/read-brat.js';

/** One PolNeAR article with its gold attributions. */
export interface PolnearDoc {
  name: string;
  text: string;
  gold: GoldAttribution[];
}

/** The articles of one PolNeAR split, sorted by name. */
export function readPolnear(split: 'train' | 'dev', limit = Infinity): PolnearDoc[] {
  const dir = join(dataDir(), 'polnear', split);
  const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann'));
  const texts = readdirSync(join(dir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, limit);
  const docs: PolnearDoc[] = [];
  for (const file of texts) {
    const base = file.slice(0, -4);
    const ann = annFiles.find((f) => f.startsWith(`${base}_`) || f === `${base}.ann`);
    if (!ann) continue;
    docs.push({
      name: base,
      text: readFileSync(join(dir, 'text', file), 'utf8'),
      gold: readBrat(readFileSync(join(dir, 'attributions', ann), 'utf8')),
    });
  }
  return docs;
}
