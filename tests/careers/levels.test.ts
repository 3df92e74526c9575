import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLevelMap } from '@/lib/careers/levels';
import { data } from './helpers';

const { levels } = data;
const step = (label: string, company?: string) => levels.resolve(label, company)?.key ?? null;

describe('the level map (content/levels.yaml)', () => {
  it('puts each company’s own name for a step on the same step as its code', () => {
    expect(step('E6', 'Meta')).toBe('staff');
    expect(step('staff engineer', 'Meta')).toBe('staff');
    expect(step('IC6', 'Meta')).toBe('staff');
    expect(step('M2', 'Meta')).toBe('m2');
    expect(step('senior manager', 'Meta')).toBe('m2');
    expect(step('SDE II', 'Amazon')).toBe('mid');
    expect(step('L5', 'Amazon')).toBe('mid');
    expect(step('SDM', 'Amazon')).toBe('m1');
    expect(step('partner', 'Microsoft')).toBe('principal');
  });

  it('makes the same step meet across companies', () => {
    const senior = [step('E5', 'Meta'), step('L5', 'Google'), step('SDE III', 'Amazon'), step('L6', 'Amazon'), step('63', 'Microsoft'), step('senior engineer')];
    expect(new Set(senior)).toEqual(new Set(['senior']));
    const staff = [step('E6', 'Meta'), step('L6', 'Google'), step('staff', 'Google'), step('65', 'Microsoft')];
    expect(new Set(staff)).toEqual(new Set(['staff']));
    const seniorStaff = [step('E7', 'Meta'), step('L7', 'Google'), step('principal', 'Amazon'), step('L7', 'Amazon'), step('67', 'Microsoft')];
    expect(new Set(seniorStaff)).toEqual(new Set(['senior-staff']));
    expect(step('L10', 'Google')).toBe('fellow');
    expect(step('70', 'Microsoft')).toBe('distinguished');
  });

  it('reads a code by the company it is said at, and not at all when it means different steps elsewhere', () => {
    expect(step('L4', 'Amazon')).toBe('junior');
    expect(step('L4', 'Google')).toBe('mid');
    expect(step('L4')).toBeNull();
    expect(step('principal')).toBe('principal');
    expect(step('principal', 'Amazon')).toBe('senior-staff');
    expect(step('principal', 'Microsoft')).toBe('staff');
  });

  it('orders the steps of each track and steps between them', () => {
    const staff = levels.step('staff')!;
    expect(levels.shift(staff, -1)?.key).toBe('senior');
    expect(levels.shift(levels.step('m1')!, 1)?.key).toBe('m2');
    expect(levels.step('m1')!.track).toBe('manager');
    expect(levels.shift(levels.step('fellow')!, 1)).toBeNull();
  });

  it('finds levels in text as whole words, codes only as written', () => {
    expect(levels.findLevels('went from E5 to E6 at Meta', 'Meta').map((h) => h.step.key)).toEqual(['senior', 'staff']);
    expect(levels.findLevels('the E50 bus and seniority').length).toBe(0);
    expect(levels.levelAt('em dashes', 0)).toBeNull();
    expect(levels.levelAt('a senior staff engineer', 0)?.step.key).toBe('senior-staff');
  });

  it('refuses a broken map with the file named', () => {
    expect(() => parseLevelMap('ladder-levels: 1\nsteps: {ic: [], manager: []}\n', 'bad-levels.yaml')).toThrow(/bad-levels\.yaml/);
    const text = fs.readFileSync(path.join(process.cwd(), 'content', 'levels.yaml'), 'utf8').replace('step: senior-staff}', 'step: nowhere}');
    expect(() => parseLevelMap(text, 'edited.yaml')).toThrow(/edited\.yaml.*unknown step "nowhere"/);
  });
});
