import { ExoError } from '@exoatlas/schema';
import { limiterFor, sleep, type RateLimiter } from './rate-limiter.js';
import type { SearchOptions, SearchService, StopReason } from './types.js';

/** Thrown inside a search when its budget runs out; the client catches it and returns what it has. */
export class BudgetStop extends Error {
  constructor(
    readonly reason: StopReason,
    message: string,
  ) {
    super(message);
  }
}

const DEFAULT_RETRY = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 60_000 };

/** The wait a Retry-After header asks for, in ms (delta-seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * One search's HTTP traffic: the shared rate limiter, retries with exponential backoff and full jitter on 429, 5xx and
 * network errors (Retry-After honoured), and the request/deadline budget.
 */
export class SearchSession {
  requests = 0;
  private readonly limiter: RateLimiter;
  private readonly retry: Required<NonNullable<SearchOptions['retry']>>;

  constructor(
    readonly service: SearchService,
    readonly label: string,
    private readonly options: SearchOptions,
    baseUrl: string,
    defaultRate: number,
  ) {
    const rate = options.requestsPerSecond ?? defaultRate;
    this.limiter = limiterFor(`${service} ${new URL(baseUrl).host}`, rate);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** Stops the search when the request budget or the deadline is used up. */
  private checkBudget(): void {
    const { maxRequests, deadline } = this.options.budget ?? {};
    if (maxRequests !== undefined && this.requests >= maxRequests) throw new BudgetStop('max-requests', `stopped after ${this.requests} requests (the budget's maximum)`);
    if (deadline !== undefined && Date.now() >= deadline) throw new BudgetStop('deadline', `stopped at the deadline after ${this.requests} requests`);
  }

  private async wait(ms: number): Promise<void> {
    const { deadline } = this.options.budget ?? {};
    if (deadline !== undefined && Date.now() + ms >= deadline) throw new BudgetStop('deadline', `stopped: the service asked to wait ${Math.ceil(ms / 1000)} s, past the deadline`);
    await sleep(ms, this.options.signal);
  }

  /** GETs a URL and returns its body text; throws ExoError (EXO_ERR_SEARCH_*) or BudgetStop. */
  async get(url: URL, accept: string): Promise<string> {
    let lastProblem = '';
    for (let attempt = 0; attempt <= this.retry.maxRetries; attempt++) {
      this.checkBudget();
      const release = await this.limiter.acquire();
      let response: Response;
      try {
        this.checkBudget();
        this.requests++;
        const signals = [AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000), ...(this.options.signal ? [this.options.signal] : [])];
        response = await fetch(url, { headers: { accept, 'user-agent': userAgent(this.options.email) }, signal: AbortSignal.any(signals) });
        release();
      } catch (error) {
        release();
        if (error instanceof BudgetStop) throw error;
        if (this.options.signal?.aborted) throw error;
        lastProblem = `network error (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`;
        await this.wait(this.backoff(attempt));
        continue;
      }
      if (response.ok) return response.text();
      const body = (await response.text().catch(() => '')).slice(0, 300);
      if (response.status === 429 || response.status >= 500) {
        lastProblem = `HTTP ${response.status}${body ? `: ${oneLine(body)}` : ''}`;
        const asked = retryAfterMs(response.headers.get('retry-after'));
        await this.wait(Math.min(this.retry.maxDelayMs, asked ?? this.backoff(attempt)));
        continue;
      }
      throw new ExoError('EXO_ERR_SEARCH_REJECTED', `${this.label} refused the request: HTTP ${response.status}${body ? ` (${oneLine(body)})` : ''}`, { service: this.service, status: response.status });
    }
    throw new ExoError('EXO_ERR_SEARCH_UNAVAILABLE', `${this.label} kept failing after ${this.retry.maxRetries + 1} attempts: ${lastProblem}`, { service: this.service });
  }

  /** Exponential backoff with full jitter: a random wait up to base·2^attempt, capped. */
  private backoff(attempt: number): number {
    return Math.random() * Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt);
  }

  /** Parses JSON or throws the coded error for a malformed response. */
  json(text: string, what: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw this.malformed(`${what} is not JSON (it begins "${oneLine(text.slice(0, 60))}")`);
    }
  }

  malformed(detail: string): ExoError {
    return new ExoError('EXO_ERR_SEARCH_BAD_RESPONSE', `${this.label} answered in an unexpected format: ${detail}`, { service: this.service });
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function userAgent(email: string | undefined): string {
  return `ExoAtlas/0.1 (https://github.com/exoatlas; ${email ? `mailto:${email}` : 'living systematic review'})`;
}
