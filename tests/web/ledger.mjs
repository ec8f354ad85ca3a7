// Browser checks of the ledger pages, against a server started with --db on
// a store loaded from tests/store/ledger.jsonl: search a name, open the
// entity, open its strongest claim, check that the evidence and the origin
// counts on screen are the API's, open an article.  Screenshots of each page.

async function json(page, url) {
  return (await page.request.get(url)).json();
}

export async function ledgerChecks(page, base, check, shots) {
  // search a name from the home page
  await page.goto(base + '#/');
  await page.waitForSelector('[data-testid=search]');
  await page.fill('[data-testid=search]', 'Quell');
  await page.press('[data-testid=search]', 'Enter');
  await page.waitForSelector('[data-testid=entities] a');
  const found = await page.$$eval('[data-testid=entities] a', (ns) => ns.map((n) => n.textContent));
  check('search "Quell" finds Mara Quell', found.includes('Mara Quell'), JSON.stringify(found));
  await page.screenshot({path: shots + '/search.png', fullPage: true});

  // the entity page: the graph and the table show the API's claims
  await page.click('[data-testid=entities] a:text-is("Mara Quell")');
  await page.waitForSelector('[data-testid=entity-name]');
  check('entity page opens', (await page.textContent('[data-testid=entity-name]')) === 'Mara Quell');
  const who = await json(page, base + 'api/entity?name=' + encodeURIComponent('Mara Quell'));
  const edges = await page.$$eval('svg.graph a.edge', (ns) => ns.map((n) => ({
    id: Number(n.dataset.claim), summary: n.dataset.summary,
    width: Number(n.querySelector('path').getAttribute('stroke-width'))})));
  check('one graph edge per claim', edges.length === who.claims.length && who.claims.length > 0,
    edges.length + ' edges, ' + who.claims.length + ' claims');
  let edgesOk = true;
  for (const c of who.claims) {
    const e = edges.find((x) => x.id === c.id);
    const n = c.origins.support + c.origins.deny;
    if (!e || e.summary !== c.summary || e.width !== Math.min(1 + 2 * Math.max(n, 1), 14)) edgesOk = false;
  }
  check('edge style is the summary, width the independent origins', edgesOk, JSON.stringify(edges));
  const rows = await page.$$eval('[data-testid=claims] [data-testid=origins]', (ns) => ns.map((n) =>
    [Number(n.dataset.support), Number(n.dataset.deny)]));
  check('claim table origin counts are the API\'s',
    JSON.stringify(rows) === JSON.stringify(who.claims.map((c) => [c.origins.support, c.origins.deny])), JSON.stringify(rows));
  await page.screenshot({path: shots + '/entity.png', fullPage: true});

  // the strongest claim: origins, echoes and evidence as in the trace
  const top = who.claims[0];
  await page.click(`[data-testid=claims] tr[data-claim="${top.id}"] a[href^="#/claim/"]`);
  await page.waitForSelector('[data-testid=claim-origins]');
  const trace = await json(page, base + 'api/claims/' + top.id);
  const shown = await page.$eval('[data-testid=claim-origins]', (n) => [Number(n.dataset.support), Number(n.dataset.deny)]);
  check('claim page origin counts are the API\'s',
    shown[0] === trace.claim.origins.support && shown[1] === trace.claim.origins.deny, JSON.stringify(shown));
  const nOrigins = (await page.$$('[data-testid=origin]')).length;
  check('one tree per origin', nOrigins === trace.origins.length, nOrigins + ' vs ' + trace.origins.length);
  const allEv = trace.origins.flatMap((o) => o.evidence);
  const cards = await page.$$eval('[data-testid=evidence]', (ns) => ns.map((n) => ({
    echo: n.dataset.echo === '1', kind: (n.querySelector('[data-testid=source-kind]') || {}).textContent || null,
    outlet: n.querySelector('a').textContent, hedged: !!n.querySelector('[data-testid=hedged]')})));
  check('every piece of evidence shown', cards.length === allEv.length, cards.length + ' vs ' + allEv.length);
  const echoes = trace.origins.reduce((k, o) => k + o.evidence.length - 1, 0);
  check('echoes nested under their origin', (await page.$$('ul.echo [data-testid=evidence]')).length === echoes);
  const sorted = trace.origins.slice().sort((a, b) => String(a.first || '~').localeCompare(String(b.first || '~')))
    .flatMap((o) => o.evidence);
  check('evidence shows outlet, source kind and hedges', cards.every((c, i) => c.outlet === (sorted[i].outlet || sorted[i].article) &&
    c.kind === (sorted[i].source ? sorted[i].source.kind : null) && c.hedged === !!sorted[i].hedged), JSON.stringify(cards));
  check('timeline: a dot per origin and per echo',
    (await page.$$('svg.timeline .origin-dot')).length === trace.origins.length &&
    (await page.$$('svg.timeline .echo-dot')).length === echoes);
  await page.screenshot({path: shots + '/claim.png', fullPage: true});

  // an article of the claim, with its layers
  const artId = allEv[0].article;
  await page.click(`[data-testid=evidence] a[href="#/article/${artId}"]`);
  await page.waitForSelector('[data-testid=article-text]');
  const art = await json(page, base + 'api/articles/' + encodeURIComponent(artId));
  const marked = await page.$$eval('[data-attr]', (ns) => [...new Set(ns.map((n) => n.dataset.attr))]);
  const locatable = art.attributions.filter((a) => a.content.end > a.content.start).map((a) => a.id);
  check('article page highlights its stored quotations', locatable.length > 0 &&
    JSON.stringify(marked.sort()) === JSON.stringify(locatable.sort()), JSON.stringify(marked) + ' vs ' + JSON.stringify(locatable));
  await page.screenshot({path: shots + '/article.png', fullPage: true});

  // sources per outlet
  await page.goto(base + '#/sources');
  await page.waitForSelector('[data-testid=outlets]');
  const outlets = await json(page, base + 'api/sources');
  check('sources page lists each outlet', (await page.$$('[data-testid=outlets] tbody tr')).length === outlets.outlets.length);

  // an unknown entity is a message, not a blank page
  await page.goto(base + '#/entity/' + encodeURIComponent('Nobody Atall'));
  await page.waitForSelector('[data-testid=error]');
  check('unknown entity: the API\'s message', /no entity named/.test(await page.textContent('[data-testid=error]')));
}
