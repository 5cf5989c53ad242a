import { useEffect, useState } from 'preact/hooks';
import { watch } from '../../lib/store/live';

/** The current result of a query of the database, kept up to date as the database changes (in any tab). */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let subscription: { unsubscribe(): void } | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // Right after install the background may still be creating or upgrading the database: a page
    // opened then sees its first query fail, and tries again rather than stay empty.
    const subscribe = (attempt: number) => {
      subscription = watch(query, {
        next: setValue,
        error: (error) => {
          console.warn('Backstory query failed:', error);
          if (attempt < 10) retry = setTimeout(() => subscribe(attempt + 1), 300 * (attempt + 1));
        },
      });
    };
    subscribe(0);
    return () => {
      clearTimeout(retry);
      subscription?.unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
