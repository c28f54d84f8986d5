import { el, fill, field, localInput, painted, STATE_COLOURS, when } from './dom.js';
import { districtMap } from './map.js';
import { Player } from './player.js';
import { FollowPanel } from './follow.js';
import { CasePanel } from './casepanel.js';
import { AreaTools } from './areas.js';

// The investigator's page: every camera in the caller's scope on the map, coloured by health or by
// whether footage exists around the chosen moment; pick a camera and a moment to play it; follow
// from a sighting, build a case, draw an area or a corridor.

const FOOTAGE_WINDOW_MINUTES = 5;

export async function render(ctx, view, [preselect]) {
  performance.mark('wardnet:investigate-start');
  const can = p => ctx.session.can(p);
  const mapBox = el('div.map#map', { 'aria-label': 'District map: arrow keys pan, + and - zoom' });
  const moment = el('input', { type: 'datetime-local', name: 'moment', step: 1,
    value: localInput(new Date(Date.now() - 90 * 60000)) });
  const colourBy = el('select', { name: 'colourBy' }, el('option', { value: 'health' }, 'Health now'),
    can('FOOTAGE') ? el('option', { value: 'footage' }, 'Footage at the moment') : null);
  const find = el('input', { name: 'find', placeholder: 'camera id', autocomplete: 'off' });
  const findForm = el('form.inline-form', { 'aria-label': 'Find a camera' }, field('Find camera', find),
    el('button', { type: 'submit' }, 'Find'));
  const legend = el('p.legend', Object.entries(STATE_COLOURS)
    .map(([s, c]) => el('span.key', { dataset: { state: s } }, s.toLowerCase())));
  const selected = el('div.selected', el('p.muted', 'Click a camera on the map, or find it by id.'));
  const side = el('aside.side', { 'aria-label': 'Investigation' },
    el('section.panel', el('h2', 'Moment'), field('Moment (local time)', moment), field('Colour cameras by', colourBy),
      legend, el('p.muted.summary-line')),
    el('section.panel', el('h2', 'Camera'), findForm, selected));
  fill(view, el('section.investigate', el('h1.visually-hidden', 'Investigate'), mapBox, side));

  const [cameras, streets] = await Promise.all([
    ctx.api.get('/api/v1/map/cameras'),
    ctx.api.get('/api/v1/track/streets?geometry=true').then(s => s.segments || []).catch(() => []),
  ]);
  const index = new Map(cameras.ids.map((id, i) => [id, i]));
  const { map, layer } = districtMap(mapBox, cameras, streets);
  const page = { ctx, map, layer, cameras, index, moment: () => new Date(moment.value), select, refreshColours };
  const summaryLine = side.querySelector('.summary-line');

  let states = {};
  let footage = null;
  async function refreshColours() {
    if (colourBy.value === 'footage') {
      const at = new Date(moment.value);
      footage = await coverage(ctx, at);
      for (let i = 0; i < cameras.count; i++) {
        layer.colour(i, footage.has(cameras.ids[i]) ? STATE_COLOURS.ONLINE : '#adb5bd');
      }
      summaryLine.textContent = footage.size + ' of ' + cameras.count + ' cameras have footage within '
        + FOOTAGE_WINDOW_MINUTES + ' min of ' + when(at.toISOString()) + '.';
      legend.hidden = true;
    } else {
      if (can('HEALTH_READ')) states = (await ctx.api.get('/api/v1/health/states').catch(() => ({ states: {} }))).states;
      for (let i = 0; i < cameras.count; i++) {
        layer.colour(i, STATE_COLOURS[states[cameras.ids[i]] || 'UNKNOWN']);
      }
      const offline = Object.values(states).filter(s => s === 'OFFLINE').length;
      summaryLine.textContent = cameras.count + ' cameras on the map, ' + offline + ' offline.';
      legend.hidden = false;
    }
    layer.redraw();
    mapBox.dataset.cameras = String(cameras.count);
    mapBox.dataset.colouredBy = colourBy.value;
  }

  const player = can('FOOTAGE') ? new Player(ctx) : null;
  const cases = can('INVESTIGATE') ? new CasePanel(page) : null;
  const follow = can('INVESTIGATE') ? new FollowPanel(page, player, cases) : null;
  const areas = can('FOOTAGE') ? new AreaTools(page) : null;
  if (follow) side.append(follow.element);
  if (cases) side.append(cases.element);
  if (areas) side.append(areas.element);

  let current = -1;
  function select(i, options = {}) {
    if (current >= 0) layer.ring(current, null);
    current = i;
    layer.ring(i, '#1d3557');
    layer.redraw();
    const id = cameras.ids[i];
    if (options.pan) map.setView([cameras.lat[i], cameras.lon[i]], Math.max(map.getZoom(), 16), { animate: false });
    const play = player ? el('button.play', { type: 'button' }, 'Play at the moment') : null;
    fill(selected, el('dl.facts', el('dt', 'Camera'), el('dd', el('code', id)), el('dt', 'Name'), el('dd', cameras.names[i]),
      el('dt', 'Site'), el('dd', cameras.siteIds[i]), states[id] ? [el('dt', 'Health'), el('dd', states[id])] : null),
    play, player ? player.element : null,
    can('HEALTH_READ') ? el('p', el('a', { href: '#/camera/' + encodeURIComponent(id) }, 'Health and details')) : null);
    selected.dataset.camera = id;
    if (play) {
      play.addEventListener('click', () => {
        performance.mark('wardnet:play-click');
        player.show(id, new Date(moment.value)).catch(e => player.say('failed', e.message));
      });
    }
    if (follow) follow.cameraChosen(id);
    if (cases) cases.cameraChosen(id);
  }

  map.on('click', event => {
    if (areas && areas.drawing()) {
      areas.addPoint(event.latlng);
      return;
    }
    const i = layer.hit(event.containerPoint);
    if (i >= 0) select(i);
  });

  findForm.addEventListener('submit', event => {
    event.preventDefault();
    const wanted = find.value.trim();
    const i = index.has(wanted) ? index.get(wanted) : cameras.ids.findIndex(id => id.startsWith(wanted));
    const error = document.getElementById(find.id + '-error');
    if (!wanted || i < 0) {
      error.textContent = 'no camera "' + wanted + '" on your map';
      find.setAttribute('aria-invalid', 'true');
      return;
    }
    error.textContent = '';
    find.removeAttribute('aria-invalid');
    select(i, { pan: true });
  });

  colourBy.addEventListener('change', () => refreshColours());
  moment.addEventListener('change', () => { if (colourBy.value === 'footage') refreshColours(); });

  await refreshColours();
  await painted();
  performance.mark('wardnet:map-ready');
  if (performance.getEntriesByName('wardnet:login-submitted').length) {
    performance.measure('wardnet:login-to-map', 'wardnet:login-submitted', 'wardnet:map-ready');
  }
  mapBox.dataset.ready = 'true';
  if (preselect && index.has(preselect)) select(index.get(preselect), { pan: true });
  return () => map.remove();
}

/** The ids of the cameras with footage within a few minutes of at, over the caller's scope. */
async function coverage(ctx, at) {
  const from = new Date(at.getTime() - FOOTAGE_WINDOW_MINUTES * 60000).toISOString();
  const to = new Date(at.getTime() + FOOTAGE_WINDOW_MINUTES * 60000).toISOString();
  const roots = ctx.session.sitesFor('FOOTAGE');
  const sites = roots.includes('*') ? [(await ctx.api.get('/api/v1/sites?tier=CENTER&limit=1')).items[0]?.id]
    : roots;
  const ids = new Set();
  for (const site of sites.filter(Boolean)) {
    const answer = await ctx.api.get('/api/v1/coverage?site=' + encodeURIComponent(site) + '&from='
      + encodeURIComponent(from) + '&to=' + encodeURIComponent(to));
    for (const c of answer.cameras) ids.add(c.id);
  }
  return ids;
}
