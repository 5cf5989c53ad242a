/**
 * Counts the rows of the extension's knowledge base with plain IndexedDB, in an extension page or the
 * service worker (pass it to `evaluate`): the reader's rows in their tables, plus a pack's rows in its
 * parts (lib/store/pack-parts.ts), where e/ parts hold entities, a/ aliases, f/ relations (each once)
 * and s/ statements. Self-contained, as `evaluate` sends only its source.
 */
export function countStoredRows(): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('backstory');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const stores = ['entities', 'aliases', 'relations', 'statements', 'packs'];
      const tx = db.transaction([...stores, 'packParts'], 'readonly');
      const out: Record<string, number> = { entities: 0, aliases: 0, relations: 0, statements: 0, packs: 0 };
      for (const store of stores) {
        const count = tx.objectStore(store).count();
        count.onsuccess = () => (out[store] += count.result);
      }
      const inParts: Record<string, string> = { e: 'entities', a: 'aliases', f: 'relations', s: 'statements' };
      const decoder = new TextDecoder();
      const cursor = tx.objectStore('packParts').openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return;
        const store = inParts[(at.value.part as string).split('/')[0]!];
        // A part's rows are UTF-8 JSON.
        if (store) out[store] += (JSON.parse(decoder.decode(at.value.rows as Uint8Array)) as unknown[]).length;
        at.continue();
      };
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
