import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Attributes whose literal value a reader sees or hears. */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'ariaLabel', 'empty']);

/** Names that are the same in every language: the product's, and the file formats'. */
const NAMES = /\b(Backstory|CSV|Markdown|JSON-LD|W3C|JSON)\b/g;

/** Text with a letter in it (not '×', '·', '#', punctuation, numbers or the names above alone). */
const hasWords = (text: string) => /\p{L}/u.test(text.replace(NAMES, '').replace(/\bhttps?:\/\/\S*/g, ''));

export interface HardCoded {
  file: string;
  line: number;
  text: string;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

/** The user-visible literals of a .tsx source: JSX text, and literal values of the attributes above. */
export function hardCodedStrings(source: string, file = 'source.tsx'): HardCoded[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: HardCoded[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.trim().replace(/\s+/g, ' ') });
  const literalOf = (node: ts.Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isJsxExpression(node)) return literalOf(node.expression);
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    // {busy ? 'Saving…' : label}, {error || 'Failed'}: each branch that is a literal.
    if (ts.isConditionalExpression(node)) return [literalOf(node.whenTrue), literalOf(node.whenFalse)].filter((t) => t !== undefined).join(' ') || undefined;
    if (ts.isBinaryExpression(node)) return [literalOf(node.left), literalOf(node.right)].filter((t) => t !== undefined).join(' ') || undefined;
    if (ts.isParenthesizedExpression(node)) return literalOf(node.expression);
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf))) {
      const text = literalOf(node.initializer);
      if (text !== undefined && hasWords(text)) report(node, `${node.name.getText(sf)}=${text}`);
    }
    // A literal or template placed as a child: {'Loading…'}, {`${n} left`}.
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalOf(node.expression);
      if (text !== undefined && hasWords(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every hard-coded user-visible string in the .tsx files under `dir`. */
export function scanComponents(root: string, dir: string): HardCoded[] {
  return tsxFiles(join(root, dir)).flatMap((path) => hardCodedStrings(readFileSync(path, 'utf8'), relative(root, path)));
}
