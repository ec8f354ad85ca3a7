// An analysis (hearsay/1 JSON) on screen: the article text with quotations
// highlighted by source, sources and outlets marked, hedges underlined; and
// beside it the sources, attributions, entities, relations and dates.
// Offsets in hearsay/1 are UTF-8 byte offsets: the text is cut as bytes.
import {el, clear, api, setStatus} from './dom.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const N_COLORS = 8;

function sourceKey(a) {
  if (!a.source) return null;
  return a.source.entity || a.source.text.toLowerCase();
}

// Sources in order of first appearance, each with a colour and its quotations.
export function sourcesOf(doc) {
  const byKey = new Map();
  for (const a of doc.attributions || []) {
    const k = sourceKey(a);
    if (k === null) continue;
    if (!byKey.has(k)) {
      byKey.set(k, {key: k, color: byKey.size % N_COLORS, text: a.source.text, kind: a.source.kind,
        via: new Set(), count: 0});
    }
    const s = byKey.get(k);
    s.count++;
    if (a.via && a.via.text) s.via.add(a.via.text);
  }
  return byKey;
}

// Byte offsets of every occurrence of `needle` in `text` (for outlets named by `via`).
function findAll(text, needle) {
  const out = [];
  if (!needle) return out;
  let i = text.indexOf(needle);
  while (i >= 0) {
    const start = enc.encode(text.slice(0, i)).length;
    out.push([start, start + enc.encode(needle).length]);
    i = text.indexOf(needle, i + needle.length);
  }
  return out;
}

// Every marked span of the article: {start, end, cls, attr, title}.
function spansOf(doc, sources) {
  const spans = [];
  const text = doc.article.text || '';
  for (const a of doc.attributions || []) {
    const k = sourceKey(a);
    const s = k === null ? null : sources.get(k);
    const who = s ? s.text + ' (' + s.kind + ')' : 'no source found';
    const via = a.via && a.via.text ? ', via ' + a.via.text : '';
    spans.push({start: a.content.start, end: a.content.end, cls: 'q ' + (s ? 'q-' + s.color : 'q-none'),
      attr: a.id, title: a.kind + ' quotation: ' + who + via + (a.hedged ? ', hedged' : '')});
    if (a.source && a.source.end > a.source.start) {
      spans.push({start: a.source.start, end: a.source.end, cls: 'src s-' + s.color, title: 'source: ' + who});
    }
    if (a.cue) spans.push({start: a.cue.start, end: a.cue.end, cls: 'cue', title: 'cue'});
    if (a.via && a.via.text) {
      for (const [b, e] of findAll(text, a.via.text)) spans.push({start: b, end: e, cls: 'outlet', title: 'outlet'});
    }
  }
  for (const e of doc.entities || []) {
    if (!e.outlet) continue;
    for (const m of e.mentions || []) spans.push({start: m.start, end: m.end, cls: 'outlet', title: 'outlet: ' + e.name});
  }
  for (const h of doc.hedges || []) spans.push({start: h.start, end: h.end, cls: 'hedge', title: 'hedge (' + h.kind + ')'});
  for (const t of doc.timexes || []) spans.push({start: t.start, end: t.end, cls: 'timex', title: 'date: ' + t.value});
  return spans;
}

// The article text as elements: one node per stretch with the same marks.
export function articleText(doc, sources) {
  const text = doc.article.text || '';
  const bytes = enc.encode(text);
  const spans = spansOf(doc, sources).filter((s) => s.start >= 0 && s.end > s.start && s.end <= bytes.length);
  const points = new Set([0, bytes.length]);
  for (const s of spans) { points.add(s.start); points.add(s.end); }
  const cuts = [...points].sort((a, b) => a - b);
  const root = el('div', {class: 'article-text', 'data-testid': 'article-text'});
  // stretches side by side with the same classes and quotation are one element
  // ("the " of a via and the outlet's name after it: "the Harbour Courier")
  let last = null;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i], b = cuts[i + 1];
    const piece = dec.decode(bytes.subarray(a, b));
    const on = spans.filter((s) => s.start <= a && s.end >= b);
    if (!on.length) { root.appendChild(document.createTextNode(piece)); last = null; continue; }
    const q = on.find((s) => s.attr);
    const cls = [...new Set(on.map((s) => s.cls).join(' ').split(' '))].sort().join(' ');
    const attr = q ? q.attr : null;
    const titles = [...new Set(on.map((s) => s.title))];
    if (last && last.cls === cls && last.attr === attr) {
      last.node.textContent += piece;
      for (const t of titles) if (!last.titles.includes(t)) last.titles.push(t);
      last.node.setAttribute('title', last.titles.join('; '));
      continue;
    }
    const node = el('span', {class: cls, 'data-attr': attr, title: titles.join('; ')}, piece);
    root.appendChild(node);
    last = {node, cls, attr, titles};
  }
  return root;
}

function legend(sources, doc) {
  const unsourced = (doc.attributions || []).filter((a) => !a.source).length;
  const items = [...sources.values()].map((s) => el('li', {'data-testid': 'source', 'data-color': s.color},
    el('span', {class: 'swatch q-' + s.color}), ' ',
    el('strong', {}, s.text), ' ', el('span', {class: 'badge kind-' + s.kind}, s.kind),
    s.via.size ? el('span', {class: 'via'}, ' via ', [...s.via].join(', ')) : null,
    ' ', el('span', {class: 'count'}, '(' + s.count + ' quotation' + (s.count === 1 ? '' : 's') + ')')));
  if (unsourced) {
    items.push(el('li', {'data-testid': 'source-none'}, el('span', {class: 'swatch q-none'}), ' ',
      el('em', {}, 'no source found'), ' (' + unsourced + ')'));
  }
  return el('section', {class: 'panel'}, el('h3', {}, 'Sources'),
    items.length ? el('ul', {class: 'legend'}, items) : el('p', {class: 'note'}, 'No quotation or attribution found.'),
    el('p', {class: 'key'}, el('span', {class: 'src s-0'}, 'source'), ' ', el('span', {class: 'outlet'}, 'outlet'),
      ' ', el('span', {class: 'hedge'}, 'hedge'), ' ', el('span', {class: 'timex'}, 'date')));
}

