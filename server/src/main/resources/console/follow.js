import { el, fill, field, painted, when } from './dom.js';
import { L } from './map.js';

// Follow: from a sighting (the chosen camera at the chosen moment) ask for the next cameras, draw
// them on the map numbered by rank with their windows and scores, play a candidate's clip at its
// seek point in one click, and "seen here" adds the sighting to the case and follows again from it.

export class FollowPanel {
  constructor(page, player, cases) {
    this.page = page;
    this.player = player;
    this.cases = cases;
    this.overlay = L.layerGroup().addTo(page.map);
    this.mode = el('select', { name: 'mode' }, ['WALK', 'BIKE', 'CAR'].map(m => el('option', { value: m }, m.toLowerCase())));
    this.horizon = el('input', { name: 'horizonSeconds', type: 'number', min: 10, max: 3600, value: 300 });
    this.button = el('button', { type: 'button', disabled: true }, 'Follow from this camera');
    this.list = el('ol.candidates', { 'aria-label': 'Next-camera candidates' });
    this.note = el('p.muted', { role: 'status' });
    this.element = el('section.panel.follow', el('h2', 'Follow'),
      el('div.row', field('Travelling by', this.mode), field('Horizon (s)', this.horizon)),
      this.button, this.note, this.list);
    this.button.addEventListener('click', () => this.follow(this.from || { cameraId: this.cameraId,
      time: this.page.moment() }));
  }

  cameraChosen(id) {
    this.cameraId = id;
    this.from = null;
    this.button.disabled = false;
    this.button.textContent = 'Follow from ' + id;
  }

  /** Asks for the next cameras after a sighting and draws them. */
  async follow(sighting) {
    performance.mark('wardnet:follow-click');
    this.button.disabled = true;
    this.note.textContent = 'Looking for the next cameras…';
    const { cameras, index } = this.page;
    try {
      const answer = await this.page.ctx.api.post('/api/v1/track/follow', {
        cameraId: sighting.cameraId, time: sighting.time.toISOString(), mode: this.mode.value,
        horizonSeconds: Number(this.horizon.value) || 300, limit: 8 });
      this.overlay.clearLayers();
      const items = [];
      const from = index.get(sighting.cameraId);
      const area = from === undefined ? [] : [[cameras.lat[from], cameras.lon[from]]];
      answer.candidates.forEach((c, rank) => {
        const i = index.get(c.cameraId);
        if (i !== undefined) {
          const marker = L.circleMarker([cameras.lat[i], cameras.lon[i]], { radius: 11, color: '#e76f51', weight: 3,
            fillOpacity: 0.25 }).bindTooltip(String(rank + 1) + ' · ' + Math.round(c.score * 100) + '%',
            { permanent: true, direction: 'top', className: 'rank-label' });
          marker.on('click', () => this.page.select(i));
          this.overlay.addLayer(marker);
          area.push([cameras.lat[i], cameras.lon[i]]);
        }
        items.push(this.item(c, rank));
      });
      fill(this.list, items);
      // the candidates are usually within a few hundred metres: zoom to them, so they stand apart
      if (area.length > 1) this.page.map.fitBounds(area, { padding: [70, 70], maxZoom: 18, animate: false });
      this.note.textContent = answer.candidates.length
        ? answer.candidates.length + ' candidates from ' + sighting.cameraId + ' at ' + when(sighting.time.toISOString())
          + '; ' + Math.round(answer.videoSecondsToReview / 60) + ' min of video to review'
          + (answer.candidatesOutsideScope ? '; ' + answer.candidatesOutsideScope + ' outside your scope withheld' : '')
        : 'No candidates: no camera is reachable within the horizon.';
      this.list.dataset.from = sighting.cameraId;
      await painted();
      performance.mark('wardnet:follow-drawn');
      performance.measure('wardnet:follow', 'wardnet:follow-click', 'wardnet:follow-drawn');
    } catch (e) {
      fill(this.list);
      this.note.textContent = e.message;
    } finally {
      this.button.disabled = false;
    }
  }

  item(c, rank) {
    const clip = c.clips[0];
    const play = el('button', { type: 'button', disabled: !clip || !this.player,
      'aria-label': 'Play candidate ' + (rank + 1) + ', camera ' + c.cameraId }, clip ? 'Play' : 'No footage');
    const seen = el('button', { type: 'button', 'aria-label': 'Seen at candidate ' + (rank + 1) + ', camera '
      + c.cameraId }, 'Seen here');
    play.addEventListener('click', () => {
      performance.mark('wardnet:play-click');
      const i = this.page.index.get(c.cameraId);
      if (i !== undefined) this.page.select(i);
      this.player.show(c.cameraId, new Date(new Date(clip.start).getTime() + clip.seekSeconds * 1000), clip)
        .catch(e => this.player.say('failed', e.message));
    });
    seen.addEventListener('click', async () => {
      seen.disabled = true;
      try {
        // where the player stands in this candidate's footage (in the clip the scrub led to, which need
        // not be the one Play started), read once; else the candidate's expected arrival and first clip
        const shownAt = this.player ? this.player.momentOf(c.cameraId) : null;
        const time = shownAt || new Date(c.expectedArrival);
        const clipId = shownAt ? this.player.clip.id : clip?.id;
        if (this.cases) await this.cases.addSighting(c.cameraId, time, clipId);
        const i = this.page.index.get(c.cameraId);
        if (i !== undefined) this.page.select(i);
        this.from = { cameraId: c.cameraId, time };
        await this.follow(this.from);
      } catch (e) {
        this.note.textContent = e.message;
      } finally {
        seen.disabled = false;
      }
    });
    return el('li.candidate', { dataset: { camera: c.cameraId, rank: String(rank + 1), expected: c.expectedArrival } },
      el('div', el('strong', (rank + 1) + '. '), el('code', c.cameraId), ' ',
        el('span.score', Math.round(c.score * 100) + '%'), ' ', el('span.muted', Math.round(c.distanceMeters) + ' m')),
      el('div.muted', 'expected ' + when(c.expectedArrival) + '; window ' + when(c.window.from) + ' – '
        + when(c.window.to)),
      el('div.actions', play, seen));
  }
}
