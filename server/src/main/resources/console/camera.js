import { el, fill, when, ago } from './dom.js';
import { stateBadge } from './ops.js';
import { checklist } from './checklist.js';
import { LiveTile } from './live.js';

// A camera's page for ops: the camera live (for users with live), its health now and its history,
// last probe, stream codec and size; the installer's checklist and snapshot where the user may see
// them; recording, and the server's readiness and disk.

export async function render(ctx, view, [id]) {
  const can = p => ctx.session.can(p);
  const title = el('h1', 'Camera ', el('code', id));
  const sections = el('div.camera-page');
  fill(view, el('section', el('p', el('a', { href: '#/ops' }, '← District health')), title, sections));

  const [camera, health] = await Promise.all([
    can('REGISTRY_READ') ? ctx.api.get('/api/v1/cameras/' + encodeURIComponent(id)).catch(e => ({ error: e })) : null,
    ctx.api.get('/api/v1/cameras/' + encodeURIComponent(id) + '/health').catch(e => ({ error: e })),
  ]);
  if (health.error) {
    sections.append(el('p.form-error', health.error.message));
    return;
  }
  if (camera && !camera.error) title.append(' ', el('span.muted', camera.name));
  let live = null;
  if (can('LIVE')) {
    live = new LiveTile(ctx, id);
    sections.append(el('div.panel.live-panel', el('h2', 'Live'), live.element,
      el('p', el('a', { href: '#/wall/' + encodeURIComponent(id) }, 'Open on the wall'))));
  }
  sections.append(el('div.panel', el('h2', 'Health'), el('dl.facts',
    fact('State', el('span', stateBadge(health.state), ' since ', when(health.since), ' (' + ago(health.since) + ')')),
    fact('Reason', health.reason || '—'),
    health.reportedBy ? fact('Probed by', 'node ' + health.reportedBy.node + (health.reportedBy.lastKnownState
      ? ', which last reported ' + health.reportedBy.lastKnownState + ' since ' + when(health.reportedBy.lastKnownSince)
        + ' (' + ago(health.reportedBy.lastKnownSince) + ')' : ', which has not reported it yet')) : null,
    fact('Last probe', health.lastProbe ? when(health.lastProbe) + ' (' + ago(health.lastProbe) + ')' : 'not yet'),
    fact('Round trip', health.rttMillis != null ? health.rttMillis + ' ms' : '—'),
    fact('Stream', health.stream ? (health.stream.codec || '?') + ' ' + (health.stream.width || '?') + '×'
      + (health.stream.height || '?') : '—'),
    fact('Last error', health.lastError ? health.lastError.class + ': ' + health.lastError.message : '—'),
    camera && !camera.error ? fact('Site', camera.siteId) : null,
    camera && !camera.error && camera.rtsp ? fact('RTSP', camera.rtsp.url) : null)),
  el('div.panel', el('h2', 'History'), history(health.history || [])));

  if (can('INSTALL')) sections.append(await installPanel(ctx, id));
  if (can('RECORDING')) sections.append(await recordingPanel(ctx, id));
  if (can('FOOTAGE')) {
    sections.append(el('p', el('a.button', { href: '#/investigate/' + encodeURIComponent(id) }, 'Open its footage')));
  }
  return live ? () => live.close() : null;
}

function fact(name, value) {
  return [el('dt', name), el('dd', value)];
}

function history(events) {
  if (!events.length) return el('p.muted', 'No changes recorded yet.');
  return el('table.history', el('thead', el('tr', el('th', { scope: 'col' }, 'When'),
    el('th', { scope: 'col' }, 'Change'), el('th', { scope: 'col' }, 'Reason'))),
  el('tbody', events.map(e => el('tr', el('td', when(e.at)), el('td', e.from + ' → ' + e.to),
    el('td', e.reason || '')))));
}

async function installPanel(ctx, id) {
  const panel = el('div.panel', el('h2', 'Verification'));
  const body = el('div');
  const button = el('button', { type: 'button' }, 'Verify now');
  panel.append(button, body);
  async function show(report) {
    fill(body, checklist(report));
    if (report.snapshotBytes) {
      try {
        const url = await ctx.api.objectUrl('/api/v1/cameras/' + encodeURIComponent(id) + '/snapshot');
        body.append(el('img.snapshot', { src: url, alt: 'Snapshot of camera ' + id }));
      } catch (e) {
        body.append(el('p.muted', 'No snapshot: ' + e.message));
      }
    }
  }
  button.addEventListener('click', async () => {
    button.disabled = true;
    fill(body, el('p', { role: 'status' }, 'Verifying…'));
    try {
      await show(await ctx.api.post('/api/v1/cameras/' + encodeURIComponent(id) + '/verify'));
    } catch (e) {
      fill(body, el('p.form-error', e.message));
    } finally {
      button.disabled = false;
    }
  });
  try {
    await show(await ctx.api.get('/api/v1/cameras/' + encodeURIComponent(id) + '/verification'));
  } catch (e) {
    fill(body, el('p.muted', e.status === 404 ? 'Not verified yet.' : e.message));
  }
  return panel;
}

async function recordingPanel(ctx, id) {
  const panel = el('div.panel', el('h2', 'Recording and server'));
  const [status, ready] = await Promise.all([
    ctx.api.get('/api/v1/recording/status').catch(e => ({ error: e })),
    fetch('/readyz', { cache: 'no-store' }).then(r => r.json()).catch(() => null),
  ]);
  if (status.error) {
    panel.append(el('p.form-error', status.error.message));
    return panel;
  }
  const mine = (status.cameras || []).find(c => c.cameraId === id);
  const disk = status.disk;
  panel.append(el('dl.facts',
    fact('This camera', mine ? 'recording since ' + when(mine.since) + ', ' + mine.segmentsIndexed + ' segments'
      + (mine.lastFailure ? '; last failure: ' + mine.lastFailure : '') : 'not recording'),
    fact('Recorders', status.recording + ' of ' + status.maxCameras),
    fact('Disk', disk ? gib(disk.freeBytes) + ' free of ' + gib(disk.totalBytes) + ' (pauses below '
      + gib(disk.minFreeBytes) + ')' : '—'),
    status.alarm ? fact('Alarm', status.alarm) : null,
    fact('Server', ready ? ready.status + (ready.reason ? ': ' + ready.reason : '') : 'unknown')));
  return panel;
}

function gib(bytes) {
  return (bytes / 1024 ** 3).toFixed(1) + ' GiB';
}
