// The ledger's pages: search, entity (with its graph), claim (origins and
// their echoes as a tree on a timeline), a pair's claims, an article with its
// layers, sources per outlet.  All text goes in as text nodes.
import {el, clear, link, api, setStatus} from './dom.js';
import {entityGraph, edgeKey, originTimeline, EDGE_STYLE, edgeWidth} from './graph.js';
import {renderAnalysis} from './analysis.js';

const q = encodeURIComponent;
const entityHref = (e) => '#/entity/' + q('#' + e.id);
const claimHref = (c) => '#/claim/' + q(c.id);

function failed(main, r) {
  if (!r.error) return false;
  main.appendChild(el('p', {class: 'error', 'data-testid': 'error'}, r.error.message));
  setStatus('error ' + r.error.status, true);
  return true;
}

function origins(c) {
  const o = c.origins || {support: 0, deny: 0};
  return o.support + ' supporting' + (o.deny ? ', ' + o.deny + ' denying' : '');
}

function summary(s) {
  return el('span', {class: 'summary status-' + s}, s);
}

function claimRows(claims, self) {
  return el('table', {'data-testid': 'claims'},
    el('thead', {}, el('tr', {}, ['claim', 'between', 'summary', 'independent origins', 'evidence', 'dates']
      .map((h) => el('th', {}, h)))),
    el('tbody', {}, claims.map((c) => el('tr', {'data-claim': c.id},
      el('td', {}, link(c.type + ' #' + c.id, 'claim', c.id)),
      el('td', {}, self && c.subject.id === self.id ? '' : el('a', {href: entityHref(c.subject)}, c.subject.name),
        self && (c.subject.id === self.id || c.object.id === self.id) ? '' : ' — ',
        self && c.object.id === self.id ? '' : el('a', {href: entityHref(c.object)}, c.object.name)),
      el('td', {}, summary(c.summary)),
      el('td', {'data-testid': 'origins', 'data-support': c.origins.support, 'data-deny': c.origins.deny}, origins(c)),
      el('td', {}, String(c.evidence_count)),
      el('td', {}, [c.first, c.last].filter(Boolean).join(' – '))))));
}

function statements(title, list, testid) {
  if (!list || !list.length) return null;
  return el('section', {class: 'panel'}, el('h3', {}, title + ' (' + list.length + ')'),
    el('table', {'data-testid': testid}, el('tbody', {}, list.map((s) => el('tr', {},
      el('td', {class: 'when'}, s.date || ''),
      el('td', {}, link(s.outlet || s.article, 'article', s.article)),
      el('td', {}, s.source ? s.source.text + ' (' + s.source.kind + ')' : '—', s.via ? ' via ' + s.via : ''),
      el('td', {class: s.hedged ? 'hedge' : ''}, s.text))))));
}

export async function searchPage(main, query) {
  const input = el('input', {type: 'search', id: 'q', value: query || '', placeholder: 'a name, or words of an article',
    'data-testid': 'search', 'aria-label': 'search'});
  const go = () => { location.hash = '#/search/' + q(input.value.trim()); };
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
  main.appendChild(el('section', {class: 'search'}, el('h2', {}, 'Search the ledger'),
    el('div', {class: 'row'}, input, el('button', {type: 'button', onclick: go, 'data-testid': 'search-go'}, 'Search'),
      link('Most discussed', 'top'), ' ', link('Sources by outlet', 'sources'))));
  if (!query) return;
  const [ents, hits] = await Promise.all([api('/api/entities?q=' + q(query)), api('/api/search?q=' + q(query))]);
  if (ents.error && hits.error) { failed(main, ents); return; }
  const list = ents.entities || [];
  main.appendChild(el('section', {class: 'panel'}, el('h3', {}, 'People and organisations (' + list.length + ')'),
    list.length ? el('ul', {'data-testid': 'entities'}, list.map((e) => el('li', {},
      el('a', {href: entityHref(e), 'data-entity': e.id}, e.name), ' ', el('span', {class: 'badge'}, e.type),
      ' ', el('span', {class: 'count'}, e.articles + ' article' + (e.articles === 1 ? '' : 's')))))
      : el('p', {class: 'note'}, 'No entity by that name.')));
  const res = hits.results || [];
  main.appendChild(el('section', {class: 'panel'}, el('h3', {}, 'Articles and quotations (' + res.length + ')'),
    el('ul', {'data-testid': 'results'}, res.map((r) => el('li', {},
      el('span', {class: 'when'}, r.date || ''), ' ', link(r.title || r.outlet || r.article, 'article', r.article),
      r.kind === 'quotation' && r.source ? el('span', {class: 'via'}, ' — ' + r.source + ' (' + r.source_kind + ')') : null,
      el('div', {class: 'note'}, r.snippet || ''))))));
  setStatus(list.length + ' entities, ' + res.length + ' texts');
}

export async function entityPage(main, name) {
  const r = await api('/api/entity?name=' + q(name));
  if (failed(main, r)) return;
  const e = r.entity;
  main.appendChild(el('h1', {'data-testid': 'entity-name'}, e.name));
  main.appendChild(el('p', {class: 'meta'}, e.type + ' · ' + e.articles + ' article' + (e.articles === 1 ? '' : 's'),
    e.names && e.names.length > 1 ? ' · also named ' + e.names.filter((n) => n !== e.name).join(', ') : ''));
  const claims = r.claims || [];
  if (claims.length) {
    main.appendChild(entityGraph(e, claims, entityHref, claimHref));
    main.appendChild(el('div', {class: 'key'}, edgeKey(), el('span', {}, 'line width: the number of independent origins')));
    main.appendChild(el('section', {class: 'panel'}, el('h3', {}, 'Claims (' + claims.length + ')'), claimRows(claims, e)));
  } else {
    main.appendChild(el('p', {class: 'note'}, 'No claim about ' + e.name + ' yet.'));
  }
  const said = statements('Said by ' + e.name, r.said, 'said');
  const about = statements('Said about ' + e.name, r.about, 'about');
  if (said) main.appendChild(said);
  if (about) main.appendChild(about);
  setStatus(claims.length + ' claims');
}

