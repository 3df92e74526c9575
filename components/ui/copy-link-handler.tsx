'use client';

import { useEffect, useRef, useState } from 'react';

/** Copies with the Clipboard API, or through a selected textarea where that API is unavailable. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/**
 * Handles every `button[data-copy-link]` on the page: copies the absolute URL,
 * shows "Copied" on the button for two seconds (data-copied, styled in CSS)
 * and says so once through a polite live region.
 */
export function CopyLinkHandler() {
  const [message, setMessage] = useState('');
  const timers = useRef(new Map<Element, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    async function onClick(e: MouseEvent) {
      const button = (e.target as Element | null)?.closest?.('button[data-copy-link]');
      if (!(button instanceof HTMLButtonElement)) return;
      e.preventDefault();
      const url = new URL(button.dataset.copyLink ?? '', window.location.href).toString();
      const ok = await copyText(url);
      button.dataset.copied = ok ? 'true' : 'failed';
      setMessage(ok ? 'Link copied to the clipboard' : 'Could not copy the link');
      clearTimeout(pending.get(button));
      pending.set(
        button,
        setTimeout(() => {
          delete button.dataset.copied;
          pending.delete(button);
          setMessage('');
        }, 2000),
      );
    }
    document.addEventListener('click', onClick);
    document.documentElement.dataset.copyLinks = 'ready';
    return () => {
      document.removeEventListener('click', onClick);
      for (const t of pending.values()) clearTimeout(t);
    };
  }, []);
  return (
    <div role="status" aria-live="polite" className="sr-only">
      {message}
    </div>
  );
}
