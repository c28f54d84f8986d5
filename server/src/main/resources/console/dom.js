// Small helpers to build the page from nodes, never from HTML strings (the policy forbids inline styles and
// scripts, and building nodes keeps text out of markup, so names from cameras cannot inject).

/** Makes an element: el('div.cls#id', {attrs, on: {click}}, children...). */
export function el(spec, attrs, ...children) {
  const match = /^([a-z0-9]+)?((?:[.#][\w-]+)*)$/i.exec(spec);
  const node = document.createElement(match && match[1] ? match[1] : 'div');
  for (const part of (match ? match[2] : '').match(/[.#][\w-]+/g) || []) {
    if (part[0] === '.') node.classList.add(part.slice(1));
    else node.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key in node && typeof value !== 'string') {
      node[key] = value;
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of node. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A labelled input: label text, then the control, then a slot for the field's problem. */
export function field(label, control, hint) {
  const id = control.id || 'f-' + Math.random().toString(36).slice(2, 9);
  control.id = id;
  const error = el('span.field-error', { id: id + '-error', role: 'alert' });
  control.setAttribute('aria-describedby', id + '-error');
  return el('div.field', el('label', { for: id }, label), control, hint ? el('small.hint', hint) : null, error);
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' });
}

export function ago(iso) {
  if (!iso) return '';
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (seconds < 90) return seconds + ' s ago';
  if (seconds < 5400) return Math.round(seconds / 60) + ' min ago';
  if (seconds < 172800) return Math.round(seconds / 3600) + ' h ago';
  return Math.round(seconds / 86400) + ' d ago';
}

/** A value for a datetime-local input, in local time, to the second. */
export function localInput(date) {
  const d = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 19);
}

/** The ISO instant of a datetime-local input's value (taken as local time). */
export function fromLocalInput(value) {
  return value ? new Date(value).toISOString() : null;
}

/** Announces a short message to everyone (screen readers included). */
export function announce(text) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.add('shown');
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => status.classList.remove('shown'), 5000);
}

export const STATE_COLOURS = {
  ONLINE: '#2a9d8f', DEGRADED: '#e9c46a', OFFLINE: '#e63946', UNKNOWN: '#8d99ae', STALE: '#6c757d',
};

/** Resolves once the browser has painted what was changed before the call (two animation frames). */
export function painted() {
  return new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}
