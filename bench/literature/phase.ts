/**
 * One benchmark phase, run in its own process so that its peak memory (maxRSS) is its own. Prints one JSON line.
 *   generate <dir> <risCount> <xmlCount> <bibCount> <works> <duplicates>
 *   ours <file> [format]            our reader, all records collected in an array (readCitations)
 *   ours-stream <file> [format]     our reader, each record handed on and dropped (streamCitations), as an import does
 *   citation-js <file> <type>       citation-js on the same file (@ris/file or @bibtex/text)
 *   dedup <file> <truth.json>       read, then de-duplicate, with precision and recall against the planted pairs
 *   stream <gigabytes>              stream a generated RIS file of that size through streamCitations
 */
import { createReadStream, readFileSync } from 'node:fs';
import { deduplicate, readCitations, streamCitations, type CitationFormat } from '@exoatlas/literature';
import { generateBibtex, generateDedupSet, generatePubmedXml, generateRis, source, streamRecord } from './generate.js';

type CitationJsPlugins = { input: { chain(data: string, options: { forceType?: string; generateGraph?: boolean }): unknown[] } };

const [phase, ...args] = process.argv.slice(2);
const maxRssMB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (start: number): number => (performance.now() - start) / 1000;
/** CPU seconds (user + system) since `start`: on a shared machine, less disturbed by other processes than wall time. */
const cpuSeconds = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};
const emit = (result: Record<string, unknown>): void => console.log(JSON.stringify({ phase, ...result, maxRssMB: maxRssMB() }));

async function main(): Promise<void> {
  if (phase === 'generate') {
    const [dir, ris, xml, bib, works, dups] = args;
    const start = performance.now();
    const dedupSet = generateDedupSet(dir!, Number(works), Number(dups));
    emit({
      source,
      ris: generateRis(dir!, Number(ris)),
      xml: generatePubmedXml(dir!, Number(xml)),
      bib: generateBibtex(dir!, Number(bib)),
      dedup: dedupSet.file,
      truth: dedupSet.truthFile,
      seconds: seconds(start),
    });
  } else if (phase === 'ours') {
    const [file, format] = args;
    const start = performance.now();
    const cpu = process.cpuUsage();
    const { records } = await readCitations(createReadStream(file!, { highWaterMark: 1 << 20 }), { fileName: file, format: format as CitationFormat | undefined });
    const s = seconds(start);
    const c = cpuSeconds(cpu);
    emit({ file, records: records.length, seconds: s, perSecond: records.length / s, cpuSeconds: c, perCpuSecond: records.length / c, titled: records.filter((r) => r.title).length });
  } else if (phase === 'ours-stream') {
    const [file, format] = args;
    const start = performance.now();
    const cpu = process.cpuUsage();
    let count = 0;
    let titled = 0;
    for await (const record of streamCitations(createReadStream(file!, { highWaterMark: 1 << 20 }), { fileName: file, format: format as CitationFormat | undefined })) {
      count++;
      if (record.title) titled++;
    }
    const s = seconds(start);
    const c = cpuSeconds(cpu);
    emit({ file, records: count, seconds: s, perSecond: count / s, cpuSeconds: c, perCpuSecond: count / c, titled });
  } else if (phase === 'citation-js') {
    const [file, type] = args;
    const mod = (await import('@citation-js/core')) as unknown as { plugins?: CitationJsPlugins; default?: { plugins: CitationJsPlugins } };
    const plugins = mod.plugins ?? mod.default!.plugins;
    await import('@citation-js/plugin-ris');
    await import('@citation-js/plugin-bibtex');
    const start = performance.now();
    const cpu = process.cpuUsage();
    const text = readFileSync(file!, 'utf8');
    const items = plugins.input.chain(text, { forceType: type, generateGraph: false });
    const s = seconds(start);
    const c = cpuSeconds(cpu);
    emit({ file, records: items.length, seconds: s, perSecond: items.length / s, cpuSeconds: c, perCpuSecond: items.length / c });
  } else if (phase === 'dedup') {
    const [file, truthFile] = args;
    let start = performance.now();
    const { records } = await readCitations(createReadStream(file!, { highWaterMark: 1 << 20 }), { fileName: 'dedup.ris', idPrefix: 'r' });
    const readSeconds = seconds(start);
    start = performance.now();
    const cpu = process.cpuUsage();
    const result = deduplicate(records);
    const dedupSeconds = seconds(start);
    const dedupCpuSeconds = cpuSeconds(cpu);
    // Pairwise precision and recall: pairs of records in one predicted group against pairs in one true group.
    const truth = JSON.parse(readFileSync(truthFile!, 'utf8')) as Array<[number, number]>;
    const trueGroup = new Map<number, number>();
    for (const [original, copy] of truth) trueGroup.set(copy, original).set(original, original);
    const index = (id: string): number => Number(id.slice(2)) - 1;
    let predictedPairs = 0;
    let correctPairs = 0;
    for (const g of result.groups) {
      const members = g.members.map(index);
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          predictedPairs++;
          const a = trueGroup.get(members[i]!);
          if (a !== undefined && a === trueGroup.get(members[j]!)) correctPairs++;
        }
      }
    }
    const groups = new Map<number, number>();
    for (const [original] of truth) groups.set(original, (groups.get(original) ?? 1) + 1);
    let truePairs = 0;
    for (const size of groups.values()) truePairs += (size * (size - 1)) / 2;
    emit({
      records: records.length,
      readSeconds,
      dedupSeconds,
      dedupCpuSeconds,
      comparisons: result.comparisons,
      groups: result.groups.length,
      unique: result.unique.length,
      precision: correctPairs / predictedPairs,
      recall: correctPairs / truePairs,
      predictedPairs,
      truePairs,
    });
  } else if (phase === 'stream') {
    const gigabytes = Number(args[0]);
    const target = gigabytes * 1024 ** 3;
    const encoder = new TextEncoder();
    let bytes = 0;
    let peakHeap = 0;
    async function* generated(): AsyncGenerator<Uint8Array> {
      let i = 0;
      while (bytes < target) {
        let chunk = '';
        while (chunk.length < 1 << 20) chunk += streamRecord(i++);
        const encoded = encoder.encode(chunk);
        bytes += encoded.length;
        yield encoded;
      }
    }
    const start = performance.now();
    const cpu = process.cpuUsage();
    let count = 0;
    for await (const record of streamCitations(generated(), { fileName: 'generated.ris' })) {
      count++;
      if (record.title === undefined) throw new Error('lost a title');
      if (count % 100000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    const s = seconds(start);
    emit({ gigabytes: bytes / 1024 ** 3, records: count, seconds: s, perSecond: count / s, cpuSeconds: cpuSeconds(cpu), peakHeapMB: Math.round(peakHeap / 1048576) });
  } else {
    throw new Error(`unknown phase ${phase}`);
  }
}

await main();
