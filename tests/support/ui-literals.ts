/**
 * Finds user-visible text written in UI code instead of the message catalogues: JSX text, text
 * attributes (aria-label, title, placeholder, alt, label...) given as literals, and string or
 * template literals anywhere that read like English words ("no vote", `voted ${id}`). Uses the
 * TypeScript compiler's parser, so comments and types never count.
 *
 * Not user text, and so not reported: class names and other kebab-case words ("panel
 * fault-panel"), plain strings of other JSX attributes (className, viewBox...), module paths,
 * literal types, property names, and the arguments of `new Error`, console calls and
 * assertNever (messages for developers). A line, or the line after a comment,
 * marked `i18n-exempt` is skipped; say why next to the mark.
 */
import fs from 'node:fs';
import ts from 'typescript';

export interface Literal {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

const textAttributes = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label']);
/** Two words of letters in a row: "no vote", "Node 3 crashed" (after removing ${...} parts). */
const wordsPattern = /\p{L}{2,}[ \u00a0]+\p{L}{2,}|\p{L}{3,}[ \u00a0]+\d/u;
const letter = /\p{L}/u;
/** Class names and other machine words: lower-case, kebab-case, with at least one hyphen or underscore. */
const machineWords = /^(?=.*[-_])[a-z0-9_ -]+$/;

function isDeveloperMessage(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at !== undefined; at = at.parent) {
    if (ts.isNewExpression(at) && ts.isIdentifier(at.expression) && /Error$/.test(at.expression.text)) return true;
    if (ts.isCallExpression(at)) {
      const callee = at.expression.getText();
      if (callee.startsWith('console.') || callee === 'assertNever' || callee === 'broken') return true;
    }
    if (ts.isStatement(at) || ts.isFunctionLike(at)) return false;
  }
  return false;
}

function isNotText(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    ts.isLiteralTypeNode(parent) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    ts.isExternalModuleReference(parent) ||
    (ts.isCallExpression(parent) && parent.expression.getText() === 'import') ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === node)
  );
}

/** The literal's text with ${...} parts left out. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return null;
}

export function findLiterals(file: string): Literal[] {
  const source = fs.readFileSync(file, 'utf8');
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = source.split('\n');
  const exempt = (line: number) => lines[line]?.includes('i18n-exempt') === true || lines[line - 1]?.includes('i18n-exempt') === true;
  const found: Literal[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line;
    if (!exempt(line)) found.push({ file, line: line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (letter.test(node.text)) report(node, node.text);
      return;
    }
    if (ts.isJsxAttribute(node) && node.initializer !== undefined) {
      const isText = textAttributes.has(node.name.getText(tree));
      // A plain string for any other attribute (className, viewBox, preserveAspectRatio...) is markup.
      if (!isText && ts.isStringLiteral(node.initializer)) return;
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      const text = value === undefined ? null : literalText(value);
      if (isText && text !== null && letter.test(text)) {
        report(node, text);
        return;
      }
    }
    const text = literalText(node);
    if (text !== null) {
      if (wordsPattern.test(text) && !machineWords.test(text.trim()) && !isNotText(node) && !isDeveloperMessage(node)) report(node, text);
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** Every .ts and .tsx file under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const path = `${entry.parentPath}/${entry.name}`;
    return entry.isFile() && /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
