/**
 * Runs on known applicant-tracking pages, only when the user turned on "mark as applied" in the
 * options (off by default). When an application form is sent, it hands a snapshot of the page
 * (without any form field, so nothing typed leaves the page) to the background, which marks the
 * saved application applied, or saves it as applied.
 */
import { snapshotPage } from '../../src/core/clipper/page-snapshot.ts';
import { ext } from './ext.ts';

const SUBMIT_WORDS = /\b(submit|send)\b.*\bapplication\b|\bapply now\b|^\s*submit\s*$/i;
let reported = false;

function report() {
  if (reported) return;
  reported = true;
  void ext.runtime.sendMessage({ type: 'application-submitted', page: snapshotPage(4_500_000) });
}

/** A form that asks for an e-mail address or a file (a resume), or calls itself an application. */
function isApplicationForm(form: HTMLFormElement): boolean {
  const named = `${form.id} ${form.className} ${form.getAttribute('action') ?? ''}`;
  return /appl/i.test(named) || form.querySelector('input[type="email"], input[type="file"]') !== null;
}

document.addEventListener(
  'submit',
  (event) => {
    if (event.target instanceof HTMLFormElement && isApplicationForm(event.target)) report();
  },
  true,
);

// Some boards send the form from a script without a submit event: the button's words tell.
document.addEventListener(
  'click',
  (event) => {
    const button = (event.target as Element | null)?.closest('button, input[type="submit"], [role="button"]');
    if (!button || button.closest('form') !== null) return;
    const words = button instanceof HTMLInputElement ? button.value : (button.textContent ?? '');
    if (SUBMIT_WORDS.test(words)) report();
  },
  true,
);
