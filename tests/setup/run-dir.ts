import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    /** a folder shared by every test file of one run, removed at its end */
    runDir: string;
  }
}

/**
 * One folder per test run, shared by its test files: the real archive is
 * imported into it once per run (tests/support/real-archive.ts), by whichever
 * test asks first, not once per test file.
 */
export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-run-'));
  project.provide('runDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
