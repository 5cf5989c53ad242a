/**
 * A value made the first time it is asked for. The text code is evaluated on every page, in the task
 * that loads Backstory's marker: what a module would build at its top level (regular expressions with
 * Unicode properties, tables) is built instead when marking first needs it, in a slice of its own work.
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
