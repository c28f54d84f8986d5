import { el, fill, when, ago, STATE_COLOURS } from './dom.js';
import { streamEvents } from './events.js';

// Ops: the tier tree (center, substations, rooms) with health counts rolled up per node, a room's
// cameras, a filter by state, and the live alarms. Counts are read again a moment after an event
// arrives, so the tree follows the district without reloading.

// STALE: a child node's camera while that node is out of reach (its last report is on the camera's page)
const STATES = ['OFFLINE', 'DEGRADED', 'ONLINE', 'UNKNOWN', 'STALE'];
const ALARMS_KEPT = 200;
const SHORT = { OFFLINE: 'off', DEGRADED: 'deg', ONLINE: 'on', UNKNOWN: '?', STALE: 'stale' };

export async function render(ctx, view) {
  const filter = el('select', { id: 'state-filter', name: 'state' },
    el('option', { value: '' }, 'All states'), STATES.map(s => el('option', { value: s }, s)));
  const tree = el('ul.tree', { role: 'tree', 'aria-label': 'Sites by tier' });
  const alarms = el('ol.alarms', { 'aria-live': 'polite', 'aria-label': 'Live alarms' });
  const link = el('span.link-state', 'connecting…');
  const totals = el('div.totals');
  fill(view, el('section.ops',
    el('div.page-head', el('h1', 'District health'), totals,
      el('div.field.inline', el('label', { for: 'state-filter' }, 'Show'), filter)),
    el('div.columns',
      el('div.panel', el('h2', 'Sites'), tree),
      el('div.panel.alarm-panel', el('h2', 'Alarms ', link),
        el('p.hint', 'Rooms unreachable, cameras offline or degraded, and recoveries, as they happen.'), alarms))));

  const nodes = new Map();
  const state = { filter: '' };

  async function loadRoot() {
    const summary = await ctx.api.get('/api/v1/health/summary');
    fill(totals, counts(summary.counts, summary.cameras));
    if (!summary.site) {
      fill(tree, el('li', 'No sites are registered yet.'));
      return;
    }
    const root = node({ site: summary.site, name: summary.name || summary.site, tier: summary.tier, cameras: summary.cameras,
      counts: summary.counts, unreachable: summary.unreachable }, 1);
    fill(tree, root.item);
    await expand(root, summary);
  }

  function node(line, level) {
    const toggle = el('button.toggle', { type: 'button', 'aria-expanded': 'false',
      'aria-label': 'Expand ' + (line.name || line.site) });
    const label = el('span.node-label', el('span.tier', tierLabel(line.tier)), ' ', line.name || line.site,
      line.unreachable ? el('span.badge.unreachable', 'UNREACHABLE') : null);
    const badges = el('span.node-counts', counts(line.counts, line.cameras));
    const children = el('ul', { role: 'group', hidden: true });
    const item = el('li', { role: 'treeitem', 'aria-level': level, 'aria-expanded': 'false',
      dataset: { site: line.site, tier: line.tier } }, el('div.node-row', toggle, label, badges), children);
    const entry = { line, item, children, toggle, badges, level, loaded: false };
    nodes.set(line.site, entry);
    toggle.addEventListener('click', () => (item.getAttribute('aria-expanded') === 'true'
      ? collapse(entry) : expand(entry)));
    applyFilter(entry);
    return entry;
  }

  async function expand(entry, summary) {
    entry.item.setAttribute('aria-expanded', 'true');
    entry.toggle.setAttribute('aria-expanded', 'true');
    entry.toggle.setAttribute('aria-label', 'Collapse ' + (entry.line.name || entry.line.site));
    entry.children.hidden = false;
    if (entry.loaded) return;
    entry.loaded = true;
    const answer = summary || await ctx.api.get('/api/v1/health/summary?site=' + encodeURIComponent(entry.line.site));
    if (answer.children.length) {
      fill(entry.children, answer.children.map(child => node(child, entry.level + 1).item));
    } else {
      await listCameras(entry);
    }
  }

  function collapse(entry) {
    entry.item.setAttribute('aria-expanded', 'false');
    entry.toggle.setAttribute('aria-expanded', 'false');
    entry.toggle.setAttribute('aria-label', 'Expand ' + (entry.line.name || entry.line.site));
    entry.children.hidden = true;
  }

  async function listCameras(entry) {
    const answer = await ctx.api.get('/api/v1/health/states?site=' + encodeURIComponent(entry.line.site));
    const names = ctx.session.can('REGISTRY_READ') ? await cameraNames(entry.line.site) : {};
    const rows = Object.entries(answer.states).map(([id, s]) =>
      el('li.camera-row', { dataset: { state: s, camera: id } },
        stateBadge(s), ' ', el('a', { href: '#/camera/' + encodeURIComponent(id) }, id),
        names[id] ? el('span.muted', ' ' + names[id]) : null));
    fill(entry.children, rows.length ? rows : el('li.muted', 'No cameras in this room.'));
    entry.cameraRows = rows;
    applyFilter(entry);
  }

  async function cameraNames(site) {
    const page = await ctx.api.get('/api/v1/cameras?limit=1000&site=' + encodeURIComponent(site));
    return Object.fromEntries(page.items.map(c => [c.id, c.name]));
  }

  function applyFilter(entry) {
    const wanted = state.filter;
    if (entry.cameraRows) {
      for (const row of entry.cameraRows) row.hidden = !!wanted && row.dataset.state !== wanted;
    }
    if (entry.level > 1) {
      entry.item.hidden = !!wanted && !((entry.line.counts || {})[wanted] > 0);
    }
  }

  filter.addEventListener('change', () => {
    state.filter = filter.value;
    nodes.forEach(applyFilter);
  });

  let refresh = null;
  function refreshSoon() {
    clearTimeout(refresh);
    refresh = setTimeout(refreshCounts, 1500);
  }

  async function refreshCounts() {
    const expanded = [...nodes.values()].filter(n => n.loaded);
    for (const entry of expanded) {
      const answer = await ctx.api.get('/api/v1/health/summary?site=' + encodeURIComponent(entry.line.site))
        .catch(() => null);
      if (!answer) continue;
      if (entry.level === 1) fill(totals, counts(answer.counts, answer.cameras));
      update(entry, answer);
      for (const child of answer.children) {
        const known = nodes.get(child.site);
        if (known) update(known, child);
      }
      if (entry.cameraRows) await listCameras(entry);
    }
  }

  function update(entry, line) {
    entry.line = { ...entry.line, counts: line.counts, cameras: line.cameras, unreachable: line.unreachable };
    fill(entry.badges, counts(line.counts, line.cameras));
    entry.item.querySelector('.node-label .unreachable')?.remove();
    if (line.unreachable) entry.item.querySelector('.node-label').append(el('span.badge.unreachable', 'UNREACHABLE'));
    applyFilter(entry);
  }

  function onEvent(kind, event) {
    const subject = event.subject === 'SITE' ? 'Room ' + event.id : 'Camera ' + event.id;
    const item = el('li.alarm', { dataset: { to: event.to, alarm: String(event.alarm) } },
      el('time', { datetime: event.at, title: when(event.at) }, new Date(event.at).toLocaleTimeString('en-GB')),
      ' ', stateBadge(event.to), ' ',
      event.subject === 'CAMERA' ? el('a', { href: '#/camera/' + encodeURIComponent(event.id) }, subject) : subject,
      el('span.muted', ' ' + event.from + ' → ' + event.to + (event.reason ? ': ' + event.reason : '')
        + (event.groupedBy ? ' (room ' + event.groupedBy + ' unreachable)' : '')));
    alarms.prepend(item);
    while (alarms.children.length > ALARMS_KEPT) alarms.lastChild.remove();
    refreshSoon();
  }

  await loadRoot();
  const stop = streamEvents(ctx.api, '/api/v1/events', onEvent, (s, error) => {
    link.textContent = s === 'open' ? 'live' : s === 'refused' ? 'not allowed: ' + error.message : 'reconnecting…';
    link.dataset.state = s;
  });
  const clock = setInterval(() => {
    for (const time of alarms.querySelectorAll('time')) time.title = when(time.dateTime) + ' (' + ago(time.dateTime) + ')';
  }, 30000);
  return () => {
    stop();
    clearInterval(clock);
    clearTimeout(refresh);
  };
}

function tierLabel(tier) {
  return { CENTER: 'Center', SUBSTATION: 'Substation', ROOM: 'Room' }[tier] || tier || '';
}

export function stateBadge(state) {
  return el('span.badge', { dataset: { state }, title: state }, state);
}

function counts(byState, total) {
  const out = [el('span.count.total', { title: 'cameras' }, String(total ?? 0))];
  for (const s of STATES) {
    const n = (byState || {})[s] || 0;
    if (n > 0) out.push(el('span.count', { dataset: { state: s }, title: s }, SHORT[s] + ' ' + n));
  }
  return out;
}

export { STATE_COLOURS };
