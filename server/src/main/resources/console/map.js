import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { STATE_COLOURS } from './dom.js';

// The district map without tiles or internet: the street network and every camera drawn on one
// canvas layer of our own (12,414 cameras stay fluid: one pass of canvas arcs per redraw, and a
// click is matched against the projected points, no DOM node per camera). Overlays with few
// shapes (candidates, a case's route, a drawn area) use Leaflet's vector layers.

export { L };

const DistrictLayer = L.Layer.extend({
  initialize(cameras, streets) {
    this.cameras = cameras;
    this.streets = streets;
    this.colours = new Array(cameras.count).fill(STATE_COLOURS.UNKNOWN);
    this.rings = new Map();
    this.points = null;
  },

  onAdd(map) {
    this.canvas = L.DomUtil.create('canvas', 'district-layer leaflet-zoom-hide');
    map.getPane('overlayPane').append(this.canvas);
    map.on('moveend zoomend resize viewreset', this.redraw, this);
    this.redraw();
  },

  onRemove(map) {
    this.canvas.remove();
    map.off('moveend zoomend resize viewreset', this.redraw, this);
  },

  /** Colours camera i; call redraw() after a batch. */
  colour(i, colour) { this.colours[i] = colour; },

  /** Marks cameras with a ring (selected, in a drawn area...), by index. */
  ring(i, colour) {
    if (colour) this.rings.set(i, colour); else this.rings.delete(i);
  },

  clearRings() { this.rings.clear(); },

  redraw() {
    const map = this._map;
    if (!map) return;
    const began = performance.now();
    const size = map.getSize();
    const topLeft = map.containerPointToLayerPoint([0, 0]);
    L.DomUtil.setPosition(this.canvas, topLeft);
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = size.x * ratio;
    this.canvas.height = size.y * ratio;
    this.canvas.style.width = size.x + 'px';
    this.canvas.style.height = size.y + 'px';
    const g = this.canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, size.x, size.y);
    const zoom = map.getZoom();
    const toPoint = (lat, lon) => map.latLngToContainerPoint([lat, lon]);

    g.strokeStyle = '#c9ced6';
    g.lineWidth = zoom >= 16 ? 3 : zoom >= 14 ? 1.5 : 0.8;
    g.beginPath();
    for (const s of this.streets) {
      const a = toPoint(s[0], s[1]);
      const b = toPoint(s[2], s[3]);
      g.moveTo(a.x, a.y);
      g.lineTo(b.x, b.y);
    }
    g.stroke();

    const n = this.cameras.count;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    const radius = zoom >= 17 ? 5 : zoom >= 15 ? 3.5 : 2;
    const byColour = new Map();
    for (let i = 0; i < n; i++) {
      const p = toPoint(this.cameras.lat[i], this.cameras.lon[i]);
      xs[i] = p.x;
      ys[i] = p.y;
      if (p.x < -10 || p.y < -10 || p.x > size.x + 10 || p.y > size.y + 10) continue;
      const c = this.colours[i];
      let list = byColour.get(c);
      if (!list) byColour.set(c, list = []);
      list.push(i);
    }
    for (const [colour, list] of byColour) {
      g.fillStyle = colour;
      g.beginPath();
      for (const i of list) {
        g.moveTo(xs[i] + radius, ys[i]);
        g.arc(xs[i], ys[i], radius, 0, Math.PI * 2);
      }
      g.fill();
    }
    g.lineWidth = 2.5;
    for (const [i, colour] of this.rings) {
      g.strokeStyle = colour;
      g.beginPath();
      g.arc(xs[i], ys[i], radius + 4, 0, Math.PI * 2);
      g.stroke();
    }
    this.points = { xs, ys };
    performance.measure('wardnet:map-redraw', { start: began, end: performance.now() });
  },

  /** The index of the camera nearest containerPoint within a few pixels, or -1. */
  hit(point, slack = 8) {
    if (!this.points) return -1;
    const { xs, ys } = this.points;
    let best = -1;
    let bestD = slack * slack;
    for (let i = 0; i < xs.length; i++) {
      const dx = xs[i] - point.x;
      const dy = ys[i] - point.y;
      const d = dx * dx + dy * dy;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  },
});

/** Makes the map in container over the cameras' and streets' extent. */
export function districtMap(container, cameras, streets) {
  const map = L.map(container, { preferCanvas: true, zoomControl: true, attributionControl: false,
    zoomSnap: 0.5, keyboard: true });
  let south = 90, west = 180, north = -90, east = -180;
  for (let i = 0; i < cameras.count; i++) {
    south = Math.min(south, cameras.lat[i]);
    north = Math.max(north, cameras.lat[i]);
    west = Math.min(west, cameras.lon[i]);
    east = Math.max(east, cameras.lon[i]);
  }
  if (cameras.count) map.fitBounds([[south, west], [north, east]], { padding: [10, 10] });
  else map.setView([0, 0], 2);
  const layer = new DistrictLayer(cameras, streets);
  layer.addTo(map);
  return { map, layer };
}
