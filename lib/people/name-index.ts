import { cleanLabel, nameKey, stripAppearanceSuffix } from '../text/names';

interface NameInfo {
  display: string;
  forms: Map<string, number>;
  declared: boolean;
  docs: Set<string>;
}

/**
 * The full names known in one show: declared ones (front matter, sidecars) and
 * spoken labels of two or more words, each under the key its spellings share.
 * A first name (or a lone last name) finds its full name through it.
 */
export class NameIndex {
  private readonly names = new Map<string, NameInfo>();
  private byPart: Map<string, string[]> | null = null;

  add(raw: string, docId: string, declared: boolean): string {
    const key = nameKey(raw);
    const display = stripAppearanceSuffix(cleanLabel(raw));
    let info = this.names.get(key);
    if (!info) {
      info = { display, forms: new Map(), declared: false, docs: new Set() };
      this.names.set(key, info);
      this.byPart = null;
    }
    info.forms.set(display, (info.forms.get(display) ?? 0) + 1);
    info.docs.add(docId);
    if (declared && !info.declared) {
      info.declared = true;
      info.display = display;
    }
    return key;
  }

  has(key: string): boolean {
    return this.names.has(key);
  }

  /** The declared spelling, else the one written most often. */
  display(key: string): string {
    const info = this.names.get(key);
    if (!info) return key;
    if (info.declared) return info.display;
    let best = info.display;
    let n = -1;
    for (const [form, count] of info.forms) if (count > n) [best, n] = [form, count];
    return best;
  }

  documents(key: string): number {
    return this.names.get(key)?.docs.size ?? 0;
  }

  /** Full names whose first or last word is `word` (a one-word key). */
  withPart(word: string): string[] {
    if (!this.byPart) {
      this.byPart = new Map();
      for (const key of this.names.keys()) {
        const parts = key.split(' ');
        if (parts.length < 2) continue;
        for (const part of new Set([parts[0]!, parts[parts.length - 1]!])) {
          const list = this.byPart.get(part) ?? [];
          list.push(key);
          this.byPart.set(part, list);
        }
      }
    }
    return this.byPart.get(word) ?? [];
  }
}
