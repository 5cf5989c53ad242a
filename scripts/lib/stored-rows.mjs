/**
 * Counts the rows of the extension's knowledge base with plain IndexedDB, in an extension page or the
 * service worker (pass it to `evaluate`): the reader's rows in their tables, plus a pack's rows in its
 * parts (lib/store/pack-parts.ts), where e/ parts hold entities, a/ aliases, f/ relations (each once)
 * and s/ statements, as UTF-8 JSON. Self-contained, as `evaluate` sends only its source. Used by the
 * bench and the end-to-end tests.
 * @returns {Promise<Record<string, number>>}
 */
export function countStoredRows() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('backstory');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const stores = ['entities', 'aliases', 'relations', 'statements', 'packs'];
      const tx = db.transaction([...stores, 'packParts'], 'readonly');
      /** @type {Record<string, number>} */
      const out = { entities: 0, aliases: 0, relations: 0, statements: 0, packs: 0 };
      for (const store of stores) {
        const count = tx.objectStore(store).count();
        count.onsuccess = () => (out[store] += count.result);
      }
      /** @type {Record<string, string>} */
      const inParts = { e: 'entities', a: 'aliases', f: 'relations', s: 'statements' };
      const decoder = new TextDecoder();
      const cursor = tx.objectStore('packParts').openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return;
        const store = inParts[at.value.part.split('/')[0]];
        if (store) out[store] += JSON.parse(decoder.decode(at.value.rows)).length;
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
