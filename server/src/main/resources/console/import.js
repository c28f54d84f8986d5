import { el, fill, field } from './dom.js';
import { handleForm } from './forms.js';

// Bulk registration from a CSV or NDJSON file: the server answers one result per row; failed rows
// are shown against their own line of the file, with each column's or field's reason.

export function importPanel(ctx) {
  const file = el('input', { name: 'file', type: 'file', accept: '.csv,.ndjson,.jsonl,text/csv,application/x-ndjson',
    required: true });
  const atomic = el('input#import-atomic', { name: 'atomic', type: 'checkbox' });
  const result = el('div.import-result');
  const form = el('form.panel', { 'aria-label': 'Import cameras' }, el('h2', 'Import a file'),
    el('p.hint', 'CSV with a header row (id, siteId, name, lat, lon, rtspUrl or onvifUrl, …) or NDJSON, one camera '
      + 'per line.'),
    field('File', file),
    el('div.field.check', atomic, el('label', { for: 'import-atomic' }, 'All or nothing (import no row if one fails)')),
    el('button', { type: 'submit' }, 'Import'), result);
  handleForm(form, async values => {
    const chosen = values.file;
    const text = await chosen.text();
    const ndjson = /\.(nd)?jsonl?$/i.test(chosen.name) || text.trimStart().startsWith('{');
    const answer = await ctx.api.request('POST', '/api/v1/cameras/import' + (values.atomic ? '?atomic=true' : ''),
      { body: text, contentType: ndjson ? 'application/x-ndjson' : 'text/csv' }).catch(e => {
      if (e.status === 422 && e.problem.results) return e.problem;
      throw e;
    });
    show(result, answer, text.split(/\r?\n/), ndjson);
  });
  return form;
}

function show(box, answer, lines, ndjson) {
  const failed = (answer.results || []).filter(r => r.status === 'failed');
  fill(box,
    el('p', { role: 'status' }, answer.total + ' rows: ' + answer.created + ' created, ' + answer.updated + ' updated, '
      + answer.unchanged + ' unchanged, ' + answer.failed + ' failed'
      + (answer.atomic && !answer.applied ? ' — nothing was imported' : '') + '.'),
    failed.length ? el('table.import-errors', el('caption', 'Rows that failed'),
      el('thead', el('tr', el('th', { scope: 'col' }, 'Row'), el('th', { scope: 'col' }, 'Line'),
        el('th', { scope: 'col' }, 'Errors'))),
      el('tbody', failed.map(r => el('tr', { dataset: { row: String(r.row) } },
        el('th', { scope: 'row' }, String(r.row)),
        el('td', el('code', lines[ndjson ? r.row - 1 : r.row] ?? '')),
        el('td', el('ul', (r.errors || []).map(e => el('li', el('strong', (e.column || e.field || 'row') + ': '),
          e.reason)))))))) : null);
  box.dataset.failed = String(failed.length);
}
