import { el, fill, field, when, announce } from './dom.js';
import { L } from './map.js';

// The case being built: its route on the map (legs the planner finds impossible, TOO_FAST or
// TIME_BACKWARDS, drawn dashed red and flagged in the list), confirm, and the evidence export.
// The open case's id is kept for this tab, so leaving the page does not lose it.

const KEY = 'wardnet.case';

export class CasePanel {
  constructor(page) {
    this.page = page;
    this.overlay = L.layerGroup().addTo(page.map);
    this.title = el('input', { name: 'title', maxlength: 200, placeholder: 'what is being followed' });
    this.mode = el('select', { name: 'mode' }, ['WALK', 'BIKE', 'CAR'].map(m => el('option', { value: m }, m.toLowerCase())));
    this.addHere = el('button', { type: 'button', disabled: true }, 'Seen here: add this camera at the moment');
    this.body = el('div.case-body');
    this.element = el('section.panel.case', el('h2', 'Case'),
      el('div.row', field('Title', this.title), field('Mode', this.mode)), this.addHere, this.body);
    this.addHere.addEventListener('click', async () => {
      this.addHere.disabled = true;
      try {
        await this.addSighting(this.cameraId, page.moment(), null);
      } catch (e) {
        announce(e.message);
        this.body.prepend(el('p.form-error', e.message));
      } finally {
        this.addHere.disabled = false;
      }
    });
    this.id = sessionStorage.getItem(KEY);
    if (this.id) this.load().catch(() => this.forget());
  }

  cameraChosen(id) {
    this.cameraId = id;
    this.addHere.disabled = false;
  }

  forget() {
    this.id = null;
    sessionStorage.removeItem(KEY);
    fill(this.body);
    this.overlay.clearLayers();
  }

  async ensureCase(cameraId) {
    if (this.id) return this.id;
    const title = this.title.value.trim() || 'Followed from ' + cameraId + ' on ' + new Date().toLocaleDateString('en-GB');
    const made = await this.page.ctx.api.post('/api/v1/cases', { title, mode: this.mode.value });
    this.id = made.id;
    sessionStorage.setItem(KEY, this.id);
    return this.id;
  }

  /** Adds a sighting to the case (making the case first if there is none) and shows the route. */
  async addSighting(cameraId, time, clipId) {
    const id = await this.ensureCase(cameraId);
    const body = { cameraId, time: time.toISOString() };
    if (clipId) body.clipId = clipId;
    await this.page.ctx.api.post('/api/v1/cases/' + encodeURIComponent(id) + '/sightings', body);
    await this.load();
    announce('Sighting at ' + cameraId + ' added to the case.');
  }

  async load() {
    const c = await this.page.ctx.api.get('/api/v1/cases/' + encodeURIComponent(this.id));
    this.show(c);
  }

  show(c) {
    this.title.value = c.title;
    this.mode.value = c.mode;
    const bySeq = new Map(c.route.map(r => [r.seq, r]));
    const legs = c.legs.map(leg => el('li.leg', { dataset: { flags: leg.flags.join(' ') } },
      bySeq.get(leg.from)?.cameraId + ' → ' + bySeq.get(leg.to)?.cameraId + ': ',
      leg.distanceMeters != null ? Math.round(leg.distanceMeters) + ' m in ' : '', Math.round(leg.seconds) + ' s',
      leg.speedMetersPerSecond != null ? ' (' + leg.speedMetersPerSecond.toFixed(1) + ' m/s)' : '',
      leg.flags.map(f => el('span.badge.flag', { dataset: { flag: f } }, f))));
    const confirm = el('button', { type: 'button', disabled: c.state === 'CONFIRMED' || c.route.length < 2 },
      c.state === 'CONFIRMED' ? 'Confirmed' : 'Confirm the route');
    const exportButton = el('button', { type: 'button' }, 'Export evidence (ZIP)');
    const close = el('button.secondary', { type: 'button' }, 'Start another case');
    fill(this.body,
      el('p', el('strong', c.title), ' ', el('span.badge', { dataset: { caseState: c.state } }, c.state),
        el('span.muted', ' ' + c.id)),
      el('ol.route', { 'aria-label': 'Route' }, c.route.map(r => el('li', { dataset: { camera: r.cameraId } },
        el('code', r.cameraId), ' at ', when(r.time), r.clipId ? el('span.muted', ' clip ' + r.clipId) : null))),
      legs.length ? el('ul.legs', { 'aria-label': 'Legs' }, legs) : null,
      c.impossibleLegs ? el('p.form-error', c.impossibleLegs + ' leg(s) look impossible: check the times and cameras.')
        : null,
      el('div.actions', confirm, exportButton, close));
    this.body.dataset.caseId = c.id;
    this.body.dataset.state = c.state;
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        this.show(await this.page.ctx.api.post('/api/v1/cases/' + encodeURIComponent(c.id) + '/confirm'));
        announce('Case confirmed.');
      } catch (e) {
        confirm.disabled = false;
        this.body.append(el('p.form-error', e.message));
      }
    });
    exportButton.addEventListener('click', async () => {
      exportButton.disabled = true;
      try {
        await this.page.ctx.api.download('/api/v1/cases/' + encodeURIComponent(c.id) + '/export', 'case-' + c.id + '.zip');
        announce('Evidence bundle downloaded.');
      } catch (e) {
        this.body.append(el('p.form-error', e.message));
      } finally {
        exportButton.disabled = false;
      }
    });
    close.addEventListener('click', () => this.forget());
    this.drawRoute(c);
  }

  drawRoute(c) {
    this.overlay.clearLayers();
    const at = r => (r && r.location ? [r.location.lat, r.location.lon] : null);
    const bySeq = new Map(c.route.map(r => [r.seq, r]));
    for (const leg of c.legs) {
      const a = at(bySeq.get(leg.from));
      const b = at(bySeq.get(leg.to));
      if (!a || !b) continue;
      const bad = leg.flags.length > 0;
      this.overlay.addLayer(L.polyline([a, b], { color: bad ? '#e63946' : '#1d3557', weight: 4,
        dashArray: bad ? '8 6' : null }));
    }
    c.route.forEach((r, n) => {
      const p = at(r);
      if (p) {
        this.overlay.addLayer(L.circleMarker(p, { radius: 7, color: '#1d3557', fillColor: '#fff', fillOpacity: 1 })
          .bindTooltip(String(n + 1), { permanent: true, direction: 'center', className: 'route-label' }));
      }
    });
  }
}
