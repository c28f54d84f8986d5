import { el, fill, field, when, announce } from './dom.js';
import { handleForm } from './forms.js';

// Administration: users and their grants, API tokens (a new token's secret is shown once), and the
// audit trail, page by page.

const ROLES = ['admin', 'operator', 'installer', 'investigator', 'viewer'];
const AUDIT_PAGE = 25;

export async function render(ctx, view) {
  const users = el('section.panel.users', { 'aria-label': 'Users' });
  const tokens = el('section.panel.tokens', { 'aria-label': 'API tokens' });
  const audit = el('section.panel.audit', { 'aria-label': 'Audit trail' });
  fill(view, el('section.admin', el('h1', 'Administration'), el('div.columns', el('div', users, tokens), audit)));
  await Promise.all([usersPanel(ctx, users), tokensPanel(ctx, tokens),
    ctx.session.can('AUDIT_READ') ? auditPanel(ctx, audit) : null]);
}

function grantsText(grants) {
  return grants.map(g => g.role + '@' + g.site).join(', ');
}

function parseGrants(text) {
  return (text || '').split(',').map(s => s.trim()).filter(Boolean).map(s => {
    const [role, site] = s.split('@');
    return { role: (role || '').trim(), site: (site || '*').trim() };
  });
}

async function usersPanel(ctx, box) {
  const list = el('tbody');
  const name = el('input', { name: 'name', required: true, autocomplete: 'off' });
  const role = el('select', { name: 'role' }, ROLES.map(r => el('option', { value: r }, r)));
  const site = el('input', { name: 'site', value: '*', required: true });
  const password = el('input', { name: 'password', type: 'password', autocomplete: 'new-password' });
  const created = el('div.secret', { role: 'status' });
  const form = el('form', { 'aria-label': 'New user' }, el('h3', 'New user'),
    el('div.row', field('Name', name), field('Role', role), field('On site', site, "a site id, or * for the district")),
    field('Password', password, 'leave empty to generate one; either way it must be changed at first login'),
    el('button', { type: 'submit' }, 'Create user'), created);
  async function reload() {
    const page = await ctx.api.get('/api/v1/users');
    fill(list, page.items.map(u => userRow(ctx, u, reload)));
  }
  handleForm(form, async values => {
    const body = { name: values.name, grants: [{ role: values.role, site: values.site }] };
    if (values.password) body.password = values.password;
    const answer = await ctx.api.post('/api/v1/users', body);
    fill(created, answer.oneTimePassword ? [el('p', 'User ', el('code', answer.user.name),
      ' created. Their one-time password (shown only now):'), el('code.once', answer.oneTimePassword)]
      : el('p', 'User ' + answer.user.name + ' created.'));
    form.reset();
    site.value = '*';
    await reload();
  });
  fill(box, el('h2', 'Users'), el('table.users-table', el('thead', el('tr', el('th', { scope: 'col' }, 'User'),
    el('th', { scope: 'col' }, 'Grants'), el('th', { scope: 'col' }, 'State'), el('th', { scope: 'col' }, ''))), list), form);
  await reload();
}

function userRow(ctx, user, reload) {
  const grants = el('input', { name: 'grants', value: grantsText(user.grants), 'aria-label': 'Grants of ' + user.name });
  const error = el('span.field-error', { role: 'alert' });
  const save = el('button', { type: 'button' }, 'Save');
  const toggle = el('button.secondary', { type: 'button' }, user.disabled ? 'Enable' : 'Disable');
  async function put(disabled) {
    save.disabled = toggle.disabled = true;
    error.textContent = '';
    try {
      await ctx.api.put('/api/v1/users/' + encodeURIComponent(user.name),
        { grants: parseGrants(grants.value), disabled });
      announce('User ' + user.name + ' saved.');
      await reload();
    } catch (e) {
      error.textContent = e.message;
      save.disabled = toggle.disabled = false;
    }
  }
  save.addEventListener('click', () => put(user.disabled));
  toggle.addEventListener('click', () => put(!user.disabled));
  return el('tr', { dataset: { user: user.name } }, el('th', { scope: 'row' }, user.name), el('td', grants, error),
    el('td', user.disabled ? 'disabled' : user.mustChangePassword ? 'must change password' : 'active'),
    el('td', save, ' ', toggle));
}

