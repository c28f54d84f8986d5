import { el } from './dom.js';

// A camera live in a <video>: the server's fragmented MP4 over a WebSocket, appended to a Media
// Source Extensions buffer. The socket cannot carry the token, so a ticket is asked for first
// (POST, with the token) and the socket opened with it. Playback keeps near the live edge and the
// buffer short; a stream that ends or fails says why in the tile's caption and is retried after a
// pause, as a video wall must keep going on its own.

const KEEP_SECONDS = 8;
const EDGE_SECONDS = 1.5;
const RETRY_MS = 3000;

export class LiveTile {
  constructor(ctx, cameraId, { sub = false, label = cameraId } = {}) {
    this.ctx = ctx;
    this.cameraId = cameraId;
    this.sub = sub;
    this.video = el('video.live-video', { muted: true, autoplay: true, playsInline: true,
      'aria-label': 'Live view of ' + label });
    this.video.muted = true;
    this.caption = el('p.live-caption', { role: 'status' }, 'Connecting to ' + label + '…');
    this.element = el('figure.live-tile', { dataset: { camera: cameraId, state: 'connecting' } }, this.video,
      el('figcaption', el('span.live-name', label), this.caption));
    this.closed = false;
    this.queue = [];
    this.open();
  }

  async open() {
    if (this.closed) return;
    this.state('connecting', 'Connecting…');
    let ticket;
    try {
      ticket = await this.ctx.api.post('/api/v1/cameras/' + encodeURIComponent(this.cameraId) + '/live');
    } catch (e) {
      this.state('failed', e.message);
      if (e.status !== 404 && e.status !== 403) this.retry();
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const url = scheme + location.host + '/api/v1/cameras/' + encodeURIComponent(this.cameraId) + '/live?ticket='
      + encodeURIComponent(ticket.ticket) + (this.sub ? '&stream=sub' : '');
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.addEventListener('message', event => this.received(event.data));
    socket.addEventListener('close', event => {
      if (this.socket !== socket) return;
      this.state('failed', event.reason || (event.code === 1006 ? 'The stream could not be opened.' : 'The stream ended.'));
      this.retry();
    });
  }

  received(data) {
    if (typeof data === 'string') {
      const info = JSON.parse(data);
      if (!window.MediaSource || !MediaSource.isTypeSupported(info.mime)) {
        this.state('failed', 'This browser cannot play ' + info.mime + '.');
        this.socket.close();
        return;
      }
      this.startSource(info.mime);
      return;
    }
    this.queue.push(data);
    this.pump();
  }

  startSource(mime) {
    this.stopSource();
    this.queue = [];
    const source = new MediaSource();
    this.source = source;
    this.objectUrl = URL.createObjectURL(source);
    this.video.src = this.objectUrl;
    source.addEventListener('sourceopen', () => {
      const buffer = source.addSourceBuffer(mime);
      buffer.mode = 'segments';
      // an append can end after this source was replaced (a new init segment) or the tile closed
      buffer.addEventListener('updateend', () => { if (this.buffer === buffer) this.afterAppend(); });
      this.buffer = buffer;
      this.pump();
    }, { once: true });
  }

  pump() {
    const buffer = this.buffer;
    if (!buffer || buffer.updating || !this.queue.length || this.source.readyState !== 'open') return;
    try {
      buffer.appendBuffer(this.queue.shift());
    } catch (e) {
      this.state('failed', 'The browser refused the stream: ' + e.message);
      this.socket.close();
    }
  }

  afterAppend() {
    const ranges = this.buffer.buffered;
    if (ranges.length) {
      const start = ranges.start(0);
      const end = ranges.end(ranges.length - 1);
      const behind = end - this.video.currentTime;
      if (this.video.currentTime < start || behind > EDGE_SECONDS * 2) {
        this.video.currentTime = Math.max(start, end - EDGE_SECONDS / 3);
      }
      if (this.element.dataset.state !== 'playing' && end > start) {
        this.video.play().catch(() => {});
        this.state('playing', 'Live');
      }
      if (!this.buffer.updating && end - start > KEEP_SECONDS * 2 && this.video.currentTime - start > KEEP_SECONDS) {
        this.buffer.remove(start, this.video.currentTime - KEEP_SECONDS);
        return;
      }
    }
    this.pump();
  }

  state(name, text) {
    this.element.dataset.state = name;
    this.caption.textContent = text;
  }

  retry() {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, RETRY_MS);
  }

  stopSource() {
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = null;
    this.buffer = null;
    this.source = null;
  }

  close() {
    this.closed = true;
    clearTimeout(this.retryTimer);
    if (this.socket) {
      const socket = this.socket;
      this.socket = null;
      socket.close();
    }
    this.stopSource();
    this.video.removeAttribute('src');
  }
}
