/**
 * Two places where happy-dom departs from the DOM standard and DOMPurify depends on it. Unfixed,
 * DOMPurify under happy-dom removes every element it meets and stops after the first, returning
 * script and handlers untouched. Import this before DOMPurify is first imported: an instance reads
 * these functions when it is created.
 *
 * 1. DOMPurify reads names through Node.prototype's nodeName getter (so that a form's `name="nodeName"`
 *    input cannot fool it). Browsers answer there for every node; happy-dom answers '' and puts the
 *    real getter on each subclass.
 * 2. A NodeIterator whose current node is removed must step back to the node before it, so that what
 *    follows (DOMPurify's hoisted children included) is still visited. happy-dom's iterator is a
 *    TreeWalker, which walks on inside the removed node and stops.
 */

Object.defineProperty(Node.prototype, 'nodeName', {
  configurable: true,
  get(this: Node): string {
    for (let proto = Object.getPrototypeOf(this); proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto)) {
      const getter = Object.getOwnPropertyDescriptor(proto, 'nodeName')?.get;
      if (getter) return getter.call(this) as string;
    }
    return '';
  },
});

function following(node: Node, root: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

function preceding(node: Node): Node | null {
  let at = node.previousSibling;
  if (!at) return node.parentNode;
  while (at.lastChild) at = at.lastChild;
  return at;
}

/** Enough of a NodeIterator for DOMPurify: forward only, by whatToShow, no filter. */
class RemovalSafeNodeIterator {
  private reference: Node;
  private beforeReference = true;
  /** Where the reference stood, should it be removed: the node before it when it was reached. */
  private fallback: Node | null = null;

  constructor(readonly root: Node, readonly whatToShow = 0xffffffff) {
    this.reference = root;
  }

  nextNode(): Node | null {
    let node: Node | null = this.reference;
    let before = this.beforeReference;
    if (!this.root.contains(node) && this.fallback) {
      node = this.fallback;
      before = false;
    }
    for (;;) {
      if (!before) node = following(node!, this.root);
      before = false;
      if (!node) return null;
      if ((this.whatToShow >>> (node.nodeType - 1)) & 1) break;
    }
    this.reference = node;
    this.beforeReference = false;
    this.fallback = preceding(node);
    return node;
  }
}

// happy-dom's window.Document is a subclass of its own, off the documents' prototype chain: the
// method is replaced where the documents find it.
let owner = Object.getPrototypeOf(document) as Document;
while (!Object.hasOwn(owner, 'createNodeIterator')) owner = Object.getPrototypeOf(owner) as Document;
owner.createNodeIterator = function createNodeIterator(root: Node, whatToShow?: number) {
  return new RemovalSafeNodeIterator(root, whatToShow) as unknown as NodeIterator;
};
