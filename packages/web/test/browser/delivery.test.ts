/**
 * Issue 20 "heavy, uncompressed delivery" in Chromium: the overview, loaded cold, transfers at most 150 KB
 * (compressed bytes on the wire, as the browser's network layer counts them) and never fetches /api/export; a reload
 * revalidates the API's answers (304, headers only) and takes the hashed assets from the cache unasked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE, canRun, startAtlas, watchedPage, type Atlas } from './harness.js';

describe.skipIf(!canRun)('issue 20 delivery: what the overview transfers', SUITE, () => {
  let atlas: Atlas;
  beforeAll(async () => {
    atlas = await startAtlas();
  });
  afterAll(async () => {
    await atlas?.close();
  });

  it('issue 20 delivery: the overview transfers ≤ 150 KB compressed, without /api/export; a reload sends 304s', async () => {
    const w = await watchedPage(atlas);
    const cdp = await w.context.newCDPSession(w.page);
    await cdp.send('Network.enable');
    const requests = new Map<string, { url: string; status?: number; encoding?: string; bytes: number }>();
    cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0 }));
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { status: e.response.status, encoding: e.response.headers['content-encoding'] });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });

    await w.page.goto('/', { waitUntil: 'domcontentloaded' });
    await w.page.locator('#biology-heading').waitFor();
    await w.page.waitForLoadState('networkidle');
    const first = [...requests.values()];
    const total = first.reduce((n, r) => n + r.bytes, 0);
    const summary = first.map((r) => `${r.url.replace(atlas.url, '')} ${r.status} ${r.encoding ?? 'identity'} ${r.bytes}`).join('\n');
    expect(first.some((r) => r.url.includes('/api/export')), summary).toBe(false);
    expect(first.some((r) => r.url.endsWith('/api/biology')), summary).toBe(true);
    expect(total, summary).toBeLessThanOrEqual(150 * 1024);
    // every larger text response came compressed
    for (const r of first.filter((x) => x.bytes > 2048)) expect(r.encoding, r.url).toMatch(/^(br|gzip)$/);
    console.log(`overview, cold: ${(total / 1024).toFixed(1)} KB in ${first.length} requests\n${summary}`);

    requests.clear();
    await w.page.reload({ waitUntil: 'domcontentloaded' });
    await w.page.locator('#biology-heading').waitFor();
    await w.page.waitForLoadState('networkidle');
    const again = [...requests.values()];
    const api = again.filter((r) => r.url.includes('/api/'));
    expect(api.length).toBeGreaterThan(0);
    const reloadSummary = again.map((r) => `${r.url.replace(atlas.url, '')} ${r.status} ${r.bytes}`).join('\n');
    console.log(`overview, reloaded:\n${reloadSummary}`);
    // revalidated: headers only (Chromium reports the cached 200 after the server's 304)
    for (const r of api) expect(r.bytes, reloadSummary).toBeLessThan(1024);
    // the hashed assets are immutable: not even asked for
    for (const r of again.filter((x) => x.url.includes('/assets/'))) expect(r.bytes, reloadSummary).toBe(0);
    const reloaded = again.reduce((n, r) => n + r.bytes, 0);
    expect(reloaded, reloadSummary).toBeLessThan(total / 10);
    w.expectClean();
  });
});
