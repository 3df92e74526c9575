/**
 * Untrusted text (transcripts, summaries) as paragraphs: blank lines split
 * paragraphs, single newlines stay line breaks. Always React text nodes.
 */
export function TextBlock({ text, className = 'whitespace-pre-line' }: { text: string; className?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className={className || undefined}>
          {p}
        </p>
      ))}
    </>
  );
}
