// Build the benchmark corpus as JSONL ({id, text} a line): the PolNeAR texts
// (train and dev) and the GossipCop articles, read from ../shared/data.
// usage: node corpus.js DATA_DIR OUT.jsonl
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [dataDir, outPath] = process.argv.slice(2);
if (!dataDir || !outPath) {
  console.error('usage: node corpus.js DATA_DIR OUT.jsonl');
  process.exit(2);
}
const out = fs.openSync(outPath, 'w');
let articles = 0, words = 0;
function add(id, text) {
  if (!text || !text.trim()) return;
  fs.writeSync(out, JSON.stringify({id, text}) + '\n');
  articles++;
  words += text.split(/\s+/).filter(Boolean).length;
}
for (const split of ['train', 'dev']) {
  const dir = path.join(dataDir, 'polnear', split, 'text');
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.txt')) add('polnear/' + f, fs.readFileSync(path.join(dir, f), 'utf8'));
  }
}
const gz = path.join(dataDir, 'gossipcop', 'gossipcop-train.jsonl.gz');
for (const line of zlib.gunzipSync(fs.readFileSync(gz)).toString('utf8').split('\n')) {
  if (!line) continue;
  const o = JSON.parse(line);
  add('gossipcop/' + o.id, o.text);
}
fs.closeSync(out);
console.log(JSON.stringify({articles, words}));
