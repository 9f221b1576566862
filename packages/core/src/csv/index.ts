export { CsvReader, CsvSyntaxError, readCsv, sniffDelimiter, type CsvProblem, type CsvReadOptions, type CsvRow } from './read.js';
export { csvCell, csvDocument, csvRow, defuseFormula, type CsvCellOptions, type CsvDocumentOptions, type CsvValue } from './write.js';
