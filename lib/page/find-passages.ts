import { anchorSliced, anchorWithInfo, createTextIndex, createTextIndexSliced, describe, Slicer, UI_ATTRIBUTE, type Selector, type TextIndex } from '../anchoring';
import type { PassageFinder, SavedPassage } from './saved-passages';

/** How many times one anchoring pass reads the page's text again because the page changed. */
const MAX_REREADS = 5;

/**
 * Finds saved passages in a page, and describes a selection for saving: anchoring's side of
 * SavedPassages (lib/page/saved-passages.ts). Its code (lib/anchoring, approx-string-match) is what
 * the marker does not carry: the content script loads it (entrypoints/page-saved.ts) only on a page
 * with saved passages, or when the reader saves one.
 */
export const passageFinder: PassageFinder = {
  describe(range, root) {
    const selectors = describe(range, root);
    return { quote: selectors[0].exact, selectors };
  },
  find: findPassages,
};

/**
 * Finds every passage without holding the page for long: the page's text is read in slices, passages
 * are anchored a slice at a time (`begin` is called before the first), and the passages each slice
 * found are handed to `show` together before the page gets the main thread back. If the page's text changes meanwhile, it is read again
 * before the next passage. Returns the passages not found, or null when the pass was cancelled.
 */
async function findPassages(
  root: Node,
  passages: SavedPassage[],
  { cancelled, begin, show, pause, sliceMs }: Parameters<PassageFinder['find']>[2],
): Promise<SavedPassage[] | null> {
  // Whether the page's text changed since it was last read. Records reach the callback at the end
  // of the task that made them, before anchoring goes on after a pause; takeRecords() has the rest.
  let textChanged = false;
  const changes = new MutationObserver((records) => (textChanged ||= records.some(changesText)));
  const pageChanged = () => {
    textChanged ||= changes.takeRecords().some(changesText);
    const answer = textChanged;
    textChanged = false;
    return answer;
  };
  changes.observe(root, { childList: true, characterData: true, subtree: true });
  try {
    const readText = () => createTextIndexSliced(root, { pause, sliceMs, cancelled, compact: true });
    let index: TextIndex | null = await readText();
    if (!index) return null;
    // Anchoring starts in a task of its own, not at the end of the last slice of reading.
    await pause();
    if (cancelled()) return null;
    begin();
    const orphaned: SavedPassage[] = [];
    let found: [SavedPassage, Range][] = [];
    let rereads = 0;
    // One slicer for the loop and the anchoring it calls: a long quote is matched in steps, and each
    // slice's highlights are painted before the page gets the main thread back.
    const slicer = new Slicer(
      async () => {
        show(found);
        found = [];
        await pause();
      },
      sliceMs,
      cancelled,
    );
    // A page that keeps changing is read again a few times at most; past that, a passage whose text
    // moved under the index is found with a fresh one (below).
    const readAgainIfChanged = async (): Promise<boolean> => {
      if (rereads >= MAX_REREADS || !pageChanged()) return false;
      rereads++;
      index = await readText();
      if (!index) return true;
      await pause();
      slicer.restart();
      return true;
    };
    for (const passage of passages) {
      await readAgainIfChanged();
      if (!index || cancelled()) return null;
      const selectors = passage.selectors as Selector[];
      let range: Range | null;
      for (;;) {
        try {
          range = (await anchorSliced(root, selectors, { index, slicer }))?.range ?? null;
        } catch {
          // The text index no longer matches the page's nodes: a fresh one, and no pause that would let the page change again.
          index = createTextIndex(root);
          range = anchorWithInfo(root, selectors, { index })?.range ?? null;
          break;
        }
        // A long quote is matched with pauses, during which the page may have changed: then again.
        if (!(await readAgainIfChanged())) break;
        if (!index || cancelled()) return null;
      }
      if (cancelled()) return null;
      if (range) found.push([passage, range]);
      else orphaned.push(passage);
      if (!(await slicer.breathe())) return null;
    }
    show(found);
    return orphaned;
  } finally {
    changes.disconnect();
  }
}

/** Whether a mutation can have changed the page's text (Backstory's own UI aside). */
function changesText(record: MutationRecord): boolean {
  const inOwnUi = (node: Node) => (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.closest(`[${UI_ATTRIBUTE}]`) != null;
  if (record.type === 'characterData') return !inOwnUi(record.target);
  return [...record.addedNodes, ...record.removedNodes].some((node) => !inOwnUi(node) && !inOwnUi(record.target));
}
