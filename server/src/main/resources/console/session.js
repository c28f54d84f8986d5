// Who is logged in, held for this tab only (sessionStorage: gone when the tab closes, never in a
// URL). What each role may do mirrors the server's roles so the console shows only what a user can
// use; the server still decides every request.

const KEY = 'wardnet.session';

const ALL = ['HEALTH_READ', 'REGISTRY_READ', 'SITES_WRITE', 'CAMERAS_WRITE', 'INSTALL', 'RECORDING', 'FOOTAGE',
  'LIVE', 'INVESTIGATE', 'TRACK_SETUP', 'AUDIT_READ', 'USERS_ADMIN'];
// admin holds every permission but SYNC, which only tier nodes' accounts carry

export const ROLE_PERMISSIONS = {
  admin: ALL,
  operator: ['HEALTH_READ', 'REGISTRY_READ', 'SITES_WRITE', 'RECORDING', 'LIVE'],
  installer: ['HEALTH_READ', 'REGISTRY_READ', 'CAMERAS_WRITE', 'INSTALL', 'TRACK_SETUP'],
  investigator: ['HEALTH_READ', 'REGISTRY_READ', 'FOOTAGE', 'LIVE', 'INVESTIGATE'],
  viewer: ['HEALTH_READ', 'LIVE'],
  node: ['SYNC'],
};

export class Session {
  constructor(storage = window.sessionStorage) {
    this.storage = storage;
    this.state = null;
    try {
      this.state = JSON.parse(storage.getItem(KEY) || 'null');
    } catch {
      this.state = null;
    }
  }

  get token() { return this.state ? this.state.token : null; }
  get user() { return this.state ? this.state.user : null; }
  get grants() { return this.state ? this.state.grants || [] : []; }
  get mustChangePassword() { return !!(this.state && this.state.mustChangePassword); }

  /** Keeps a login's answer (token, user, grants). */
  keep(answer) {
    this.state = { token: answer.token, user: answer.user, grants: answer.grants,
      mustChangePassword: answer.mustChangePassword, expiresAt: answer.expiresAt };
    this.storage.setItem(KEY, JSON.stringify(this.state));
  }

  /** Updates what /api/v1/me says about the user, keeping the token. */
  refresh(me) {
    if (!this.state) return;
    this.state.grants = me.grants;
    this.state.mustChangePassword = me.mustChangePassword;
    this.storage.setItem(KEY, JSON.stringify(this.state));
  }

  clear() {
    this.state = null;
    this.storage.removeItem(KEY);
  }

  /** Whether some grant of the user carries permission. */
  can(permission) {
    return this.grants.some(g => (ROLE_PERMISSIONS[g.role] || []).includes(permission));
  }

  /** Whether the user holds permission on the whole district. */
  districtWide(permission) {
    return this.grants.some(g => g.site === '*' && (ROLE_PERMISSIONS[g.role] || []).includes(permission));
  }

  /** The site ids where the user holds permission ('*' for the district). */
  sitesFor(permission) {
    return this.grants.filter(g => (ROLE_PERMISSIONS[g.role] || []).includes(permission)).map(g => g.site);
  }
}
