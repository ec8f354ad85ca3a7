// Browser tests of the web UI: Debian's chromium, headless, driven by
// playwright-core against a running `hearsay serve`.
// usage: node tests/web/ui.mjs URL SCREENSHOT_DIR [--store]
// Prints one line per check and 'web: N passed, N failed'; exits 1 on a failure.
import {chromium} from 'playwright-core';
import {mkdirSync} from 'node:fs';
import {ledgerChecks} from './ledger.mjs';

const [base, shots, withStore] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node ui.mjs URL SCREENSHOT_DIR [--store]');
  process.exit(2);
}
mkdirSync(shots, {recursive: true});
const exe = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  console.log((ok ? 'ok   ' : 'FAIL ') + name + (ok || !detail ? '' : ': ' + detail));
}

// An article written for this test (invented people and outlets): two sources,
// a hedge word, an outlet after "told".
const article = [
  'date 2026-09-14',
  'Painter Odile Farrant and chef Bram Ostrow were seen at a gallery opening in Ghent, reportedly together.',
  '',
  '\u201cThey arrived hand in hand and left together,\u201d a guest told the Harbour Courier.',
  '',
  'Farrant\u2019s publicist, Nell Ayer, said: \u201cOdile and Bram are colleagues.\u201d',
].join('\n');

// Text that would run script if it were ever parsed as HTML.
const hostile = 'date 2026-09-15\nA neighbour said: \u201c<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>' +
  '<b>bold</b> was here.\u201d Then \u201c</span><svg onload="window.__xss=3">\u201d';

async function analyzeIn(page, text) {
  await page.goto(base + '#/analyze');
  await page.waitForSelector('[data-testid=paste]');
  await page.fill('[data-testid=paste]', text);
  await page.click('[data-testid=analyze]');
  await page.waitForSelector('[data-testid=analysis]', {timeout: 10000});
}

