import { notifications } from '@mantine/notifications';
import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Puts text on the clipboard. The Clipboard API first; where the page may not use it (a hosted
 * server reached over plain http is not a secure context) or the browser refuses it (a page
 * without focus), a hidden, selected text area and the browser's own copy command. True when
 * one of them worked.
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused: try the copy command below.
    }
  }
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  Object.assign(area.style, { position: 'fixed', top: '0', left: '0', opacity: '0', pointerEvents: 'none' });
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  previous?.focus();
  return copied;
}

/**
 * A copy button's state: `copied` for a moment after a copy that worked, and a notice that says
 * what to do by hand when the browser allows neither way of copying (Mantine's CopyButton fails
 * silently there).
 */
export function CopyButton({
  value,
  timeout = 2000,
  byHand = 'Select the text and press Ctrl+C (⌘C on a Mac).',
  children,
}: {
  value: string;
  timeout?: number;
  /** How to copy it by hand when the browser refuses, shown after "Your browser did not allow it." */
  byHand?: string;
  children: (state: { copied: boolean; copy: () => void }) => ReactNode;
}) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = () => {
    void copyText(value).then((ok) => {
      if (!ok) {
        notifications.show({
          color: 'red',
          title: 'Could not copy',
          message: `Your browser did not allow it. ${byHand}`,
        });
        return;
      }
      window.clearTimeout(timer.current);
      setCopied(true);
      timer.current = window.setTimeout(() => setCopied(false), timeout);
    });
  };
  return <>{children({ copied, copy })}</>;
}
