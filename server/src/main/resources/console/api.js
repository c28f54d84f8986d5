// The one way the console talks to the server: JSON over fetch with the session's bearer token.
// A problem answer (RFC 9457) becomes an ApiError carrying its detail and field errors. A 401 on
// a request that had a token means the session ended: the login dialog is shown over the page,
// which keeps everything typed, and the request is sent again once the user is back.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }

  /** Field errors as {field: reason}. */
  get fields() {
    const out = {};
    for (const e of this.problem.errors || []) {
      if (e.field) out[e.field] = out[e.field] ? out[e.field] + '; ' + e.reason : e.reason;
    }
    return out;
  }
}

export class Api {
  /**
   * @param session the Session whose token is sent
   * @param onExpired called on a 401 with a token; resolves once logged in again (then the request
   *   is retried), or rejects
   */
  constructor(session, onExpired) {
    this.session = session;
    this.onExpired = onExpired;
  }

  get(path, options) { return this.request('GET', path, options); }
  post(path, json, options) { return this.request('POST', path, { ...options, json }); }
  put(path, json, options) { return this.request('PUT', path, { ...options, json }); }
  del(path, options) { return this.request('DELETE', path, options); }

  /** A fetch with the token; answers the parsed JSON (null for 204), or the Response when raw. */
  async request(method, path, options = {}) {
    const response = await this.send(method, path, options);
    if (options.raw) return response;
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
  }

  async send(method, path, options = {}, retried = false) {
    const headers = { Accept: 'application/json, application/problem+json', ...(options.headers || {}) };
    const token = this.session.token;
    if (token && !options.anonymous) headers.Authorization = 'Bearer ' + token;
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.contentType) {
      headers['Content-Type'] = options.contentType;
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body, signal: options.signal, cache: 'no-store' });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, { title: 'Unreachable', detail: 'the server did not answer (' + e.message + ')' });
    }
    if (response.status === 401 && token && !options.anonymous && !retried && this.onExpired) {
      await this.onExpired();
      return this.send(method, path, options, true);
    }
    if (!response.ok && !(options.raw && response.status < 400)) {
      let problem = null;
      try {
        problem = await response.json();
      } catch {
        problem = { title: response.statusText, detail: 'HTTP ' + response.status };
      }
      throw new ApiError(response.status, problem);
    }
    return response;
  }

  /** Fetches a binary answer with the token and hands back a blob: URL (for images and downloads). */
  async objectUrl(path) {
    const response = await this.send('GET', path, { headers: { Accept: '*/*' } });
    return URL.createObjectURL(await response.blob());
  }

  /** Downloads path as a file named name (the token goes in the header, never in the link). */
  async download(path, name) {
    const url = await this.objectUrl(path);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
}
