// hearsay's extraction beside @mozilla/readability + jsdom, same pages, one run.
//
//   node bench.mjs HEARSAY BENCHMARK_DIR OUT_DIR
//
// 1. hearsay: `hearsay eval extract --json --repeat 3` (F1 and CPU time of
//    hs_page_new alone, the pages already in memory).
// 2. readability: every page gunzipped into memory first, then for each page
//    `new JSDOM(html)` + `new Readability(document).parse()`, timed with the
//    process's CPU time (and wall time); its textContent is written as
//    predictions and scored by `hearsay eval extract --predictions`, the same
//    metric code as for hearsay.
// Prints both throughputs (pages/s, MB/s of HTML) and their ratio.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const [hearsay, dir, outDir] = process.argv.slice(2);
if (!hearsay || !dir || !outDir) {
  console.error('usage: node bench.mjs HEARSAY BENCHMARK_DIR OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const hs = JSON.parse(execFileSync(hearsay, ['eval', 'extract', '--benchmark', dir, '--json', '--repeat', '3']));

const truth = JSON.parse(readFileSync(`${dir}/ground-truth.json`, 'utf8'));
const keys = Object.keys(truth).sort();
const pages = keys.map((k) => {
  const bytes = gunzipSync(readFileSync(`${dir}/html/${k}.html.gz`));
  return { key: k, url: truth[k].url, bytes: bytes.length, html: bytes.toString('utf8') };
});

const quiet = new VirtualConsole(); // page scripts are not run; keep CSS/parse noise off the output
const predictions = {};
let cpuUs = 0, wallNs = 0n, bytes = 0, failed = 0;
for (const p of pages) {
  const c0 = process.cpuUsage();
  const w0 = process.hrtime.bigint();
  let text = '';
  try {
    const dom = new JSDOM(p.html, { url: p.url, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article && article.textContent ? article.textContent : '';
    dom.window.close();
  } catch (e) {
    failed++;
  }
  wallNs += process.hrtime.bigint() - w0;
  const c = process.cpuUsage(c0);
  cpuUs += c.user + c.system;
  bytes += p.bytes;
  predictions[p.key] = { articleBody: text };
}
const predPath = `${outDir}/readability.json`;
writeFileSync(predPath, JSON.stringify(predictions));
const rd = JSON.parse(execFileSync(hearsay, ['eval', 'extract', '--benchmark', dir, '--predictions', predPath, '--json']));

const rdCpu = cpuUs / 1e6, rdWall = Number(wallNs) / 1e9, mb = bytes / 1e6;
const rdMBs = mb / rdCpu, rdPages = pages.length / rdCpu;
const result = {
  pages: pages.length,
  hearsay: { f1: hs.f1, precision: hs.precision, recall: hs.recall, pages_per_s: hs.pages_per_s, mb_per_s: hs.mb_per_s },
  readability_jsdom: {
    f1: rd.f1, precision: rd.precision, recall: rd.recall, failed,
    pages_per_s: +rdPages.toFixed(1), mb_per_s: +rdMBs.toFixed(2), wall_mb_per_s: +(mb / rdWall).toFixed(2),
  },
  speed_ratio: +(hs.mb_per_s / rdMBs).toFixed(1),
};
writeFileSync(`${outDir}/result.json`, JSON.stringify(result, null, 2) + '\n');
const row = (name, r) =>
  `${name.padEnd(22)} F1 ${r.f1.toFixed(4)}  P ${r.precision.toFixed(4)}  R ${r.recall.toFixed(4)}  ` +
  `${r.pages_per_s.toFixed(1).padStart(7)} pages/s  ${r.mb_per_s.toFixed(2).padStart(7)} MB/s`;
console.log(`${pages.length} pages, ${mb.toFixed(2)} MB of HTML; speed is CPU time of one core`);
console.log(row('hearsay', result.hearsay));
console.log(row('readability + jsdom', result.readability_jsdom));
console.log(`hearsay is ${result.speed_ratio}x as fast as readability + jsdom`);
