/**
 * A copy-link control, rendered on the server as a plain button: the one
 * CopyLinkHandler in the layout does the copying for every button on the page,
 * so a transcript of a thousand segments hydrates no component per segment.
 * One element: its name is its aria-label and its icon is drawn in CSS
 * (.copy-link), since there is one per transcript row.
 * Hidden when JavaScript is off (see the layout's noscript style).
 */
export function CopyLinkButton({ path, label }: { path: string; label: string }) {
  return <button type="button" className="copy-link" data-copy-link={path} title={label} aria-label={label} />;
}