function table(title, head, rows, testid) {
  if (!rows.length) return null;
  return el('section', {class: 'panel'}, el('h3', {}, title + ' (' + rows.length + ')'),
    el('table', {'data-testid': testid}, el('thead', {}, el('tr', {}, head.map((h) => el('th', {}, h)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c)))))));
}

export function renderAnalysis(container, doc) {
  clear(container);
  const sources = sourcesOf(doc);
  const ents = new Map((doc.entities || []).map((e) => [e.id, e]));
  const name = (id) => (id && ents.has(id) ? ents.get(id).name : id || '');
  const art = doc.article;
  const meta = [art.date, art.outlet, art.url].filter(Boolean).join(' · ');
  const side = el('aside', {class: 'side'},
    legend(sources, doc),
    table('Attributions', ['', 'kind', 'content', 'source', 'cue', 'via'], (doc.attributions || []).map((a) => [
      a.id, a.kind + (a.hedged ? ' (hedged)' : ''), a.content.text,
      a.source ? a.source.text + ' (' + a.source.kind + ')' : '—', a.cue ? a.cue.text : '—',
      a.via ? a.via.text : '—']), 'attributions'),
    table('Relations', ['type', 'between', 'status', 'evidence'], (doc.relations || []).map((r) => [
      r.type, name(r.subject) + ' — ' + name(r.object), r.status, r.evidence ? r.evidence.text : '']), 'relations'),
    table('Entities', ['name', 'type', 'mentions'], (doc.entities || []).map((e) => [
      e.store_id ? el('a', {href: '#/entity/' + encodeURIComponent('#' + e.store_id)}, e.name) : e.name,
      e.type + (e.outlet ? ' (outlet)' : ''), e.store_id ? '' : String((e.mentions || []).length)]), 'entities'),
    table('Hedges', ['words', 'kind'], (doc.hedges || []).map((h) => [h.text, h.kind]), 'hedges'),
    table('Dates', ['words', 'value'], (doc.timexes || []).map((t) => [t.text, t.value]), 'timexes'),
    table('Warnings', ['byte', 'message'], (doc.warnings || []).map((w) => [String(w.offset), w.message]), 'warnings'));
  container.appendChild(el('div', {class: 'analysis', 'data-testid': 'analysis'},
    // a title analysed as the text's first paragraph (title_bytes) is shown there, marked
    el('article', {class: 'doc'}, art.title && !art.title_bytes ? el('h2', {}, art.title) : null,
      meta ? el('p', {class: 'meta'}, meta) : null, articleText(doc, sources)),
    side));
}

// The paste box: the analysis appears as soon as text is pasted or typed.
export async function analyzePage(main, opts) {
  const text = el('textarea', {id: 'paste', rows: opts.compact ? 6 : 12, 'data-testid': 'paste',
    placeholder: 'Paste a news article here (a first line "date YYYY-MM-DD" sets its date)'});
  const date = el('input', {id: 'date', type: 'date', 'aria-label': 'date'});
  const outlet = el('input', {id: 'outlet', type: 'text', placeholder: 'outlet', 'aria-label': 'outlet'});
  const out = el('div', {id: 'result', 'data-testid': 'result'});
  let seq = 0;
  async function run() {
    if (!text.value.trim()) { clear(out); return; }
    const mine = ++seq;
    setStatus('analysing…');
    // plain text, so that a first line 'date YYYY-MM-DD' sets the date; the fields win over it
    const q = new URLSearchParams();
    if (date.value) q.set('date', date.value);
    if (outlet.value) q.set('outlet', outlet.value);
    const doc = await api('/api/analyze?' + q, {method: 'POST',
      headers: {'Content-Type': 'text/plain; charset=utf-8'}, body: text.value});
    if (mine !== seq) return; // a newer request is on its way
    if (doc.error) {
      clear(out).appendChild(el('p', {class: 'error', 'data-testid': 'error'}, doc.error.message));
      setStatus('error ' + doc.error.status, true);
      return;
    }
    setStatus((doc.attributions || []).length + ' attributions, ' + (doc.entities || []).length + ' entities');
    renderAnalysis(out, doc);
  }
  let timer = null;
  const soon = () => { clearTimeout(timer); timer = setTimeout(run, 300); };
  text.addEventListener('input', soon);
  text.addEventListener('paste', () => setTimeout(run, 0));
  date.addEventListener('change', run);
  outlet.addEventListener('change', run);
  const example = el('button', {type: 'button', onclick: async () => {
    const r = await fetch('sample.txt');
    text.value = await r.text();
    run();
  }}, 'Try an example');
  main.appendChild(el('section', {class: 'paste'},
    el('h2', {}, 'Analyse an article'),
    text,
    el('div', {class: 'row'}, date, outlet, el('button', {type: 'button', onclick: run, 'data-testid': 'analyze'},
      'Analyse'), example)));
  main.appendChild(out);
}
