import { el } from './dom.js';
import { ApiError } from './api.js';

/**
 * Wires a form to an action. While the action runs, the form's buttons are disabled and a second
 * submit is ignored, so nothing is sent twice. A problem answer is shown where it belongs: each
 * field error next to the control named like the field, the rest at the top of the form.
 */
export function handleForm(form, action) {
  let busy = false;
  const summary = form.querySelector('.form-error') || el('p.form-error', { role: 'alert' });
  if (!summary.parentNode) form.prepend(summary);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    clearErrors(form, summary);
    const buttons = [...form.querySelectorAll('button, input[type=submit]')];
    buttons.forEach(b => { b.disabled = true; });
    form.setAttribute('aria-busy', 'true');
    try {
      await action(values(form), event.submitter);
    } catch (e) {
      showError(form, summary, e);
    } finally {
      busy = false;
      buttons.forEach(b => { b.disabled = false; });
      form.removeAttribute('aria-busy');
    }
  });
  return form;
}

/** The form's values by control name (checkboxes as booleans, empty text as absent). */
export function values(form) {
  const out = {};
  for (const control of form.elements) {
    if (!control.name || control.disabled && control.type !== 'hidden') continue;
    if (control.type === 'checkbox') out[control.name] = control.checked;
    else if (control.type === 'file') out[control.name] = control.files[0] || null;
    else if (control.value !== '') out[control.name] = control.value;
  }
  return out;
}

function clearErrors(form, summary) {
  summary.textContent = '';
  for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/** Shows an error on form: field errors by control name, the problem's detail on top. */
export function showError(form, summary, error) {
  if (!(error instanceof ApiError)) {
    summary.textContent = error.message || String(error);
    return;
  }
  const fields = error.fields;
  const unplaced = [];
  for (const [name, reason] of Object.entries(fields)) {
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`)
      || form.querySelector(`[name="${CSS.escape(name.split('.')[0])}"]`);
    const slot = control && document.getElementById(control.id + '-error');
    if (slot) {
      slot.textContent = reason;
      control.setAttribute('aria-invalid', 'true');
    } else {
      unplaced.push(name + ': ' + reason);
    }
  }
  const title = error.problem.title ? error.problem.title + ': ' : '';
  summary.textContent = title + (error.problem.detail || error.message)
    + (unplaced.length ? ' (' + unplaced.join('; ') + ')' : '');
  const first = form.querySelector('[aria-invalid]');
  if (first) first.focus();
}
