import type { Page } from 'playwright-core';

/** The viewport box of the first element with this class inside Backstory's closed shadow root (DevTools protocol), or null. */
export async function uiElementBox(page: Page, className: string): Promise<{ top: number; bottom: number; left: number; right: number } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type DomNode = { nodeId: number; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
    const hasClass = (node: DomNode) => {
      const at = node.attributes?.indexOf('class') ?? -1;
      return at >= 0 && node.attributes![at + 1]!.split(/\s+/).includes(className);
    };
    const find = (node: DomNode): DomNode | undefined => {
      if (hasClass(node)) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const node = find(root as DomNode);
    if (!node) return null;
    const box = await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId }).catch(() => null);
    if (!box) return null;
    const xs = box.model.border.filter((_, i) => i % 2 === 0);
    const ys = box.model.border.filter((_, i) => i % 2 === 1);
    return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
  } finally {
    await cdp.detach();
  }
}
