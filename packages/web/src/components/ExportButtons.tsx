import { useState } from 'react';
import { ApiError, REFERENCE_FORMATS, getText, paths, type ReferenceFormat } from '../api/client';
import { downloadText } from '../lib/download';

/** Downloads the reference list as BibTeX, RIS, CSL-JSON or Vancouver text, from the API's exporters. */
export function ExportButtons() {
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [busy, setBusy] = useState<ReferenceFormat | null>(null);
  const run = async (format: ReferenceFormat): Promise<void> => {
    const f = REFERENCE_FORMATS[format];
    setBusy(format);
    setMessage(null);
    try {
      const text = await getText(paths.referencesAs(format));
      downloadText(`exoatlas-references.${f.extension}`, text, f.mime);
      setMessage({ text: `Downloaded exoatlas-references.${f.extension} (${f.label}).`, isError: false });
    } catch (error) {
      const e = error instanceof ApiError ? error : null;
      setMessage({
        text:
          e?.kind === 'unavailable'
            ? `${f.label} export is not available from this server yet.`
            : e?.kind === 'network'
              ? 'The atlas cannot reach its server; try again.'
              : `The ${f.label} export failed: ${(error as Error).message}`,
        isError: true,
      });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export-buttons" role="group" aria-label="Export the references">
      <span className="export-label">Export all:</span>
      {(Object.keys(REFERENCE_FORMATS) as ReferenceFormat[]).map((format) => (
        <button key={format} type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void run(format)}>
          {REFERENCE_FORMATS[format].label}
        </button>
      ))}
      <p className={message?.isError ? 'export-message is-error' : 'export-message'} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
    </div>
  );
}
