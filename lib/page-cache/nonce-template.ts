/**
 * A rendered page held as the text around its CSP nonce, so every response can
 * carry a nonce of its own. The nonce a page was rendered with is random per
 * render and hex only, so it cannot be predicted by the text of a transcript,
 * and it appears in the HTML exactly as written (no escaping changes hex).
 */
export interface NonceTemplate {
  /** the page split at each occurrence of the render's nonce */
  parts: Buffer[];
  bytes: number;
}

const HEX_NONCE = /^[0-9a-f]{32,}$/;

export function makeNonceTemplate(html: Buffer, nonce: string): NonceTemplate {
  if (!HEX_NONCE.test(nonce)) throw new Error('a page template needs the hex nonce it was rendered with');
  const needle = Buffer.from(nonce, 'latin1');
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = html.indexOf(needle, from); at !== -1; at = html.indexOf(needle, from)) {
    parts.push(html.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(html.subarray(from));
  return { parts, bytes: html.length };
}

/** The page with `nonce` wherever the render's nonce was. */
export function fillNonceTemplate(template: NonceTemplate, nonce: string): Buffer {
  if (!HEX_NONCE.test(nonce)) throw new Error('a page nonce must be hex');
  const needle = Buffer.from(nonce, 'latin1');
  const chunks: Buffer[] = [];
  template.parts.forEach((part, i) => {
    if (i > 0) chunks.push(needle);
    chunks.push(part);
  });
  return Buffer.concat(chunks);
}
