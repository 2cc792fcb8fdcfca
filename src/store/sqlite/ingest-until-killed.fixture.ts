// Child process for the crash test: ingests batches forever, printing each committed batch.
import { assignByContentHash, ingestRecords } from '../assign-stories.js';
import { openStore } from '../open-store.js';
import { makeRecord } from '../test-records.js';

const path = process.argv[2];
if (!path) throw new TypeError('ingest-until-killed: pass the database path');
const store = await openStore(path);
const body = 'A long paragraph about the same event, repeated to make pages heavy. '.repeat(80);
for (let batch = 0; ; batch += 1) {
  const records = Array.from({ length: 20 }, (_, i) => {
    const n = batch * 20 + i;
    return makeRecord(n, { text: `${n}: ${body}` });
  });
  await ingestRecords(store, records, assignByContentHash);
  process.stdout.write(`committed ${batch + 1}\n`);
}
