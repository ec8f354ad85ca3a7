// A small hand-written SVG layout for an entity's claims: the entity in the
// middle, the other party of each claim on rings around it.  An edge's style
// shows the claim's summary (confirmed solid, reported long dashes, rumored
// short dashes, denied dots, contested dash-dot) and its width the number of
// independent origins.  Names are text nodes; nodes and edges are links.

const NS = 'http://www.w3.org/2000/svg';

export const EDGE_STYLE = {
  confirmed: {dash: '', color: '#1e7b34'},
  reported: {dash: '10 5', color: '#1f5fa8'},
  rumored: {dash: '5 5', color: '#a86400'},
  denied: {dash: '2 5', color: '#b00020'},
  contested: {dash: '10 4 2 4', color: '#6b4bb8'},
};

export function edgeWidth(claim) {
  const n = (claim.origins ? claim.origins.support + claim.origins.deny : 0) || 1;
  return Math.min(1 + 2 * n, 14);
}

function svg(tag, attrs, text) {
  const n = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

// Where each neighbour goes: rings of at most 12, evenly spread.
export function layout(count, w, h) {
  const pos = [];
  const cx = w / 2, cy = h / 2;
  const rings = Math.max(1, Math.ceil(count / 12));
  let placed = 0;
  for (let r = 0; r < rings; r++) {
    const n = Math.min(12, count - placed);
    const rad = Math.min(w, h) * (0.36 + 0.12 * r);
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n + (r % 2 ? Math.PI / n : 0);
      pos.push([cx + 2 * rad * Math.cos(a), cy + rad * Math.sin(a)]);
    }
    placed += n;
  }
  return pos;
}

// entity: {id, name}; claims: [{id, type, subject, object, summary, origins}]
export function entityGraph(entity, claims, hrefEntity, hrefClaim) {
  const w = 900, h = 460;
  const root = svg('svg', {class: 'graph', viewBox: `0 0 ${w} ${h}`, role: 'img', 'data-testid': 'graph'});
  root.appendChild(svg('title', {}, 'Claims about ' + entity.name));
  const others = new Map();
  for (const c of claims) {
    const o = c.subject.id === entity.id ? c.object : c.subject;
    if (!others.has(o.id)) others.set(o.id, {entity: o, claims: []});
    others.get(o.id).claims.push(c);
  }
  const pos = layout(others.size, w, h);
  const edges = svg('g', {class: 'edges'});
  const nodes = svg('g', {class: 'nodes'});
  const cx = w / 2, cy = h / 2;
  [...others.values()].forEach((o, i) => {
    const [x, y] = pos[i];
    o.claims.forEach((c, k) => {
      // several claims with one person: curves bent apart
      const bend = (k - (o.claims.length - 1) / 2) * 110;
      const mx = (cx + x) / 2, my = (cy + y) / 2;
      const len = Math.hypot(x - cx, y - cy) || 1;
      const qx = mx - ((y - cy) / len) * bend, qy = my + ((x - cx) / len) * bend;
      const st = EDGE_STYLE[c.summary] || EDGE_STYLE.reported;
      const a = svg('a', {href: hrefClaim(c), class: 'edge', 'data-claim': c.id, 'data-summary': c.summary});
      a.appendChild(svg('path', {d: `M${cx},${cy} Q${qx},${qy} ${x},${y}`, fill: 'none', stroke: st.color,
        'stroke-width': edgeWidth(c), 'stroke-dasharray': st.dash, 'stroke-linecap': 'round'}));
      const n = c.origins ? c.origins.support + c.origins.deny : 0;
      // the label at the curve's middle point (a quadratic Bézier at t = 1/2)
      a.appendChild(svg('text', {x: (mx + qx) / 2, y: (my + qy) / 2 - 4, 'text-anchor': 'middle', class: 'label'},
        c.type + ' · ' + c.summary + ' · ' + n + (n === 1 ? ' origin' : ' origins')));
      edges.appendChild(a);
    });
    const a = svg('a', {href: hrefEntity(o.entity), class: 'node', 'data-entity': o.entity.id});
    a.appendChild(svg('circle', {cx: x, cy: y, r: 9}));
    a.appendChild(svg('text', {x, y: y + 24, 'text-anchor': 'middle'}, o.entity.name));
    nodes.appendChild(a);
  });
  const c = svg('g', {class: 'node center'});
  c.appendChild(svg('circle', {cx, cy, r: 13}));
  c.appendChild(svg('text', {x: cx, y: cy + 30, 'text-anchor': 'middle', 'font-weight': 700}, entity.name));
  nodes.appendChild(c);
  root.appendChild(edges);
  root.appendChild(nodes);
  return root;
}

