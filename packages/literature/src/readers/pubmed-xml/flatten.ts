import { child, children, INLINE_ELEMENTS, textOf, type XmlNode } from './tree.js';

/**
 * Elements whose value is composed from their children, so that the flat record keeps what belongs together:
 * an author's names, a labelled structured abstract, a MeSH heading with its qualifiers, a date.
 */
const COMPOSE: Readonly<Record<string, (node: XmlNode) => string>> = {
  Author(node) {
    const collective = textOf(child(node, 'CollectiveName'));
    if (collective) return `{${collective}}`;
    const last = textOf(child(node, 'LastName'));
    const fore = textOf(child(node, 'ForeName')) || textOf(child(node, 'Initials'));
    return fore ? `${last}, ${fore}` : last;
  },
  Abstract: composeAbstract,
  OtherAbstract: composeAbstract,
  MeshHeading(node) {
    const descriptor = child(node, 'DescriptorName');
    let out = `${descriptor?.attrs.MajorTopicYN === 'Y' ? '*' : ''}${textOf(descriptor)}`;
    for (const q of children(node, 'QualifierName')) out += `/${q.attrs.MajorTopicYN === 'Y' ? '*' : ''}${textOf(q)}`;
    return out;
  },
  PubDate(node) {
    const medline = textOf(child(node, 'MedlineDate'));
    if (medline) return medline;
    return ['Year', 'Season', 'Month', 'Day'].map((n) => textOf(child(node, n))).filter(Boolean).join(' ');
  },
  ArticleDate(node) {
    return ['Year', 'Month', 'Day'].map((n) => textOf(child(node, n))).filter(Boolean).join('-');
  },
};

function composeAbstract(node: XmlNode): string {
  return children(node, 'AbstractText')
    .map((part) => {
      const text = textOf(part).replace(/\s+/g, ' ');
      const label = part.attrs.Label;
      return label && text ? `${label}: ${text}` : text;
    })
    .filter(Boolean)
    .join('\n');
}

/** Attributes that say which kind of identifier an element holds: ArticleId[doi], ELocationID[doi]. */
const QUALIFIERS: ReadonlySet<string> = new Set(['IdType', 'EIdType']);

/** Path strings are made once and shared by every record ("MedlineCitation/Article/ArticleTitle"). */
const paths = new Map<string, Map<string, string>>();
function childPath(parent: string, suffix: string): string {
  let bySuffix = paths.get(parent);
  if (!bySuffix) paths.set(parent, (bySuffix = new Map()));
  let path = bySuffix.get(suffix);
  if (path === undefined) bySuffix.set(suffix, (path = parent === '' ? suffix.slice(1) : parent + suffix));
  return path;
}

function hasElementChildren(node: XmlNode): boolean {
  return node.children.some((c) => !INLINE_ELEMENTS.has(c.name));
}

/**
 * Stage 1 of PubMed XML, second half: the record's element tree → a flat native record, element path → values
 * ("MedlineCitation/Article/ArticleTitle"), attributes as "path@Name", identifiers also as "path[type]".
 */
export function flatten(root: XmlNode): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (key: string, value: string): void => {
    const list = out[key];
    if (list) list.push(value);
    else out[key] = [value];
  };
  const walk = (node: XmlNode, path: string): void => {
    const compose = COMPOSE[node.name];
    const isContainer = hasElementChildren(node);
    const value = compose ? compose(node) : isContainer ? '' : textOf(node);
    if (value) add(path, value);
    for (const name in node.attrs) {
      const attr = node.attrs[name]!;
      add(childPath(path, `@${name}`), attr);
      if (QUALIFIERS.has(name) && value) add(childPath(path, `[${attr}]`), value);
    }
    if (isContainer) for (const c of node.children) if (!INLINE_ELEMENTS.has(c.name)) walk(c, childPath(path, `/${c.name}`));
  };
  for (const c of root.children) walk(c, childPath('', `/${c.name}`));
  return out;
}
