import { el, fill, when } from './dom.js';

// Plays a camera's footage at a moment: the timeline of the hour around it (recorded spans and
// gaps, with their causes), and the clip covering the moment in a <video>, started at the moment.
// The video's source is a short-lived media link (a video element cannot send the token), or for
// footage on an edge recorder its URL (playable when console.mediaOrigins names the recorder).
// Footage the browser cannot play (H.265) or could not fetch is said so, instead of a black box.

const SPAN_MINUTES = 30;

export class Player {
  constructor(ctx) {
    this.ctx = ctx;
    this.video = el('video.player', { controls: true, muted: true, playsInline: true, preload: 'auto',
      'aria-label': 'Footage' });
    this.video.muted = true;
    this.caption = el('p.player-caption', { role: 'status' });
    this.bar = el('div.timeline', { role: 'group', 'aria-label': 'Recorded spans and gaps' });
    this.scrub = el('input#moment-scrub', { type: 'range', min: 0, max: SPAN_MINUTES * 120, step: 1,
      'aria-label': 'Moment within the hour shown' });
    this.element = el('div.player-box', this.video, this.caption, this.bar, this.scrub);
    this.scrub.addEventListener('change', () => {
      if (!this.from) return;
      this.show(this.cameraId, new Date(this.from.getTime() + Number(this.scrub.value) * 1000));
    });
    this.video.addEventListener('error', () => this.failed());
    this.video.addEventListener('playing', () => {
      this.element.dataset.state = 'playing';
      performance.mark('wardnet:playing');
      if (performance.getEntriesByName('wardnet:play-click').length) {
        performance.measure('wardnet:play', 'wardnet:play-click', 'wardnet:playing');
        performance.clearMarks('wardnet:play-click');
      }
    });
  }

  /** Shows cameraId at moment; with clip (id and seek seconds from a follow answer) plays that clip. */
  async show(cameraId, moment, clip) {
    this.cameraId = cameraId;
    this.from = new Date(moment.getTime() - SPAN_MINUTES * 60000);
    this.to = new Date(moment.getTime() + SPAN_MINUTES * 60000);
    this.scrub.value = String((moment - this.from) / 1000);
    this.element.dataset.from = this.from.toISOString(); // where the scrub's 0 stands
    this.caption.textContent = 'Loading footage of ' + cameraId + ' at ' + when(moment.toISOString()) + '…';
    this.element.dataset.state = 'loading';
    const camera = encodeURIComponent(cameraId);
    const range = 'from=' + encodeURIComponent(this.from.toISOString()) + '&to=' + encodeURIComponent(this.to.toISOString());
    const timeline = await this.ctx.api.get('/api/v1/cameras/' + camera + '/timeline?' + range).catch(() => null);
    this.drawTimeline(timeline, moment);
    let found = null;
    let seek = 0;
    if (clip) {
      found = await this.ctx.api.get('/api/v1/clips/' + clip.id);
      seek = clip.seekSeconds;
    } else {
      const at = moment.toISOString();
      const after = new Date(moment.getTime() + 1000).toISOString();
      const page = await this.ctx.api.get('/api/v1/clips?camera=' + camera + '&from=' + encodeURIComponent(at)
        + '&to=' + encodeURIComponent(after) + '&limit=1');
      found = page.items[0] || null;
      if (found) seek = Math.max(0, (moment - new Date(found.start)) / 1000);
    }
    await this.play(found, seek, moment);
  }

  async play(clip, seek, moment) {
    this.clip = null;
    this.video.removeAttribute('src');
    this.video.load();
    if (!clip) {
      this.say('none', 'No footage of ' + this.cameraId + ' at ' + when(moment.toISOString()) + '.');
      return;
    }
    this.clip = clip;
    const codec = (clip.codec || '').toUpperCase();
    if (codec === 'H265' || codec === 'HEVC') {
      this.say('unplayable', 'Clip ' + clip.id + ' is H.265, which this browser cannot decode. Export it, or wait '
        + 'for the live-view transcoding to play it here.');
      return;
    }
    // footage on an edge recorder plays from its URL, when the server's policy names its origin
    const remote = /^https?:/.test(clip.mediaUrl);
    const source = remote ? clip.mediaUrl : (await this.ctx.api.post('/api/v1/clips/' + clip.id + '/media-link')).url;
    this.remote = remote;
    this.element.dataset.state = 'loading';
    this.caption.textContent = 'Clip ' + clip.id + ' (' + when(clip.start) + ' – ' + when(clip.end) + '), from '
      + seek.toFixed(1) + ' s';
    this.video.src = source;
    this.video.dataset.clip = String(clip.id);
    this.video.dataset.clipStart = clip.start;
    await new Promise(resolve => {
      const ready = () => {
        this.video.removeEventListener('loadedmetadata', ready);
        resolve();
      };
      this.video.addEventListener('loadedmetadata', ready);
      this.video.addEventListener('error', ready, { once: true });
    });
    if (this.video.error) return;
    this.video.currentTime = Math.min(seek, Math.max(0, (this.video.duration || seek) - 0.1));
    this.element.dataset.state = 'playing';
    try {
      await this.video.play();
    } catch (e) {
      this.say('paused', 'Press play to start the clip (' + e.message + ').');
    }
  }

  /** The moment the video stands at when it shows a clip of cameraId (whichever clip the scrub led to), else null. */
  momentOf(cameraId) {
    if (this.cameraId !== cameraId || !this.clip || !this.video.getAttribute('src')
        || Number.isNaN(this.video.currentTime)) return null;
    return new Date(new Date(this.clip.start).getTime() + this.video.currentTime * 1000);
  }

  failed() {
    const error = this.video.error;
    if (!error || !this.video.getAttribute('src')) return;
    const reasons = { 1: 'loading was aborted', 2: 'the network failed', 3: 'the video could not be decoded',
      4: 'this browser cannot play this format' };
    if (this.remote) {
      this.say('failed', 'Clip ' + this.clip.id + ' is held on an edge recorder (' + this.clip.mediaUrl + ') and did not'
        + ' play here: the recorder did not answer, or the server\'s console.mediaOrigins does not name it.');
      return;
    }
    this.say('failed', 'Clip ' + (this.clip ? this.clip.id : '') + ' cannot play: ' + (reasons[error.code] || error.message));
  }

  say(state, text) {
    this.element.dataset.state = state;
    this.caption.textContent = text;
  }

  drawTimeline(timeline, moment) {
    const span = this.to - this.from;
    const at = t => ((new Date(t) - this.from) / span * 100).toFixed(3) + '%';
    const width = (a, b) => ((new Date(b) - new Date(a)) / span * 100).toFixed(3) + '%';
    const parts = [];
    if (timeline) {
      for (const c of timeline.covered) {
        const part = el('span.span.covered', { title: 'recorded ' + when(c.from) + ' – ' + when(c.to) });
        part.style.left = at(c.from);
        part.style.width = width(c.from, c.to);
        parts.push(part);
      }
      for (const g of timeline.gaps) {
        const part = el('span.span.gap', { title: 'gap ' + when(g.from) + ' – ' + when(g.to)
          + (g.cause ? ': ' + g.cause : '') });
        part.style.left = at(g.from);
        part.style.width = width(g.from, g.to);
        parts.push(part);
      }
    }
    const marker = el('span.marker', { title: when(moment.toISOString()) });
    marker.style.left = at(moment);
    parts.push(marker);
    fill(this.bar, parts, el('span.edge.start', when(this.from.toISOString())),
      el('span.edge.end', when(this.to.toISOString())));
    this.bar.dataset.covered = timeline ? String(timeline.coveredSeconds) : '';
  }
}
