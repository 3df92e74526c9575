import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAligned } from '@/db/search/index-parts';

describe('reading an index part a step at a time', () => {
  it('reads a large file whole, in several steps, into a buffer typed arrays can view', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-parts-'));
    try {
      const file = path.join(dir, 'store.bin');
      const data = Buffer.alloc(20 * 1024 * 1024 + 3);
      for (let i = 0; i < data.length; i += 4096) data[i] = (i / 4096) & 255;
      fs.writeFileSync(file, data);
      const steps = readAligned(file, data.length);
      let yields = 0;
      let step = steps.next();
      while (!step.done) {
        yields++;
        step = steps.next();
      }
      expect(yields).toBeGreaterThanOrEqual(2);
      expect(Buffer.from(step.value).equals(data)).toBe(true);
      expect(new Uint32Array(step.value, 8, 4).length).toBe(4);
      expect(() => [...readAligned(file, data.length + 1)]).toThrow(/store\.bin has \d+ bytes, expected/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
