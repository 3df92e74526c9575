import { describe, expect, it } from 'vitest';
import { fillNonceTemplate, makeNonceTemplate } from '@/lib/page-cache/nonce-template';

const OLD = '0123456789abcdef0123456789abcdef';
const NEW = 'fedcba9876543210fedcba9876543210';

describe('nonce templates', () => {
  it('puts the new nonce everywhere the render had its own, and changes nothing else', () => {
    const html = `<script nonce="${OLD}">a</script><p>text é ü</p><script nonce="${OLD}">["nonce","${OLD}"]</script>`;
    const filled = fillNonceTemplate(makeNonceTemplate(Buffer.from(html), OLD), NEW).toString();
    expect(filled).toBe(html.replaceAll(OLD, NEW));
    expect(filled).not.toContain(OLD);
  });

  it('handles a nonce at either end and a page without one', () => {
    const edge = `${OLD}middle${OLD}`;
    expect(fillNonceTemplate(makeNonceTemplate(Buffer.from(edge), OLD), NEW).toString()).toBe(`${NEW}middle${NEW}`);
    expect(fillNonceTemplate(makeNonceTemplate(Buffer.from('<p>no scripts</p>'), OLD), NEW).toString()).toBe('<p>no scripts</p>');
  });

  it('keeps multi-byte text intact around the nonce', () => {
    const html = `«${OLD}»—≈ 3:15`;
    expect(fillNonceTemplate(makeNonceTemplate(Buffer.from(html), OLD), NEW).toString('utf8')).toBe(`«${NEW}»—≈ 3:15`);
  });

  it('refuses nonces that are not hex, which could be escaped differently inside the page', () => {
    expect(() => makeNonceTemplate(Buffer.from('x'), 'bm9uY2U+Lw==')).toThrow(/hex/);
    expect(() => fillNonceTemplate(makeNonceTemplate(Buffer.from('x'), OLD), 'a"b')).toThrow(/hex/);
  });
});
