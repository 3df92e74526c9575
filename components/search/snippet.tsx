import { parseSnippet } from '@/lib/episode/snippet';

/** A search snippet as React text with <mark>s: the escaped text is never parsed as HTML. */
export function Snippet({ html }: { html: string }) {
  return (
    <>
      {parseSnippet(html).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
