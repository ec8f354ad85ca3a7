// DOM helpers. Every string from the server or from an article becomes a text
// node (textContent / createTextNode): nothing is ever parsed as HTML.

// el('a', {href: '#/x', class: 'c', 'data-id': 3}, 'text', childNode, ...)
export function el(tag, attrs, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') n.className = v;
    else if (k.startsWith('on') && typeof v === 'function') n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    n.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  return n;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// A link inside the app (hash routing); parts are encoded one by one.
export function link(text, ...parts) {
  return el('a', {href: '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/')}, text);
}

export function setStatus(text, isError) {
  const s = document.getElementById('status');
  if (!s) return;
  s.textContent = text || '';
  s.className = 'status' + (isError ? ' error' : '');
}

// fetch JSON; errors (HTTP or network) come back as {error: {status, message}}.
export async function api(path, options) {
  let r;
  try {
    r = await fetch(path, options);
  } catch (e) {
    return {error: {status: 0, message: 'the server does not answer: ' + e.message}};
  }
  let body;
  try {
    body = await r.json();
  } catch (e) {
    return {error: {status: r.status, message: 'the answer is not JSON (HTTP ' + r.status + ')'}};
  }
  if (!r.ok && !body.error) body = {error: {status: r.status, message: 'HTTP ' + r.status}};
  return body;
}
