// hearsay's web UI: hash routes to pages. No build step, no framework.
import {clear, el, api, setStatus} from './dom.js';
import {analyzePage} from './analysis.js';
import {searchPage, entityPage, claimPage, pairPage, topPage, articlePage, sourcesPage} from './ledger.js';

const health = api('/api/health');

async function homePage(main) {
  const h = await health;
  const hasStore = h && h.store;
  main.appendChild(el('section', {class: 'intro'},
    el('h1', {}, 'Who said what, about whom, to which outlet'),
    el('p', {}, 'hearsay reads news articles and records every claim with its source, the outlet it was told to, ' +
      'how sure it is, and who confirms or denies it.')));
  if (hasStore) await searchPage(main, '');
  else {
    main.appendChild(el('p', {class: 'note', 'data-testid': 'no-store'},
      'This server has no store (start it with --db FILE to search the ledger). ',
      el('a', {href: '#/analyze'}, 'Paste an article'), ' to see its analysis.'));
  }
  await analyzePage(main, {compact: true});
}

const routes = [
  {re: /^\/?$/, page: homePage},
  {re: /^\/analyze$/, page: (main) => analyzePage(main, {})},
  {re: /^\/search\/?(.*)$/, page: searchPage},
  {re: /^\/entity\/([^/]+)$/, page: entityPage},
  {re: /^\/claim\/([^/]+)$/, page: claimPage},
  {re: /^\/pair\/([^/]+)\/([^/]+)$/, page: pairPage},
  {re: /^\/top$/, page: topPage},
  {re: /^\/article\/([^/]+)$/, page: articlePage},
  {re: /^\/sources$/, page: sourcesPage},
];

async function render() {
  const main = document.getElementById('main');
  clear(main);
  setStatus('');
  const path = location.hash.replace(/^#/, '') || '/';
  const decode = (x) => {
    try { return decodeURIComponent(x); } catch (e) { return x; }
  };
  for (const r of routes) {
    const m = path.match(r.re);
    if (m) {
      try {
        await r.page(main, ...m.slice(1).map(decode));
      } catch (e) {
        setStatus('error: ' + e.message, true);
      }
      return;
    }
  }
  main.appendChild(el('p', {class: 'note'}, 'No such page: ', decode(path)));
}

// A module runs once the document is parsed: render now, and on every hash change.
window.addEventListener('hashchange', render);
render();
