import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityCard } from '../../../components/page/EntityCard';
import { BackstoryDatabase } from '../../../lib/store/db';
import type { Pack } from '../../../lib/store/pack-validation';
import { importPack } from '../../../lib/store/packs';
import { loadDossier } from '../../../lib/store/queries';

let container: HTMLElement;
let db: BackstoryDatabase;
let counter = 0;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-06T12:00:00Z'));
  container = document.createElement('div');
  document.body.append(container);
  db = new BackstoryDatabase(`many-packs-card-${++counter}`);
  await db.open();
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

const pack = (id: string, title: string, asOf: string, role: string, source: string): Pack => ({
  format: 'backstory-pack',
  version: 1,
  id,
  title,
  entities: [{ id: 'aidos', kind: 'person', name: 'Aidos Example', aliases: [], asOf, roles: [{ title: role }], sources: [{ title: source }] }],
});

describe('the card of an entity two packs hold', () => {
  it('shows both current roles with their packs, newest as-of first, and each pack’s source', async () => {
    await importPack(db, pack('older', 'Older pack', '2025-02', 'Minister of Energy', 'Energy yearbook'), { now: 1 });
    await importPack(db, pack('newer', 'Newer pack', '2026-09', 'Prime Minister', 'Government register'), { now: 2 });
    render(<EntityCard dossier={(await loadDossier(db, 'aidos'))!} />, container);
    const roles = [...container.querySelectorAll('.pack-roles li')].map((li) => li.textContent);
    expect(roles).toEqual(['Prime Minister — Newer pack, as of Sept 2026', 'Minister of Energy — Older pack, as of Feb 2025']);
    expect(container.querySelector('.role')?.textContent).toBe('Prime Minister');
    const provenance = container.querySelector('.provenance')?.textContent ?? '';
    expect(provenance).toContain('From Newer pack, Older pack');
    expect(provenance).toContain('Government register');
    expect(provenance).toContain('Energy yearbook');
  });
});
