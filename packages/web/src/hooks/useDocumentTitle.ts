import { useEffect } from 'react';

/** Sets the tab title: "Page — ExoAtlas". */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — ExoAtlas` : 'ExoAtlas';
  }, [title]);
}
