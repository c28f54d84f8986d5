import { el, field, fill } from './dom.js';
import { handleForm } from './forms.js';

/**
 * The login form, and the forced change of a generated first password. As a page it fills the
 * view; after the session ended it opens as a modal dialog over the page, which keeps what was
 * typed there, and the interrupted request goes on once the user is back.
 */
export class Login {
  constructor(api, session) {
    this.api = api;
    this.session = session;
    this.pending = null;
  }

  /** Shows the login page in container; resolves once logged in (and the password is the user's own). */
  page(container, message) {
    return new Promise(resolve => {
      fill(container, el('section.login', el('h1', 'Wardnet'), message ? el('p.notice', message) : null,
        this.form(() => resolve())));
      container.querySelector('input[name=user]').focus();
    });
  }

  /** Opens the login dialog after the session expired; resolves once logged in again. */
  again() {
    if (this.pending) return this.pending;
    this.pending = new Promise(resolve => {
      const dialog = el('dialog.login-dialog', { 'aria-labelledby': 'relogin-title' });
      const done = () => {
        dialog.close();
        dialog.remove();
        this.pending = null;
        resolve();
      };
      fill(dialog, el('h2#relogin-title', 'Your session has ended'),
        el('p', 'Log in again to go on; what you typed on the page is kept.'), this.form(done, this.session.user));
      dialog.addEventListener('cancel', event => event.preventDefault());
      document.body.append(dialog);
      dialog.showModal();
      dialog.querySelector(this.session.user ? 'input[name=password]' : 'input[name=user]').focus();
    });
    return this.pending;
  }

  form(onDone, knownUser) {
    const user = el('input', { name: 'user', autocomplete: 'username', required: true, value: knownUser || '' });
    const password = el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const form = el('form.login-form', { 'aria-label': 'Log in' },
      field('User', user), field('Password', password), el('button', { type: 'submit' }, 'Log in'));
    handleForm(form, async values => {
      performance.mark('wardnet:login-submitted');
      const answer = await this.api.post('/api/v1/login', { user: values.user, password: values.password },
        { anonymous: true });
      this.session.keep(answer);
      if (answer.mustChangePassword) {
        form.replaceWith(this.changeForm(values.password, onDone));
        return;
      }
      onDone();
    });
    return form;
  }

  /** The forced change of a generated password: nothing else works until it is done. */
  changeForm(current, onDone) {
    // no minlength here: the server's rule is the one shown, next to the field
    const fresh = el('input', { name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true });
    const repeat = el('input', { name: 'repeat', type: 'password', autocomplete: 'new-password', required: true });
    // after a reload the generated password is not known any more: it is asked for again
    const known = current ? null : el('input', { name: 'currentPassword', type: 'password',
      autocomplete: 'current-password', required: true });
    const form = el('form.login-form', { 'aria-label': 'Choose your password' },
      el('p.notice', 'This account has a generated password. Choose your own (at least 12 characters) to go on.'),
      known ? field('Generated password', known) : null,
      field('New password', fresh), field('Repeat the new password', repeat),
      el('button', { type: 'submit' }, 'Set password'));
    handleForm(form, async values => {
      if (values.newPassword !== values.repeat) {
        const slot = document.getElementById(repeat.id + '-error');
        slot.textContent = 'the two passwords differ';
        repeat.setAttribute('aria-invalid', 'true');
        repeat.focus();
        return;
      }
      await this.api.put('/api/v1/me/password', { currentPassword: current || values.currentPassword,
        newPassword: values.newPassword });
      const me = await this.api.get('/api/v1/me');
      this.session.refresh(me);
      onDone();
    });
    setTimeout(() => (known || fresh).focus(), 0);
    return form;
  }
}
