import { useEffect, useState } from 'react';
import { getText } from '../api/client';
import { explain } from './review-session';

/** An SVG the server draws (PRISMA diagram, discovery curve), fetched as text to show inline; an error in words. */
export function useSvg(path: string) {
  const [state, setState] = useState<{ path: string; svg?: string; error?: string } | null>(null);
  useEffect(() => {
    let isCurrent = true;
    getText(path).then(
      (svg) => isCurrent && setState({ path, svg }),
      (e: unknown) => isCurrent && setState({ path, error: explain(e) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [path]);
  return state;
}
