import { csvDocument } from '@exoatlas/core';
import type { PrismaCounts, ReasonCount } from './counts.js';

const HEADER = ['data', 'node', 'box', 'description', 'boxtext', 'tooltips', 'url', 'n'];

/** "Reason1, 12; Reason2, 3": the PRISMA2020 tool's way of listing reasons with numbers in one cell. */
const reasonList = (reasons: readonly ReasonCount[]): string => reasons.map((r) => `${r.reason.replace(/[;,]/g, ' ')}, ${r.count}`).join('; ');

/**
 * The counts as a CSV in the layout of the PRISMA2020 tool's template (Haddaway et al. 2022, the PRISMA2020 R package
 * and Shiny app: columns data,node,box,description,boxtext,tooltips,url,n, one row per box). Boxes for previous studies
 * and for other methods are 0. `database_results` holds the total; `database_specific_results` lists each database as
 * "Name, n; …"; `records_excluded` is the number, `records_excluded_automation` how many of them automation tools excluded, and
 * `records_excluded_reasons` lists the title/abstract reasons (rows
 * the tool does not know it ignores).
 */
export function prismaCsv(c: PrismaCounts): string {
  const rows: [string, string, string, string, string, string, string, string | number][] = [
    ['NA', 'node4', 'prevstud', 'Grey title box; Previous studies', 'Previous studies', 'Grey title box; Previous studies', 'prevstud.html', 0],
    ['previous_studies', 'node5', 'box1', 'Studies included in previous version of review', 'Studies included in previous version of review', 'Studies included in previous version of review', 'previous_studies.html', 0],
    ['previous_reports', 'NA', 'box1', 'Reports of studies included in previous version of review', 'Reports of studies included in previous version of review', 'NA', 'previous_reports.html', 0],
    ['NA', 'node6', 'newstud', 'Yellow title box; Identification of new studies via databases and registers', 'Identification of new studies via databases and registers', 'Yellow title box; Identification of new studies via databases and registers', 'newstud.html', 0],
    ['database_results', 'node7', 'box2', 'Records identified from: Databases', 'Databases', 'Records identified from: Databases', 'database_results.html', c.identified],
    ['database_specific_results', 'NA', 'box2', 'Records identified from each database', 'Databases', 'NA', 'NA', c.identifiedBySource.map((s) => `${s.source.replace(/[;,]/g, ' ')}, ${s.count}`).join('; ') || 0],
    ['register_results', 'NA', 'box2', 'Records identified from: Registers', 'Registers', 'NA', 'NA', 0],
    ['NA', 'node16', 'othstud', 'Grey title box; Identification of new studies via other methods', 'Identification of new studies via other methods', 'Grey title box; Identification of new studies via other methods', 'othstud.html', 0],
    ['website_results', 'node17', 'box11', 'Records identified from: Websites', 'Websites', 'Records identified from: Websites', 'website_results.html', 0],
    ['organisation_results', 'NA', 'box11', 'Records identified from: Organisations', 'Organisations', 'NA', 'NA', 0],
    ['citations_results', 'NA', 'box11', 'Records identified from: Citation searching', 'Citation searching', 'NA', 'NA', 0],
    ['duplicates', 'node8', 'box3', 'Duplicate records', 'Duplicate records', 'Duplicate records', 'duplicates.html', c.duplicatesRemoved],
    ['excluded_automatic', 'NA', 'box3', 'Records marked as ineligible by automation tools', 'Records marked as ineligible by automation tools', 'NA', 'NA', 0],
    ['excluded_other', 'NA', 'box3', 'Records removed for other reasons', 'Records removed for other reasons', 'NA', 'NA', 0],
    ['records_screened', 'node9', 'box4', 'Records screened (databases and registers)', 'Records screened', 'Records screened (databases and registers)', 'records_screened.html', c.screened],
    ['records_excluded', 'node10', 'box5', 'Records excluded (databases and registers)', 'Records excluded', 'Records excluded (databases and registers)', 'records_excluded.html', c.excludedAtScreening],
    ['records_excluded_automation', 'NA', 'box5', 'Of the records excluded, those excluded by automation tools (unscreened when prioritised screening stopped)', 'Records excluded by automation tools', 'NA', 'NA', c.excludedByAutomation],
    ['records_excluded_reasons', 'NA', 'box5', 'Records excluded at title and abstract, by reason', 'Records excluded', 'NA', 'NA', reasonList(c.excludedAtScreeningReasons) || 0],
    ['dbr_sought_reports', 'node11', 'box6', 'Reports sought for retrieval (databases and registers)', 'Reports sought for retrieval', 'Reports sought for retrieval (databases and registers)', 'dbr_sought_reports.html', c.soughtForRetrieval],
    ['dbr_notretrieved_reports', 'node12', 'box7', 'Reports not retrieved (databases and registers)', 'Reports not retrieved', 'Reports not retrieved (databases and registers)', 'dbr_notretrieved_reports.html', c.notRetrieved],
    ['other_sought_reports', 'node18', 'box12', 'Reports sought for retrieval (other)', 'Reports sought for retrieval', 'Reports sought for retrieval (other)', 'other_sought_reports.html', 0],
    ['other_notretrieved_reports', 'node19', 'box13', 'Reports not retrieved (other)', 'Reports not retrieved', 'Reports not retrieved (other)', 'other_notretrieved_reports.html', 0],
    ['dbr_assessed', 'node13', 'box8', 'Reports assessed for eligibility (databases and registers)', 'Reports assessed for eligibility', 'Reports assessed for eligibility (databases and registers)', 'dbr_assessed.html', c.assessedForEligibility],
    ['dbr_excluded', 'node14', 'box9', 'Reports excluded (databases and registers): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]', 'Reports excluded', 'Reports excluded (databases and registers): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx', 'dbrexcludedrecords.html', reasonList(c.excludedAtFullTextReasons) || 0],
    ['other_assessed', 'node20', 'box14', 'Reports assessed for eligibility (other)', 'Reports assessed for eligibility', 'Reports assessed for eligibility (other)', 'other_assessed.html', 0],
    ['other_excluded', 'node21', 'box15', 'Reports excluded (other): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]', 'Reports excluded', 'Reports excluded (other): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx', 'other_excluded.html', 0],
    ['new_studies', 'node15', 'box10', 'New studies included in review', 'New studies included in review', 'New studies included in review', 'new_studies.html', c.included],
    ['new_reports', 'NA', 'box10', 'Reports of new included studies', 'Reports of new included studies', 'NA', 'NA', c.included],
    ['total_studies', 'node22', 'box16', 'Total studies included in review', 'Total studies included in review', 'Total studies included in review', 'total_studies.html', c.included],
    ['total_reports', 'NA', 'box16', 'Reports of total included studies', 'Reports of total included studies', 'NA', 'NA', c.included],
    ['identification', 'node1', 'identification', 'Blue identification box', 'Identification', 'Blue identification box', 'identification.html', 0],
    ['screening', 'node2', 'screening', 'Blue screening box', 'Screening', 'Blue screening box', 'screening.html', 0],
    ['included', 'node3', 'included', 'Blue included box', 'Included', 'Blue included box', 'included.html', 0],
  ];
  // reasons and database names are user text: the writer defuses any that a spreadsheet would run as a formula
  return csvDocument(HEADER, rows);
}
