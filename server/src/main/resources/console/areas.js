import { el, fill, when } from './dom.js';
import { L } from './map.js';

// Drawing on the map: an area (a polygon: which cameras have footage in it around the moment) or a
// corridor (waypoints: which cameras lie along the route, each with its window). Clicks add
// points while drawing; Finish asks the server, Cancel drops the drawing.

const AREA_MINUTES = 30;

export class AreaTools {
  constructor(page) {
    this.page = page;
    this.points = [];
    this.kind = null;
    this.overlay = L.layerGroup().addTo(page.map);
    this.area = el('button', { type: 'button' }, 'Draw an area');
    this.corridor = el('button', { type: 'button' }, 'Draw a corridor');
    this.finish = el('button', { type: 'button', disabled: true }, 'Finish');
    this.cancel = el('button.secondary', { type: 'button', disabled: true }, 'Cancel');
    this.note = el('p.muted', { role: 'status' });
    this.result = el('ul.area-result');
    this.element = el('section.panel.areas', el('h2', 'Area and corridor'),
      el('div.actions', this.area, this.corridor, this.finish, this.cancel), this.note, this.result);
    this.area.addEventListener('click', () => this.start('area'));
    this.corridor.addEventListener('click', () => this.start('corridor'));
    this.cancel.addEventListener('click', () => this.stop(true));
    this.finish.addEventListener('click', () => this.submit());
  }

  drawing() {
    return this.kind !== null;
  }

  start(kind) {
    this.stop(true);
    this.kind = kind;
    this.finish.disabled = false;
    this.cancel.disabled = false;
    this.page.map.getContainer().classList.add('drawing');
    this.note.textContent = kind === 'area' ? 'Click the map to place the corners of the area, then Finish.'
      : 'Click the map to place the waypoints of the route, then Finish.';
  }

  stop(clear) {
    this.kind = null;
    this.finish.disabled = true;
    this.cancel.disabled = true;
    this.page.map.getContainer().classList.remove('drawing');
    if (clear) {
      this.points = [];
      this.overlay.clearLayers();
      this.page.layer.clearRings();
      this.page.layer.redraw();
      fill(this.result);
      this.note.textContent = '';
    }
  }

  addPoint(latlng) {
    this.points.push(latlng);
    this.overlay.clearLayers();
    const shape = this.kind === 'area' && this.points.length >= 3
      ? L.polygon(this.points, { color: '#2a9d8f', weight: 2 }) : L.polyline(this.points, { color: '#f4a261', weight: 3 });
    this.overlay.addLayer(shape);
    this.points.forEach(p => this.overlay.addLayer(L.circleMarker(p, { radius: 4, color: '#264653' })));
    this.element.dataset.points = String(this.points.length);
  }

  async submit() {
    const kind = this.kind;
    const needed = kind === 'area' ? 3 : 2;
    if (this.points.length < needed) {
      this.note.textContent = 'Place at least ' + needed + ' points first.';
      return;
    }
    this.stop(false);
    const moment = this.page.moment();
    const api = this.page.ctx.api;
    try {
      if (kind === 'area') {
        const from = new Date(moment.getTime() - AREA_MINUTES * 60000).toISOString();
        const to = new Date(moment.getTime() + AREA_MINUTES * 60000).toISOString();
        const polygon = this.points.map(p => p.lat.toFixed(6) + ',' + p.lng.toFixed(6)).join(',');
        const answer = await api.get('/api/v1/coverage?polygon=' + encodeURIComponent(polygon) + '&from='
          + encodeURIComponent(from) + '&to=' + encodeURIComponent(to));
        this.mark(answer.cameras.map(c => c.id), '#2a9d8f');
        this.note.textContent = answer.camerasWithFootage + ' of ' + answer.camerasInScope
          + ' cameras in the area have footage between ' + when(from) + ' and ' + when(to) + '.';
        fill(this.result, answer.cameras.slice(0, 50).map(c => el('li', el('code', c.id), ' ', c.name || '')));
      } else {
        const answer = await api.post('/api/v1/track/corridor', {
          waypoints: this.points.map(p => ({ lat: p.lat, lon: p.lng })),
          departure: { from: moment.toISOString(), to: new Date(moment.getTime() + 10 * 60000).toISOString() },
          mode: 'WALK' });
        this.mark(answer.cameras.map(c => c.cameraId), '#f4a261');
        this.note.textContent = answer.cameras.length + ' cameras along ' + Math.round(answer.routeMeters)
          + ' m of route' + (answer.truncated ? ' (more were left out)' : '') + '.';
        fill(this.result, answer.cameras.slice(0, 50).map(c => el('li', el('code', c.cameraId), ' ',
          el('span.muted', when(c.window.from) + ' – ' + when(c.window.to)))));
      }
      this.result.dataset.kind = kind;
    } catch (e) {
      this.note.textContent = e.message;
    }
  }

  mark(ids, colour) {
    const layer = this.page.layer;
    layer.clearRings();
    for (const id of ids) {
      const i = this.page.index.get(id);
      if (i !== undefined) layer.ring(i, colour);
    }
    layer.redraw();
  }
}
