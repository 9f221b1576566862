/** A finished child of a composed element: its name, attributes and text. */
export interface Part {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

function textOf(parts: readonly Part[], name: string): string {
  return parts.find((p) => p.name === name)?.text ?? '';
}

function composeAbstract(parts: readonly Part[]): string {
  return parts
    .filter((p) => p.name === 'AbstractText')
    .map((p) => {
      const text = p.text.replace(/\s+/g, ' ');
      const label = p.attrs.Label;
      return label && text ? `${label}: ${text}` : text;
    })
    .filter(Boolean)
    .join('\n');
}

/**
 * Elements whose value is composed from their children, so that the flat record keeps together what belongs
 * together: an author's names, a labelled structured abstract, a MeSH heading with its qualifiers, a date.
 */
export const COMPOSE: Readonly<Record<string, (parts: readonly Part[]) => string>> = {
  Author(parts) {
    const collective = textOf(parts, 'CollectiveName');
    if (collective) return `{${collective}}`;
    const last = textOf(parts, 'LastName');
    const fore = textOf(parts, 'ForeName') || textOf(parts, 'Initials');
    return fore ? `${last}, ${fore}` : last;
  },
  Abstract: composeAbstract,
  OtherAbstract: composeAbstract,
  MeshHeading(parts) {
    let out = '';
    for (const p of parts) {
      const major = p.attrs.MajorTopicYN === 'Y' ? '*' : '';
      if (p.name === 'DescriptorName') out = `${major}${p.text}${out}`;
      else if (p.name === 'QualifierName') out += `/${major}${p.text}`;
    }
    return out;
  },
  PubDate(parts) {
    const medline = textOf(parts, 'MedlineDate');
    if (medline) return medline;
    return ['Year', 'Season', 'Month', 'Day'].map((n) => textOf(parts, n)).filter(Boolean).join(' ');
  },
  ArticleDate(parts) {
    return ['Year', 'Month', 'Day'].map((n) => textOf(parts, n)).filter(Boolean).join('-');
  },
};

/** Markup inside titles and abstracts whose text belongs to the enclosing element. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set(['i', 'b', 'u', 'sup', 'sub', 'em', 'strong', 'mml:math', 'math', 'DispFormula']);

/** Attributes that say which kind of identifier an element holds: ArticleId[doi], ELocationID[doi]. */
export const QUALIFIERS: ReadonlySet<string> = new Set(['IdType', 'EIdType']);