function evidenceCard(ev) {
  return el('div', {class: 'ev', 'data-testid': 'evidence', 'data-echo': ev.echo ? 1 : 0},
    el('span', {class: 'when'}, ev.date || 'undated'),
    link(ev.outlet || ev.article, 'article', ev.article), ' ',
    ev.source ? el('span', {}, ' · ', el('strong', {}, ev.source.text), ' ',
      el('span', {class: 'badge kind-' + ev.source.kind, 'data-testid': 'source-kind'}, ev.source.kind))
      : el('span', {class: 'note'}, ' · the article itself'),
    ev.via ? el('span', {class: 'via'}, ' via ', el('span', {class: 'outlet'}, ev.via)) : null,
    ' · ', summary(ev.status), ev.hedged ? el('span', {class: 'hedge', 'data-testid': 'hedged'}, ' hedged') : null,
    ev.time ? el('span', {class: 'note'}, ' · holds ' + ev.time) : null,
    el('div', {class: ev.hedged ? 'text hedged' : 'text'}, ev.text || ''));
}

export async function claimPage(main, id) {
  const r = await api('/api/claims/' + q(id));
  if (failed(main, r)) return;
  const c = r.claim;
  main.appendChild(el('h1', {}, el('a', {href: entityHref(c.subject)}, c.subject.name), ' — ', c.type, ' — ',
    el('a', {href: entityHref(c.object)}, c.object.name)));
  const n = c.origins.support + c.origins.deny;
  main.appendChild(el('p', {class: 'meta', 'data-testid': 'claim-origins', 'data-support': c.origins.support,
    'data-deny': c.origins.deny}, summary(c.summary), ' · ', origins(c), ' · ', c.evidence_count + ' evidence · ',
    [c.first, c.last].filter(Boolean).join(' – ')));
  const st = EDGE_STYLE[c.summary] || EDGE_STYLE.reported;
  main.appendChild(el('p', {class: 'note'}, 'On the graph: ' + (st.dash ? 'dashed' : 'solid') + ' line, width ' +
    edgeWidth(c) + ' for ' + n + ' independent origin' + (n === 1 ? '' : 's') + '.'));
  // the timeline: origins in order of first appearance, echoes under their origin
  const list = (r.origins || []).slice().sort((a, b) => String(a.first || '~').localeCompare(String(b.first || '~')));
  main.appendChild(el('h2', {}, 'Origins and their echoes'));
  main.appendChild(originTimeline(list));
  main.appendChild(el('section', {class: 'tree', 'data-testid': 'timeline'},
    el('ul', {}, list.map((o) => {
      const [first, ...echoes] = o.evidence || [];
      return el('li', {'data-testid': 'origin', 'data-stance': o.stance},
        el('div', {class: 'note'}, (o.stance === 'deny' ? 'denies — ' : 'supports — ') + 'origin: ', el('strong', {}, o.origin || '?'),
          echoes.length ? ' · ' + echoes.length + ' echo' + (echoes.length === 1 ? '' : 'es') : ''),
        first ? evidenceCard(first) : null,
        echoes.length ? el('ul', {class: 'echo'}, echoes.map((e) => el('li', {}, evidenceCard(e)))) : null);
    }))));
  setStatus(list.length + ' origins');
}

export async function pairPage(main, a, b) {
  const r = await api('/api/claims?name=' + q(a) + '&with=' + q(b));
  if (failed(main, r)) return;
  main.appendChild(el('h1', {}, a + ' and ' + b));
  main.appendChild(claimRows(r.claims || [], null));
}

export async function topPage(main) {
  const r = await api('/api/claims?limit=25');
  if (failed(main, r)) return;
  main.appendChild(el('h1', {}, 'Most discussed claims'));
  main.appendChild(claimRows(r.claims || [], null));
}

export async function articlePage(main, id) {
  const r = await api('/api/articles/' + q(id));
  if (failed(main, r)) return;
  const box = el('div', {});
  main.appendChild(box);
  renderAnalysis(box, r);
  setStatus((r.attributions || []).length + ' attributions');
}

export async function sourcesPage(main) {
  const r = await api('/api/sources');
  if (failed(main, r)) return;
  main.appendChild(el('h1', {}, 'Sources by outlet'));
  main.appendChild(el('table', {'data-testid': 'outlets'},
    el('thead', {}, el('tr', {}, ['outlet', 'statements', 'sourced', 'anonymous', 'anonymous share', 'top sources']
      .map((h) => el('th', {}, h)))),
    el('tbody', {}, (r.outlets || []).map((o) => el('tr', {},
      el('td', {}, o.outlet), el('td', {}, String(o.statements)), el('td', {}, String(o.sourced)),
      el('td', {}, String(o.anonymous)), el('td', {}, Math.round(100 * (o.anonymous_share || 0)) + '%'),
      el('td', {}, (o.sources || []).slice(0, 4).map((s) => s.text + ' (' + s.kind + ', ' + s.count + ')').join('; ')))))));
}
