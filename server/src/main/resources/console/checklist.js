import { el } from './dom.js';

/** A verification report as a checklist: each step, its outcome, what it proves and the advice. */
export function checklist(report) {
  return el('table.checklist', { dataset: { passed: String(report.passed) } },
    el('caption', report.passed ? 'Verification passed' : 'Verification failed at ' + (report.firstFailure || '?')),
    el('thead', el('tr', el('th', { scope: 'col' }, 'Step'), el('th', { scope: 'col' }, 'Result'),
      el('th', { scope: 'col' }, 'Detail'), el('th', { scope: 'col' }, 'Advice'))),
    el('tbody', report.checks.map(check => el('tr', { dataset: { status: check.status } },
      el('th', { scope: 'row' }, check.step.replaceAll('_', ' ').toLowerCase()),
      el('td', el('span.badge', { dataset: { check: check.status } }, check.status)),
      el('td', check.detail, check.proves ? el('small.hint', check.proves) : null),
      el('td', check.advice || '')))));
}
