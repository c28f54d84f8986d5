import { el, fill, field, announce } from './dom.js';
import { handleForm } from './forms.js';
import { checklist } from './checklist.js';
import { importPanel } from './import.js';

// The installer's page: discover devices (an address range or multicast), choose a room, register
// the new ones with one set of credentials, and watch their verification run with a progress bar
// and failures counted by step; then each camera's checklist with its advice and its snapshot.

const POLL_MILLIS = 500;

export async function render(ctx, view) {
  const rooms = await ctx.api.get('/api/v1/sites?tier=ROOM&limit=1000').catch(() => ({ items: [] }));
  const range = el('input', { name: 'range', placeholder: '192.168.1.10-192.168.1.60 or 10.0.0.0/24' });
  const multicast = el('input', { name: 'multicast', type: 'checkbox' });
  const discoverForm = el('form.panel', { 'aria-label': 'Discover devices' }, el('h2', '1. Discover'),
    field('Address range', range, 'one address, a-b range or CIDR; leave empty with multicast'),
    el('div.field.check', multicast, el('label', { for: 'multicast-box' }, 'WS-Discovery multicast on this network')),
    el('button', { type: 'submit' }, 'Discover'));
  multicast.id = 'multicast-box';
  const found = el('div.found');
  const site = el('select', { name: 'siteId', required: true }, el('option', { value: '' }, 'choose a room'),
    rooms.items.map(r => el('option', { value: r.id }, r.name + ' (' + r.id + ')')));
  const username = el('input', { name: 'username', autocomplete: 'off' });
  const password = el('input', { name: 'password', type: 'password', autocomplete: 'new-password' });
  const lat = el('input', { name: 'lat', type: 'number', step: 'any', min: -90, max: 90 });
  const lon = el('input', { name: 'lon', type: 'number', step: 'any', min: -180, max: 180 });
  const registerForm = el('form.panel', { 'aria-label': 'Register devices', hidden: true }, el('h2', '2. Register'),
    found, field('Room', site), el('div.row', field('Device user', username), field('Device password', password)),
    el('div.row', field('Latitude', lat, 'where the new cameras are, until each is placed'), field('Longitude', lon)),
    el('button', { type: 'submit' }, 'Register and verify'));
  const progress = el('section.panel.verify', { hidden: true, 'aria-label': 'Verification' });
  const details = el('section.panel.details', { hidden: true });
  fill(view, el('section.installer', el('h1', 'Install cameras'),
    el('div.columns', el('div', discoverForm, registerForm, progress, details), importPanel(ctx))));

  let candidates = [];
  handleForm(discoverForm, async values => {
    const body = values.multicast ? { multicast: true } : { range: values.range };
    if (values.multicast && values.range) body.range = values.range;
    const answer = await ctx.api.post('/api/v1/discovery', body);
    candidates = answer.candidates;
    registerForm.hidden = false;
    fill(found, el('p', { role: 'status' }, answer.found + ' devices found, ' + answer.new + ' new, '
      + answer.registered + ' registered already'
      + (answer.unreadable ? ', ' + answer.unreadable + ' unreadable answers' : '') + '.'),
    el('table.candidates-table', el('caption.visually-hidden', 'Devices found'),
      el('thead', el('tr', el('th', { scope: 'col' }, 'Register'), el('th', { scope: 'col' }, 'Device'),
        el('th', { scope: 'col' }, 'Address'), el('th', { scope: 'col' }, 'Hardware'))),
      el('tbody', candidates.map((c, i) => el('tr', { dataset: { registered: String(c.registered) } },
        el('td', el('input', { type: 'checkbox', name: 'pick-' + i, checked: !c.registered, disabled: c.registered,
          'aria-label': 'Register ' + (c.name || c.address) })),
        el('td', c.name || c.endpoint, c.registered ? el('small.muted', ' registered as ' + c.cameraId) : null),
        el('td', c.address), el('td', c.hardware || ''))))));
    announce(answer.found + ' devices found');
  });

  handleForm(registerForm, async values => {
    const picked = candidates.filter((c, i) => values['pick-' + i] && !c.registered && c.xaddr);
    if (!picked.length) throw new Error('pick at least one new device to register');
    const body = { siteId: values.siteId, verify: true,
      candidates: picked.map(c => ({ xaddr: c.xaddr, endpoint: c.endpoint, name: c.name || undefined })) };
    if (values.username) body.username = values.username;
    if (values.password) body.password = values.password;
    if (values.lat !== undefined || values.lon !== undefined) {
      body.location = { lat: Number(values.lat), lon: Number(values.lon) };
    }
    const answer = await ctx.api.post('/api/v1/discovery/register', body);
    announce(answer.created + ' cameras registered');
    if (answer.verificationUrl) {
      await watch(ctx, answer.verificationUrl, progress, details);
    }
  });
}

/** Polls a verification batch, drawing its progress, until it is done; then lists its cameras. */
export async function watch(ctx, url, progress, details) {
  progress.hidden = false;
  const bar = el('progress', { max: 100, value: 0, 'aria-label': 'Verification progress' });
  const line = el('p', { role: 'status' });
  const steps = el('ul.steps');
  fill(progress, el('h2', '3. Verify'), bar, line, steps);
  let batch;
  for (;;) {
    batch = await ctx.api.get(url);
    bar.value = batch.percent;
    line.textContent = batch.done + ' of ' + batch.total + ' verified: ' + batch.passed + ' passed, ' + batch.failed
      + ' failed' + (batch.state === 'DONE' ? '.' : '…');
    fill(steps, Object.entries(batch.failuresByStep || {}).map(([step, n]) =>
      el('li', { dataset: { step } }, step.replaceAll('_', ' ').toLowerCase() + ': ' + n)));
    progress.dataset.state = batch.state;
    if (batch.state === 'DONE') break;
    await new Promise(resolve => setTimeout(resolve, POLL_MILLIS));
  }
  const ids = [...new Set((batch.events || []).map(e => e.cameraId))];
  details.hidden = false;
  const chosen = el('div.checklist-box');
  fill(details, el('h2', 'Checklists'), el('ul.camera-picks', ids.map(id => {
    const failed = (batch.failedCameras || []).includes(id);
    const button = el('button.link', { type: 'button', dataset: { camera: id } }, id + (failed ? ' (failed)' : ''));
    button.addEventListener('click', () => showChecklist(ctx, id, chosen));
    return el('li', { dataset: { failed: String(failed) } }, button);
  })), chosen);
  if (ids.length) await showChecklist(ctx, ids[0], chosen);
  return batch;
}

async function showChecklist(ctx, id, box) {
  fill(box, el('p', { role: 'status' }, 'Loading ' + id + '…'));
  const report = await ctx.api.get('/api/v1/cameras/' + encodeURIComponent(id) + '/verification');
  fill(box, el('h3', el('code', id)), checklist(report));
  box.dataset.camera = id;
  if (report.snapshotBytes) {
    const url = await ctx.api.objectUrl('/api/v1/cameras/' + encodeURIComponent(id) + '/snapshot').catch(() => null);
    if (url) box.append(el('img.snapshot.thumb', { src: url, alt: 'Snapshot of camera ' + id }));
  }
}