// A key to the edge styles: a short line of each.
export function edgeKey() {
  const names = Object.keys(EDGE_STYLE);
  const root = svg('svg', {class: 'edge-key', viewBox: `0 0 ${names.length * 130} 22`, role: 'img'});
  names.forEach((k, i) => {
    const st = EDGE_STYLE[k];
    root.appendChild(svg('line', {x1: i * 130 + 4, y1: 11, x2: i * 130 + 44, y2: 11, stroke: st.color, 'stroke-width': 3,
      'stroke-dasharray': st.dash}));
    root.appendChild(svg('text', {x: i * 130 + 50, y: 15}, k));
  });
  return root;
}

// The claim's origins on a time axis: one row per origin, its first item a
// filled dot, its echoes hollow dots joined to it (the tree, laid on dates).
export function originTimeline(origins) {
  const items = origins.flatMap((o) => (o.evidence || []).map((e) => e.date).filter(Boolean));
  const w = 900, row = 34, left = 190, right = 30;
  const h = origins.length * row + 34;
  const root = svg('svg', {class: 'timeline', viewBox: `0 0 ${w} ${h}`, role: 'img', 'data-testid': 'timeline-svg'});
  if (!items.length) return root;
  const day = (d) => Date.parse(d.length === 4 ? d + '-01-01' : d.length === 7 ? d + '-01' : d) / 864e5;
  const t0 = Math.min(...items.map(day)), t1 = Math.max(...items.map(day));
  const x = (d) => left + (t1 > t0 ? ((day(d) - t0) / (t1 - t0)) * (w - left - right) : (w - left - right) / 2);
  origins.forEach((o, i) => {
    const y = 20 + i * row;
    const [first, ...echoes] = (o.evidence || []).filter((e) => e.date);
    const colour = o.stance === 'deny' ? '#b00020' : '#1f5fa8';
    root.appendChild(svg('text', {x: 4, y: y + 4, class: 'label'}, (o.stance === 'deny' ? '✗ ' : '✓ ') + (o.origin || '?')));
    root.appendChild(svg('line', {x1: left, y1: y, x2: w - right, y2: y, stroke: '#e2e2dc'}));
    if (!first) return;
    echoes.forEach((e, k) => {
      const ey = y + (k % 2 ? 6 : -6);
      root.appendChild(svg('path', {d: `M${x(first.date)},${y} L${x(e.date)},${ey}`, stroke: colour, fill: 'none',
        'stroke-dasharray': '3 3'}));
      root.appendChild(svg('circle', {cx: x(e.date), cy: ey, r: 5, fill: '#fff', stroke: colour, 'stroke-width': 2,
        class: 'echo-dot'}));
    });
    root.appendChild(svg('circle', {cx: x(first.date), cy: y, r: 7, fill: colour, class: 'origin-dot'}));
  });
  const days = [...new Set(items)].sort();
  root.appendChild(svg('text', {x: x(days[0]), y: h - 4, 'text-anchor': 'start', class: 'label'}, days[0]));
  if (days.length > 1) {
    root.appendChild(svg('text', {x: x(days[days.length - 1]), y: h - 4, 'text-anchor': 'end', class: 'label'},
      days[days.length - 1]));
  }
  return root;
}
