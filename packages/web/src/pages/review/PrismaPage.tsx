import { useState } from 'react';
import { getText } from '../../api/client';
import { reviewPaths, type PrismaCounts } from '../../api/review';
import { Async } from '../../components/StatusMessage';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { downloadText } from '../../lib/download';
import { ProjectNav } from './ProjectPage';
import { explain, useFresh } from '../../hooks/review-session';
import { useSvg } from '../../hooks/useSvg';

/** PRISMA 2020: the flow diagram (the server's SVG, inline), the counts that add up, downloads. */
export function PrismaPage({ project }: { project: string }) {
  useDocumentTitle('PRISMA flow diagram');
  const counts = useFresh<PrismaCounts>(reviewPaths.prisma(project));
  const svg = useSvg(reviewPaths.prismaSvg(project));
  const [message, setMessage] = useState('');
  const [recordsMessage, setRecordsMessage] = useState('');
  const download = async (file: { path: string; name: string; type: string }, say: (text: string) => void): Promise<void> => {
    try {
      downloadText(file.name, await getText(file.path), file.type);
      say(`Downloaded ${file.name}.`);
    } catch (e) {
      say(`The download failed: ${explain(e)}`);
    }
  };
  const diagram = (what: 'svg' | 'csv') =>
    void download(what === 'svg' ? { path: reviewPaths.prismaSvg(project, true), name: `${project}-prisma.svg`, type: 'image/svg+xml' } : { path: reviewPaths.prismaCsv(project), name: `${project}-prisma.csv`, type: 'text/csv' }, setMessage);
  const included = (format: 'ris' | 'bibtex') =>
    void download({ path: reviewPaths.exportRecords(project, format), name: `${project}-full-text-included.${format === 'ris' ? 'ris' : 'bib'}`, type: format === 'ris' ? 'application/x-research-info-systems' : 'application/x-bibtex' }, setRecordsMessage);
  return (
    <>
      <h1>PRISMA 2020 flow diagram</h1>
      <ProjectNav project={project} current="/prisma" />
      <div className="download-row" role="group" aria-label="Download the flow diagram">
        <button type="button" className="button button-secondary" onClick={() => diagram('svg')}>
          Diagram (SVG)
        </button>
        <button type="button" className="button button-secondary" onClick={() => diagram('csv')}>
          Counts (CSV, PRISMA2020 tool layout)
        </button>
        <p className="form-message" role="status">
          {message}
        </p>
      </div>
      <div className="download-row" role="group" aria-label="Download the records">
        <button type="button" className="button button-secondary" onClick={() => included('ris')}>
          Included studies (RIS)
        </button>
        <button type="button" className="button button-secondary" onClick={() => included('bibtex')}>
          Included studies (BibTeX)
        </button>
        <button type="button" className="button button-secondary" onClick={() => void download({ path: reviewPaths.screeningLog(project), name: `${project}-screening-log.csv`, type: 'text/csv' }, setRecordsMessage)}>
          Screening log (CSV: every decision)
        </button>
        <p className="form-message" role="status">
          {recordsMessage}
        </p>
      </div>
      {svg?.svg ? <div className="prisma-svg plot-image" role="region" aria-label="PRISMA flow diagram" tabIndex={0} dangerouslySetInnerHTML={{ __html: svg.svg }} /> : svg?.error ? <p role="alert">{svg.error}</p> : null}
      <Async state={counts} what="The PRISMA counts">
        {(c) => (
          <section aria-labelledby="counts-heading">
            <h2 id="counts-heading">The counts</h2>
            <div className="table-wrap" role="region" aria-label="PRISMA counts" tabIndex={0}>
              <table className="data-table prisma-table">
                <caption>Records and reports at each step</caption>
                <tbody>
                  {c.identifiedBySource.map((s) => (
                    <tr key={s.source}>
                      <th scope="row">Identified from {s.source}</th>
                      <td className="num">{s.count}</td>
                    </tr>
                  ))}
                  {(
                    [
                      ['Records identified', c.identified],
                      ['Duplicates removed', c.duplicatesRemoved],
                      ['Records screened', c.screened],
                      ['Awaiting screening', c.awaitingScreening],
                      ['Excluded on title and abstract', c.excludedAtScreening],
                      ['Reports sought for retrieval', c.soughtForRetrieval],
                      ['Reports not retrieved', c.notRetrieved],
                      ['Reports assessed for eligibility', c.assessedForEligibility],
                      ['Awaiting full-text assessment', c.awaitingAssessment],
                      ['Excluded at full text', c.excludedAtFullText],
                      ['Studies included', c.included],
                    ] as const
                  ).map(([label, n]) => (
                    <tr key={label}>
                      <th scope="row">{label}</th>
                      <td className="num" data-count={label}>
                        {n}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="hint">
              They add up: identified {c.identified} − duplicates {c.duplicatesRemoved} = screened {c.screened} = excluded {c.excludedAtScreening} + sought {c.soughtForRetrieval} +
              awaiting {c.awaitingScreening}; sought {c.soughtForRetrieval} = not retrieved {c.notRetrieved} + assessed {c.assessedForEligibility}; assessed {c.assessedForEligibility} =
              excluded {c.excludedAtFullText} + included {c.included} + awaiting {c.awaitingAssessment}.
            </p>
            {[
              ['Reasons for exclusion on title and abstract', c.excludedAtScreeningReasons],
              ['Reasons for exclusion at full text', c.excludedAtFullTextReasons],
            ].map(([title, reasons]) =>
              (reasons as { reason: string; count: number }[]).length > 0 ? (
                <div key={title as string}>
                  <h3>{title as string}</h3>
                  <ul>
                    {(reasons as { reason: string; count: number }[]).map((r) => (
                      <li key={r.reason}>
                        {r.reason}: {r.count}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null,
            )}
          </section>
        )}
      </Async>
    </>
  );
}
