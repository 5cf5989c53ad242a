import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The current result of a Dexie query, kept up to date as the database changes (in any tab). */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (error) => console.error('Backstory query failed:', error) });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
