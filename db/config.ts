import path from 'node:path';

/** Where the database lives: LADDER_DB, else data/ladder.db under the working directory. */
export function resolveDbPath(explicit?: string): string {
  // a runtime path chosen by the operator: the bundler must not trace the project for it
  return path.resolve(/*turbopackIgnore: true*/ explicit ?? process.env.LADDER_DB ?? path.join('data', 'ladder.db'));
}

/** The search index sits beside the database it was built from. */
export function resolveIndexDir(dbPath: string): string {
  return `${dbPath}.search`;
}

/** Content folders: LADDER_CONTENT (separated by the path delimiter or commas), else content/. */
export function resolveContentDirs(explicit?: string[]): string[] {
  if (explicit && explicit.length > 0) return explicit.map((p) => path.resolve(p));
  const env = process.env.LADDER_CONTENT;
  if (env) {
    return env
      .split(new RegExp(`[${path.delimiter},]`))
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => path.resolve(p));
  }
  return [path.resolve('content')];
}

/** The topic taxonomy: LADDER_TOPICS, else content/topics.yaml of this project (whatever folder is imported). */
export function resolveTaxonomyPath(explicit?: string): string {
  const chosen = explicit ?? process.env.LADDER_TOPICS;
  // a runtime path chosen by the operator: the bundler must not trace the project for it
  return chosen ? path.resolve(/*turbopackIgnore: true*/ chosen) : path.join(process.cwd(), 'content', 'topics.yaml');
}