const browser = await chromium.launch({executablePath: exe, args: ['--no-sandbox', '--disable-gpu']});
try {
  const page = await browser.newPage({viewport: {width: 1280, height: 860}});
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // 1. the paste box: the analysis shows the quotations the API finds, highlighted
  await analyzeIn(page, article);
  const api = await (await page.request.post(base + 'api/analyze', {
    headers: {'Content-Type': 'text/plain'}, data: article})).json();
  check('api analyses the test article', api.schema === 'hearsay/1' && api.attributions.length >= 2,
    JSON.stringify(api).slice(0, 200));
  const shown = await page.$$eval('[data-attr]', (ns) => {
    const by = {};
    for (const n of ns) by[n.dataset.attr] = (by[n.dataset.attr] || '') + n.textContent;
    return by;
  });
  check('every attribution is highlighted', Object.keys(shown).length === api.attributions.length,
    Object.keys(shown).length + ' highlighted, ' + api.attributions.length + ' in the API');
  for (const a of api.attributions) {
    check('quotation ' + a.id + ' highlighted with its exact text', shown[a.id] === a.content.text,
      JSON.stringify(shown[a.id]) + ' vs ' + JSON.stringify(a.content.text));
  }
  // colours: one per source; quotations of one source share it
  const colours = await page.$$eval('[data-attr]', (ns) => ns.map((n) => [n.dataset.attr,
    [...n.classList].find((c) => /^q-/.test(c))]));
  const byAttr = new Map(colours);
  const sourceOf = (a) => (a.source ? (a.source.entity || a.source.text.toLowerCase()) : null);
  let colourOk = true;
  for (const a of api.attributions) {
    for (const b of api.attributions) {
      const same = sourceOf(a) === sourceOf(b);
      if (a.source && b.source && same !== (byAttr.get(a.id) === byAttr.get(b.id))) colourOk = false;
    }
    if (!a.source && byAttr.get(a.id) !== 'q-none') colourOk = false;
  }
  check('quotations coloured by source', colourOk, JSON.stringify(colours));
  const nSources = new Set(api.attributions.filter((a) => a.source).map(sourceOf)).size;
  check('the legend lists each source', (await page.$$('[data-testid=source]')).length === nSources);
  const hedges = await page.$$eval('[data-testid=article-text] .hedge', (ns) => ns.map((n) => n.textContent).join('|'));
  check('hedges underlined', api.hedges.every((h) => hedges.includes(h.text)), hedges);
  const srcMarks = await page.$$eval('[data-testid=article-text] .src', (ns) => ns.map((n) => n.textContent).join('|'));
  check('sources marked', api.attributions.every((a) => !a.source || !a.source.end || srcMarks.includes(a.source.text)),
    srcMarks);
  const vias = api.attributions.filter((a) => a.via).map((a) => a.via.text);
  const outletMarks = await page.$$eval('[data-testid=article-text] .outlet', (ns) => ns.map((n) => n.textContent).join('|'));
  check('via outlets marked', vias.every((v) => outletMarks.includes(v)), outletMarks);
  const text = await page.textContent('[data-testid=article-text]');
  check('the article text is shown whole', text === api.article.text);
  await page.screenshot({path: shots + '/analyze.png', fullPage: true});

  // 1b. the renderer on a hand-made analysis (sources, a via outlet, a hedge,
  // multi-byte text before the spans), independent of what the pipeline finds
  const made = (() => {
    const t = 'Zoë Krämer said: “We split.” A pal told Pike Post it was reportedly mutual: “Done.”';
    const b = (s) => Buffer.byteLength(t.slice(0, t.indexOf(s)));
    const span = (s) => ({start: b(s), end: b(s) + Buffer.byteLength(s), text: s});
    return {schema: 'hearsay/1', article: {id: 'm', date: '2026-01-01', outlet: null, title: null, url: null, text: t},
      entities: [{id: 'E1', type: 'PERSON', name: 'Zoë Krämer', mentions: [span('Zoë Krämer')]}],
      attributions: [
        {id: 'A1', kind: 'direct', content: span('We split.'),
          source: {...span('Zoë Krämer'), entity: 'E1', kind: 'person'}, cue: span('said'), via: null, hedged: false},
        {id: 'A2', kind: 'direct', content: span('Done.'), source: {...span('A pal'), entity: null, kind: 'anonymous'},
          cue: span('told'), via: {text: 'Pike Post', entity: null}, hedged: true}],
      relations: [], timexes: [], hedges: [{...span('reportedly'), kind: 'reportive'}], warnings: []};
  })();
  const r = await page.evaluate(async (doc) => {
    const m = await import('/analysis.js');
    const box = document.createElement('div');
    document.body.appendChild(box);
    m.renderAnalysis(box, doc);
    const q = (sel) => [...box.querySelectorAll(sel)].map((n) => n.textContent);
    const cls = (id) => [...box.querySelector('[data-attr=' + id + ']').classList].find((c) => /^q-/.test(c));
    const out = {quotes: q('[data-attr]'), sources: q('.article-text .src'), outlets: q('.article-text .outlet'), hedges: q('.article-text .hedge'),
      c1: cls('A1'), c2: cls('A2'), legend: q('[data-testid=source]'), text: box.querySelector('.article-text').textContent};
    box.remove();
    return out;
  }, made);
  check('renderer: quotations cut at UTF-8 byte offsets', JSON.stringify(r.quotes) === '["We split.","Done."]',
    JSON.stringify(r.quotes));
  check('renderer: sources marked', JSON.stringify(r.sources) === '["Zoë Krämer","A pal"]', JSON.stringify(r.sources));
  check('renderer: two sources, two colours', r.c1 && r.c2 && r.c1 !== r.c2, r.c1 + ' ' + r.c2);
  check('renderer: via outlet marked', JSON.stringify(r.outlets) === '["Pike Post"]', JSON.stringify(r.outlets));
  check('renderer: hedge underlined', JSON.stringify(r.hedges) === '["reportedly"]', JSON.stringify(r.hedges));
  check('renderer: legend names sources and via', r.legend.length === 2 && /via Pike Post/.test(r.legend[1]),
    JSON.stringify(r.legend));
  check('renderer: text intact', r.text === made.article.text);

  // 2. article text with markup stays text
  await analyzeIn(page, hostile);
  await page.waitForTimeout(200);
  const xss = await page.evaluate(() => window.__xss);
  check('no script ran from article text', xss === undefined, 'window.__xss = ' + xss);
  const injected = await page.$$eval('[data-testid=result] img, [data-testid=result] script, [data-testid=result] svg, ' +
    '[data-testid=result] b', (ns) => ns.length);
  check('no element made from article text', injected === 0, injected + ' elements');
  const shownText = await page.textContent('[data-testid=article-text]');
  check('the markup is shown as text', shownText.includes('<img src=x onerror="window.__xss=1"><script>'),
    shownText.slice(0, 120));
  await page.screenshot({path: shots + '/xss.png'});

  // 3. errors reach the page as messages
  await page.goto(base + '#/analyze');
  await page.fill('[data-testid=paste]', 'date 2026-13-45\nA line.');
  await page.click('[data-testid=analyze]');
  await page.waitForSelector('[data-testid=error]');
  check('a bad date header shows the server\'s message',
    /malformed 'date' header/.test(await page.textContent('[data-testid=error]')));

  // 4. the server refuses traversal and oversized bodies (as the browser sees it)
  for (const p of ['/../README.md', '/%2e%2e/README.md', '/.gitignore', '/..%2f..%2fetc%2fpasswd']) {
    const r = await page.request.get(base.replace(/\/$/, '') + p);
    check('GET ' + p + ' refused', r.status() === 404 && (await r.json()).error.status === 404, String(r.status()));
  }
  const health = await (await page.request.get(base + 'api/health')).json();
  const big = 'x'.repeat(health.max_body + 1);
  const r413 = await page.request.post(base + 'api/analyze', {headers: {'Content-Type': 'text/plain'}, data: big});
  check('a body over the limit answers 413', r413.status() === 413, String(r413.status()));
  // 5. the ledger pages (the server has a store loaded from tests/store/ledger.jsonl)
  if (withStore === '--store') {
    check('the server has a store', health.store === true);
    if (health.store) await ledgerChecks(page, base, check, shots);
  }
  check('no script errors on the pages', errors.length === 0, errors.join('; '));
} finally {
  await browser.close();
}
console.log(`web: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
