import { Api } from './api.js';
import { Session } from './session.js';
import { Login } from './login.js';
import { el, fill } from './dom.js';

// The shell: login, then one section per role, each shown only to users whose grants allow it
// (the server still decides every request). Sections are loaded when first opened and addressed
// by the URL's fragment, so the back button and reloads work and no token ever enters a URL.

const SECTIONS = [
  { path: 'ops', label: 'Health', needs: ['HEALTH_READ'], module: './ops.js' },
  { path: 'camera', label: null, needs: ['HEALTH_READ'], module: './camera.js' },
  { path: 'wall', label: 'Live', needs: ['LIVE'], module: './wall.js' },
  { path: 'investigate', label: 'Investigate', needs: ['REGISTRY_READ', 'FOOTAGE'], module: './investigate.js' },
  { path: 'install', label: 'Install', needs: ['INSTALL'], module: './installer.js' },
  { path: 'admin', label: 'Admin', needs: ['USERS_ADMIN'], module: './admin.js' },
];

const session = new Session();
const view = document.getElementById('view');
let login;
const api = new Api(session, () => login.again());
login = new Login(api, session);
let cleanup = null;

function allowed(section) {
  return section.needs.every(p => session.can(p));
}

function home() {
  const order = session.can('FOOTAGE') && !session.can('USERS_ADMIN') ? ['investigate', 'ops']
    : session.can('INSTALL') && !session.can('USERS_ADMIN') ? ['install', 'ops'] : ['ops', 'investigate', 'install'];
  const first = order.map(p => SECTIONS.find(s => s.path === p)).find(allowed);
  return first ? first.path : null;
}

function drawShell() {
  const shell = document.getElementById('shell');
  shell.hidden = false;
  const links = SECTIONS.filter(s => s.label && allowed(s)).map(s =>
    el('a', { href: '#/' + s.path, dataset: { section: s.path } }, s.label));
  fill(document.getElementById('nav'), links);
  const roles = session.grants.map(g => g.role + '@' + g.site).join(', ');
  fill(document.getElementById('who'), el('span', session.user), el('small', roles));
}

async function route() {
  if (!session.token) {
    await showLogin();
    return;
  }
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, ...rest] = hash.split('/');
  const section = SECTIONS.find(s => s.path === path);
  if (!section) {
    const start = home();
    if (start) {
      location.replace('#/' + start);
    } else {
      fill(view, el('p.notice', 'Your roles give you no section of this console.'));
    }
    return;
  }
  for (const link of document.querySelectorAll('#nav a')) {
    link.toggleAttribute('aria-current', link.dataset.section === (path === 'camera' ? 'ops' : path));
  }
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  if (!allowed(section)) {
    fill(view, el('section', el('h1', 'Not available'),
      el('p.notice', 'Your roles do not include this section; ask an administrator for a role that does.')));
    return;
  }
  const module = await import(section.module);
  view.replaceChildren();
  view.dataset.section = section.path;
  cleanup = await module.render({ api, session, navigate }, view, rest.map(decodeURIComponent)) || null;
  view.focus({ preventScroll: true });
}

function navigate(hash) {
  location.hash = hash;
}

async function showLogin(message) {
  document.getElementById('shell').hidden = true;
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  await login.page(view, message);
  await start();
}

async function start() {
  if (!session.token) {
    await showLogin();
    return;
  }
  try {
    const me = await api.get('/api/v1/me', {});
    session.refresh(me);
  } catch (e) {
    session.clear();
    await showLogin(e.status === 401 ? 'Your session has ended; log in again.' : e.message);
    return;
  }
  if (session.mustChangePassword) {
    const form = login.changeForm('', () => start());
    fill(view, el('section.login', el('h1', 'Wardnet'), form));
    return;
  }
  drawShell();
  await route();
}

document.getElementById('logout').addEventListener('click', async () => {
  try {
    await api.post('/api/v1/logout', undefined);
  } catch {
    // the session may have ended already; either way it is gone here
  }
  session.clear();
  location.hash = '';
  await showLogin('Logged out.');
});

window.addEventListener('hashchange', () => { if (session.token) route(); });
// A 401 while starting (forged or expired token) must land on the login page, not on a dialog.
api.onExpired = () => Promise.reject(Object.assign(new Error('session ended'), { status: 401 }));
start().finally(() => { api.onExpired = () => login.again(); });
