/** The named entities every decoder here understands. */
export const BASIC_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Turns HTML character references back into characters: named ones from
 * `named` (case-insensitive), decimal and hex ones for any valid code point.
 * Unknown or invalid references stay as written.
 */
export function decodeHtmlEntities(text: string, named: Readonly<Record<string, string>> = BASIC_ENTITIES): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] !== '#') return named[body.toLowerCase()] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
