import type { ResolutionReport } from './types';

/** Collects what the resolver decided, folded per show and label, for the import summary. */
export class ReportBuilder {
  private readonly merges = new Map<string, ResolutionReport['merged'][number]>();
  private readonly hosts: ResolutionReport['hostsInferred'] = [];
  private readonly voices = new Map<string, ResolutionReport['voices'][number]>();
  private readonly pseudo = new Map<string, ResolutionReport['notPeople'][number]>();

  merged(show: string | null, from: string, to: string): void {
    const key = `${show}\0${from}\0${to}`;
    const m = this.merges.get(key) ?? { show, from, to, documents: 0 };
    m.documents++;
    this.merges.set(key, m);
  }

  hostInferred(show: string | null, name: string, documents: number): void {
    this.hosts.push({ show, name, documents });
  }

  voice(show: string | null, label: string, seconds: number): void {
    const key = `${show}\0${label}`;
    const v = this.voices.get(key) ?? { show, label, documents: 0, maxSeconds: 0 };
    v.documents++;
    v.maxSeconds = Math.max(v.maxSeconds, seconds);
    this.voices.set(key, v);
  }

  notPerson(label: string): void {
    const p = this.pseudo.get(label) ?? { label, documents: 0 };
    p.documents++;
    this.pseudo.set(label, p);
  }

  build(): ResolutionReport {
    const byDocs = <T extends { documents: number }>(list: T[]) => list.sort((a, b) => b.documents - a.documents);
    return {
      merged: byDocs([...this.merges.values()]),
      hostsInferred: byDocs(this.hosts),
      voices: byDocs([...this.voices.values()]),
      notPeople: byDocs([...this.pseudo.values()]),
    };
  }
}
