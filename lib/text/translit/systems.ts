import { BELARUSIAN } from './belarusian';
import { KAZAKH } from './kazakh';
import { RUSSIAN } from './russian';
import type { RomanisationSystem } from './system';
import { UKRAINIAN } from './ukrainian';

/** Every romanisation system Backstory spells Cyrillic aliases by. */
export const SYSTEMS: readonly RomanisationSystem[] = [...RUSSIAN, ...UKRAINIAN, ...BELARUSIAN, ...KAZAKH];

export function systemById(id: string): RomanisationSystem {
  const system = SYSTEMS.find((s) => s.id === id);
  if (!system) throw new Error(`No romanisation system "${id}"`);
  return system;
}
