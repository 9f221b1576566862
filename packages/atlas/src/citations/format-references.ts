import { ExoError, type Reference } from '@exoatlas/schema';
import type { Cite as CiteType } from '@citation-js/core';
import { referenceToCsl, type CslItem } from './csl.js';

export const CITATION_FORMATS = ['bibtex', 'ris', 'csl-json', 'vancouver'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** The media type of each format. */
export const CITATION_CONTENT_TYPES: Record<CitationFormat, string> = {
  bibtex: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  'csl-json': 'application/vnd.citationstyles.csl+json',
  vancouver: 'text/plain',
};

/** Checks a format name; an unknown one throws EXO_ERR_QUERY_INVALID listing the formats. */
export function checkCitationFormat(format: string): CitationFormat {
  if (!(CITATION_FORMATS as readonly string[]).includes(format)) {
    throw new ExoError('EXO_ERR_QUERY_INVALID', `unknown citation format '${format}'; known formats: ${CITATION_FORMATS.join(', ')}`, { field: 'format' });
  }
  return format as CitationFormat;
}

type CiteClass = typeof CiteType;
let citeClass: Promise<CiteClass> | undefined;

/** Loads citation-js and registers its BibTeX, RIS and CSL plugins, once, on first use (it is large). */
function loadCitationJs(): Promise<CiteClass> {
  citeClass ??= (async () => {
    const [core] = await Promise.all([import('@citation-js/core'), import('@citation-js/plugin-bibtex'), import('@citation-js/plugin-ris'), import('@citation-js/plugin-csl')]);
    return core.Cite;
  })();
  return citeClass;
}

/**
 * The references in a citation format, through citation-js (https://citation.js.org):
 * - `csl-json`: citation-js's CSL-JSON of the items, authors as printed (a printed "et al." is recorded in `note`);
 * - `bibtex`: citation-js's BibTeX, a printed "et al." as BibTeX's `and others`;
 * - `ris`: the RIS records citation-js maps, one line per tag (its text output hard-wraps values at 70 characters,
 *   splitting words, so the records are taken as objects and joined here);
 * - `vancouver`: the Vancouver (NLM) style citation-js ships, each entry numbered as in the review.
 */
export async function formatReferences(references: readonly Reference[], format: CitationFormat): Promise<string> {
  const Cite = await loadCitationJs();
  switch (format) {
    case 'csl-json':
      return String(new Cite(references.map((r) => referenceToCsl(r))).format('data', { format: 'text' })) + '\n';
    case 'bibtex': {
      const items = references.map((r) => referenceToCsl(r, { kind: 'marker', literal: 'others' }));
      // citation-js braces a one-part name, which would make "others" an author; BibTeX wants it bare.
      return String(new Cite(items).format('bibtex')).replace(/ and \{others\}/g, ' and others');
    }
    case 'ris': {
      const records = new Cite(references.map((r) => referenceToCsl(r))).format('ris', { format: 'object' }) as Record<string, string | string[]>[];
      return records.map(risRecord).join('\n') + '\n';
    }
    case 'vancouver':
      return (
        references
          .map((r) => {
            const item: CslItem = referenceToCsl(r, { kind: 'marker', literal: 'et al.' });
            const text = String(new Cite(item).format('bibliography', { template: 'vancouver', format: 'text', lang: 'en-US' })).trim();
            return `${r.reviewNumber}. ${text.replace(/^\d+\.\s*/, '')}`;
          })
          .join('\n') + '\n'
      );
  }
}

/** One RIS record from citation-js's tag object: TY first, ER last, one line per value. */
function risRecord(record: Record<string, string | string[]>): string {
  const lines = [`TY  - ${String(record.TY)}`];
  for (const [tag, value] of Object.entries(record)) {
    if (tag === 'TY') continue;
    for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s*\n\s*/g, ' ')}`);
  }
  lines.push('ER  - ');
  return lines.join('\n');
}
