/** See stored-rows.mjs. */
export function countStoredRows(): Promise<Record<string, number>>;