async function tokensPanel(ctx, box) {
  const list = el('tbody');
  const label = el('input', { name: 'label', required: true, maxlength: 100 });
  const secret = el('div.secret', { role: 'status' });
  const form = el('form', { 'aria-label': 'New API token' }, el('h3', 'New API token'),
    field('What will use it', label), el('button', { type: 'submit' }, 'Make token'), secret);
  async function reload() {
    const page = await ctx.api.get('/api/v1/tokens');
    fill(list, page.items.map(t => {
      const revoke = el('button.secondary', { type: 'button', disabled: !!t.revokedAt || t.kind === 'session'
        && t.id === undefined, 'aria-label': 'Revoke token ' + (t.label || t.id) }, 'Revoke');
      revoke.addEventListener('click', async () => {
        revoke.disabled = true;
        try {
          await ctx.api.del('/api/v1/tokens/' + encodeURIComponent(t.id));
          await reload();
        } catch (e) {
          announce(e.message);
          revoke.disabled = false;
        }
      });
      return el('tr', { dataset: { token: t.id } }, el('td', t.label || '—'), el('td', t.kind), el('td', when(t.created)),
        el('td', t.revokedAt ? 'revoked ' + when(t.revokedAt) : t.expiresAt ? 'until ' + when(t.expiresAt) : 'no expiry'),
        el('td', t.kind === 'api' && !t.revokedAt ? revoke : ''));
    }));
  }
  handleForm(form, async values => {
    const made = await ctx.api.post('/api/v1/tokens', { label: values.label });
    fill(secret, el('p', 'Token made. Copy its secret now; it is not shown again:'), el('code.once', made.token));
    form.reset();
    await reload();
  });
  fill(box, el('h2', 'My API tokens'), el('table', el('thead', el('tr', el('th', { scope: 'col' }, 'Label'),
    el('th', { scope: 'col' }, 'Kind'), el('th', { scope: 'col' }, 'Made'), el('th', { scope: 'col' }, 'Valid'),
    el('th', { scope: 'col' }, ''))), list), form);
  await reload();
}

async function auditPanel(ctx, box) {
  const body = el('tbody');
  const position = el('span.muted', { role: 'status' });
  const first = el('button.secondary', { type: 'button' }, 'First page');
  const next = el('button', { type: 'button' }, 'Next page');
  let after = 0;
  const history = [];
  async function load(from) {
    const page = await ctx.api.get('/api/v1/audit?limit=' + AUDIT_PAGE + '&after=' + from);
    fill(body, page.items.map(e => el('tr', { dataset: { seq: String(e.seq) } }, el('td', String(e.seq)), el('td', when(e.at)),
      el('td', e.actor || '—'), el('td', e.action), el('td', e.target || ''), el('td', String(e.result)))));
    position.textContent = page.items.length ? 'entries ' + page.items[0].seq + '–' + page.items.at(-1).seq : 'no entries';
    next.disabled = page.nextAfter == null;
    after = page.nextAfter;
    history.push(from);
  }
  next.addEventListener('click', () => load(after));
  first.addEventListener('click', () => {
    history.length = 0;
    load(0);
  });
  fill(box, el('h2', 'Audit trail'), el('p.hint', 'Every footage request and every change, hash-chained, oldest first.'),
    el('div.actions', first, next, position),
    el('table.audit-table', el('thead', el('tr', ['#', 'When', 'Who', 'Action', 'Target', 'Result'].map(h =>
      el('th', { scope: 'col' }, h)))), body));
  await load(0);
}
