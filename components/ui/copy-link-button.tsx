/**
 * A copy-link control, rendered on the server as a plain button: the one
 * CopyLinkHandler in the layout does the copying for every button on the page,
 * so a transcript of a thousand segments hydrates no component per segment.
 * Hidden when JavaScript is off (see the layout's noscript style).
 */
export function CopyLinkButton({ path, label }: { path: string; label: string }) {
  return (
    <button type="button" className="copy-link" data-copy-link={path} title={label}>
      <span className="sr-only">{label}</span>
      <svg aria-hidden="true">
        <use href="#icon-link" />
      </svg>
    </button>
  );
}
