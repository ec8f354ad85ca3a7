// Throughput of wink-nlp (wink-eng-lite-web-model: tokens, POS, entities) and
// compromise (people, places, organisations, quotations) on one JSONL corpus.
// usage: node others.js CORPUS.jsonl wink|compromise
// Prints {"tool", "articles", "words", "seconds", "words_per_s", "cpu_seconds",
// "words_per_cpu_s"}; words are white-space separated, counted the same way for
// every tool.  CPU seconds (user + system of this process) are the fairer
// figure on a shared machine, where wall time depends on the other jobs.
'use strict';
const fs = require('fs');

const [corpus, tool] = process.argv.slice(2);
const docs = fs.readFileSync(corpus, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
let words = 0;
for (const t of docs) words += t.split(/\s+/).filter(Boolean).length;

let run;
if (tool === 'wink') {
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  run = (t) => {
    const doc = nlp.readDoc(t);
    doc.entities().out(its.detail);
    doc.tokens().out(its.pos);
    doc.sentences().length();
  };
} else if (tool === 'compromise') {
  const nlp = require('compromise');
  run = (t) => {
    const doc = nlp(t);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
    doc.quotations().out('array');
  };
} else {
  console.error('usage: node others.js CORPUS.jsonl wink|compromise');
  process.exit(2);
}
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
for (const t of docs) run(t);
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const c1 = process.cpuUsage(c0);
const cpu = (c1.user + c1.system) / 1e6;
console.log(JSON.stringify({tool, articles: docs.length, words, seconds: +secs.toFixed(2),
                            words_per_s: Math.round(words / secs), cpu_seconds: +cpu.toFixed(2),
                            words_per_cpu_s: Math.round(words / cpu)}));
