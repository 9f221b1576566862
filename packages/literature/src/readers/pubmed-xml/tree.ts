/** An element of one PubMed record, kept while the record is read. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text of the element, including the text of inline markup inside it (<i>, <sup>, …). */
  text: string;
}

/** Markup inside titles and abstracts whose text belongs to the enclosing element. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set(['i', 'b', 'u', 'sup', 'sub', 'em', 'strong', 'mml:math', 'math', 'DispFormula']);

export function textOf(node: XmlNode | undefined): string {
  return node ? node.text.trim() : '';
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}
