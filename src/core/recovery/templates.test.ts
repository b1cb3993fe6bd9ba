/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import connectionFile from '../../../templates/connection-request.txt?raw';
import feedbackFile from '../../../templates/feedback-request.txt?raw';
import referralAskFile from '../../../templates/referral-ask.txt?raw';
import thankYouFile from '../../../templates/thank-you.txt?raw';
import valueTouchFile from '../../../templates/value-touch.txt?raw';
import { parseTemplate, renderTemplate } from './render-template.ts';
import { DEFAULT_TEMPLATES } from './templates.ts';

// The files are imported as text by Vite, so this core test reads no files itself.
const files = {
  'feedback-request': feedbackFile,
  'thank-you': thankYouFile,
  'connection-request': connectionFile,
  'value-touch': valueTouchFile,
  'referral-ask': referralAskFile,
};

describe('templates', () => {
  it('ship the same words as plain files and as core defaults', () => {
    expect(Object.keys(files).sort()).toEqual(Object.keys(DEFAULT_TEMPLATES).sort());
    for (const [name, text] of Object.entries(files)) {
      expect(text.replace(/\r\n/g, '\n'), name).toBe(
        DEFAULT_TEMPLATES[name as keyof typeof DEFAULT_TEMPLATES],
      );
    }
  });

  it('render without "undefined" or leftover braces when nothing is known', () => {
    for (const [name, text] of Object.entries(DEFAULT_TEMPLATES)) {
      const { subject, body } = parseTemplate(text);
      const rendered = `${renderTemplate(subject ?? '', {}).text}\n${renderTemplate(body, {}).text}`;
      expect(rendered, name).not.toMatch(/undefined|null|\{\{|\}\}| ,/);
      expect(rendered, name).toMatch(/Hello,/);
    }
  });

  it('the emails have a subject and the connection note does not', () => {
    expect(parseTemplate(DEFAULT_TEMPLATES['feedback-request']).subject).toBeTruthy();
    expect(parseTemplate(DEFAULT_TEMPLATES['thank-you']).subject).toBeTruthy();
    expect(parseTemplate(DEFAULT_TEMPLATES['value-touch']).subject).toBeTruthy();
    expect(parseTemplate(DEFAULT_TEMPLATES['connection-request']).subject).toBeNull();
  });
});
