import { basename } from 'node:path';
import { ExoError } from '@exoatlas/schema';
import { featuresFor, MODEL_NAMES, readLabelledSet, screeningMetrics, simulateScreening, tfidf, DEFAULT_MODEL, type ModelName } from '@exoatlas/review';
import { intOption, parseCommandArgs, optionsAfterCommand } from '../args.js';
import type { CommandIO } from '../command-io.js';

export const SCREEN_HELP = `Usage: exoatlas screen simulate <labelled.csv> --seed S [--label-column NAME] [--model ${MODEL_NAMES.join('|')}] [--json]

Simulates prioritised screening on a fully labelled file (title, abstract and a 0/1 label per row): starting from one
random included and one random excluded record chosen by the seed (mulberry32), it trains, ranks and "screens" the top
record until every row is screened. --json prints {"order": [0-based rows in the order screened, the two starting
records first], "wss95", "rrf10", "atd", …}. The label column is found by name (label_included, included, label, …)
unless --label-column names it. Default model: ${DEFAULT_MODEL}.
`;

/** `exoatlas screen simulate …`: the ranking measured on labelled reviews. */
export async function screenCommand(args: string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = optionsAfterCommand(args);
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(SCREEN_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'simulate') throw new ExoError('EXO_ERR_CLI_USAGE', `screen: unknown subcommand '${sub}' (see exoatlas screen --help)`);
  const { values, positionals } = parseCommandArgs('screen simulate', rest, {
    seed: { type: 'string' },
    'label-column': { type: 'string' },
    model: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  });
  if (values.help) {
    io.stdout(SCREEN_HELP);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new ExoError('EXO_ERR_CLI_USAGE', 'screen simulate: name one labelled CSV file (see exoatlas screen --help)');
  if (values.seed === undefined) throw new ExoError('EXO_ERR_CLI_USAGE', 'screen simulate: --seed S is required (a whole number)');
  const seed = intOption('seed', values.seed)!;
  const model = (values.model ?? DEFAULT_MODEL) as ModelName;
  if (!(MODEL_NAMES as readonly string[]).includes(model)) throw new ExoError('EXO_ERR_CLI_USAGE', `screen simulate: --model must be one of ${MODEL_NAMES.join(', ')}`);
  const data = await io.readBytes(file);
  const set = await readLabelledSet(data, { fileName: basename(file), labelColumn: values['label-column'] });
  const started = performance.now();
  const order = simulateScreening(tfidf(set.texts, featuresFor(model)), set.labels, { seed, model });
  const metrics = screeningMetrics(order, set.labels);
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    io.stdout(JSON.stringify({ order, ...metrics, seed, model, labelColumn: set.labelColumn, file: basename(file), seconds: Math.round(seconds * 100) / 100 }) + '\n');
    return 0;
  }
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  io.stdout(
    [
      `${basename(file)}: ${metrics.n} records, ${metrics.relevant} included (column ${set.labelColumn}); model ${model}, seed ${seed}`,
      `  WSS@95 ${pct(metrics.wss95)}  (95% of includes found after ${metrics.screenedAt95} records)`,
      `  RRF@10 ${pct(metrics.rrf10)}`,
      `  ATD    ${pct(metrics.atd)}  (${metrics.atdRecords.toFixed(1)} records on average)`,
      `  ${seconds.toFixed(1)} s`,
      '',
    ].join('\n'),
  );
  return 0;
}
