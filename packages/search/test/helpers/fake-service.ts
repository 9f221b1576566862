import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SearchService } from '../../src/index.js';

/** One request as the fake service saw it. */
export interface SeenRequest {
  path: string;
  params: URLSearchParams;
  /** performance.now() when it arrived. */
  at: number;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

/** A reply, or 'destroy' to drop the connection (a network error for the client); a promise of one holds the request until it settles. */
export type Responder = (request: SeenRequest, index: number) => Reply | 'destroy' | Promise<Reply | 'destroy'>;

export interface FakeService {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A local HTTP server standing in for a bibliographic service; no test touches the internet. */
export async function startFakeService(respond: Responder): Promise<FakeService> {
  const requests: SeenRequest[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const seen = { path: url.pathname, params: url.searchParams, at: performance.now() };
    requests.push(seen);
    const reply = await respond(seen, requests.length - 1);
    if (reply === 'destroy') {
      req.socket.destroy();
      return;
    }
    res.writeHead(reply.status ?? 200, { 'content-type': reply.body.trimStart().startsWith('<') ? 'text/xml; charset=UTF-8' : 'application/json;charset=UTF-8', ...reply.headers });
    res.end(reply.body);
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

/** An EFetch page (retstart, retmax) of the three PubMed records in the fixtures, in the documented PubMed XML. */
export function efetchPage(start: number, size: number): string {
  const articles = ['pubmed-efetch-1.xml', 'pubmed-efetch-2.xml'].flatMap((name) => fixture(name).match(/<PubmedArticle>[\s\S]*?<\/PubmedArticle>/g) ?? []);
  const head = fixture('pubmed-efetch-1.xml').split('<PubmedArticle>')[0]!;
  return `${head}${articles.slice(start, start + size).join('\n')}\n</PubmedArticleSet>\n`;
}

/** The documented responses of each service, paged two records at a time over three records. */
export const FIXTURE_RESPONDERS: Record<SearchService, Responder> = {
  pubmed: ({ path, params }) => {
    if (path === '/esearch.fcgi') return { body: fixture('pubmed-esearch.json') };
    if (path === '/efetch.fcgi') return { body: efetchPage(Number(params.get('retstart') ?? 0), Number(params.get('retmax') ?? 20)) };
    return { status: 404, body: '{"error":"not found"}' };
  },
  europepmc: ({ params }) => {
    const cursor = params.get('cursorMark');
    return { body: fixture(cursor === '*' ? 'europepmc-1.json' : cursor === 'AoIIQJKSVSg0NjE4MDc4Mg==' ? 'europepmc-2.json' : 'europepmc-3.json') };
  },
  openalex: ({ params }) => ({ body: fixture(params.get('cursor') === '*' ? 'openalex-1.json' : 'openalex-2.json') }),
  crossref: ({ params }) => {
    const cursor = params.get('cursor');
    return { body: fixture(cursor === '*' ? 'crossref-1.json' : cursor?.includes('GQbe') ? 'crossref-2.json' : 'crossref-3.json') };
  },
};

/** The most requests that arrived within any window of `windowMs`. */
export function busiestWindow(requests: readonly SeenRequest[], windowMs: number): number {
  let most = 0;
  for (let i = 0; i < requests.length; i++) {
    let n = 0;
    for (let j = i; j < requests.length && requests[j]!.at - requests[i]!.at < windowMs; j++) n++;
    most = Math.max(most, n);
  }
  return most;
}
