import fs from 'node:fs';
import path from 'node:path';
import { parseGazetteer } from '@/lib/careers/companies';
import type { CareerData } from '@/lib/careers/input';
import { parseLevelMap } from '@/lib/careers/levels';

/** The level map and company gazetteer: LADDER_LEVELS / LADDER_COMPANIES, else content/ of this project. */
export function careerDataPaths(): { levels: string; companies: string } {
  const content = path.join(process.cwd(), 'content');
  return {
    // runtime paths chosen by the operator: the bundler must not trace the project for them
    levels: process.env.LADDER_LEVELS ? path.resolve(/*turbopackIgnore: true*/ process.env.LADDER_LEVELS) : path.join(content, 'levels.yaml'),
    companies: process.env.LADDER_COMPANIES ? path.resolve(/*turbopackIgnore: true*/ process.env.LADDER_COMPANIES) : path.join(content, 'companies.yaml'),
  };
}

/** Read both files now (tests and the eval read a fresh copy). */
export function loadCareerData(): CareerData {
  const p = careerDataPaths();
  return {
    levels: parseLevelMap(fs.readFileSync(p.levels, 'utf8'), p.levels),
    companies: parseGazetteer(fs.readFileSync(p.companies, 'utf8'), p.companies),
  };
}

let loaded: { key: string; data: CareerData } | null = null;

/** The level map and gazetteer, read again only when a file changed (the importer and the site share it). */
export function currentCareerData(): CareerData {
  const p = careerDataPaths();
  const key = [p.levels, p.companies].map((f) => `${f}:${fs.statSync(f).mtimeMs}`).join('|');
  if (loaded?.key !== key) loaded = { key, data: loadCareerData() };
  return loaded.data;
}
