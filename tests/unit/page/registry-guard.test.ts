import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REGISTRY_CHECK_MS, RegistryGuard } from '../../../lib/page/registry-guard';

/** The shared registry as a page sees it: a map from names to highlights, which are sets of ranges. */
class FakeHighlight extends Set<AbstractRange> {}
let registry: Map<string, FakeHighlight>;
const range = () => ({}) as AbstractRange;

beforeEach(() => {
  vi.useFakeTimers();
  registry = new Map();
  vi.stubGlobal('CSS', { highlights: registry });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function painted(guard: RegistryGuard, name: string, count: number): FakeHighlight {
  const highlight = new FakeHighlight();
  registry.set(name, highlight);
  guard.track(name, highlight as unknown as Highlight);
  for (let i = 0; i < count; i++) {
    const r = range();
    highlight.add(r);
    guard.added(name, r);
  }
  return highlight;
}

describe('RegistryGuard', () => {
  it('puts the marks back within a second after a page clears the registry', () => {
    const guard = new RegistryGuard();
    const person = painted(guard, 'backstory-person', 3);
    registry.clear();
    vi.advanceTimersByTime(REGISTRY_CHECK_MS);
    expect(registry.get('backstory-person')).toBe(person);
    expect(person.size).toBe(3);
    guard.stop();
  });

  it('takes its name back from a highlight the page registered in its place', () => {
    const guard = new RegistryGuard();
    const country = painted(guard, 'backstory-country', 2);
    registry.set('backstory-country', new FakeHighlight());
    vi.advanceTimersByTime(REGISTRY_CHECK_MS);
    expect(registry.get('backstory-country')).toBe(country);
  });

  it('refills a highlight the page emptied, or into which it put ranges of its own', () => {
    const guard = new RegistryGuard();
    const saved = painted(guard, 'backstory-saved', 2);
    const own = [...saved];
    saved.clear();
    expect(guard.check()).toBe(1);
    expect([...saved]).toEqual(own);
    saved.add(range());
    expect(guard.check()).toBe(1);
    expect([...saved]).toEqual(own);
  });

  it('leaves an intact registry alone, follows the painter’s own removals, and stops when told', () => {
    const guard = new RegistryGuard();
    const place = painted(guard, 'backstory-place', 2);
    expect(guard.check()).toBe(0);
    const [first] = place;
    place.delete(first!);
    guard.removed('backstory-place', first!);
    expect(guard.check()).toBe(0);
    guard.stop();
    registry.clear();
    vi.advanceTimersByTime(REGISTRY_CHECK_MS * 4);
    expect(registry.size).toBe(0);
  });
});
