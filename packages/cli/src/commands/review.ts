import { ExoError } from '@exoatlas/schema';
import { optionsAfterCommand } from '../args.js';
import type { CommandIO } from '../command-io.js';
import { ACCOUNTS_SUBCOMMANDS } from './review/accounts.js';
import { REPORTING_SUBCOMMANDS } from './review/reporting.js';
import { SCREENING_SUBCOMMANDS } from './review/screening.js';
import { SEARCH_SUBCOMMANDS } from './review/searches.js';
import type { ReviewSubcommand } from './review/shared.js';

export const REVIEW_HELP = `Usage: exoatlas review <subcommand> [options]

  user add <name> --password-stdin [--display-name N] [--admin]
                                    create a reviewer account (password read from standard input: at least
                                    10 characters, not a common password, not the user name)
  user passwd <name> --password-stdin
                                    set a user's password (admins; the user's sessions end)
  user disable|enable <name>        disable an account (it cannot sign in, its sessions end) or enable it
  user unlock <name>                lift a sign-in lock after too many failed attempts
  user revoke-sessions <name>       end every session of a user
  user list                         every account, with admin, disabled and locked flags
  create --name N [--id ID] [--question Q] [--dual] [--population …] [--intervention …]
         [--comparator …] [--outcomes …] [--study-designs …] [--inclusion …] [--exclusion …]
                                    create a review project; you become its owner
  member <project> <user> --role owner|reviewer|viewer
                                    add a member or change a role
  member remove <project> <user>    remove a member (owners); their decisions stay; the last owner stays
  import <project> <files…> --database D --date YYYY-MM-DD [--query Q]
                                    import search exports (RIS, PubMed XML, nbib, BibTeX, CSV, CSL-JSON),
                                    de-duplicated; all files or none
  search add <project> --database pubmed|europepmc|openalex|crossref --query Q [--filter NAME=VALUE]…
         [--schedule none|daily|weekly]
                                    save a search of a bibliographic database (owners)
  search list <project>             saved searches with their last run (found, new)
  search run <project> <id> | search run --due
                                    run a saved search now (its new records are imported, de-duplicated);
                                    --due runs every due scheduled search (for cron on a server-less install)
  search schedule <project> <id> none|daily|weekly
                                    set how often the server runs it (EXOATLAS_SEARCH_EMAIL, EXOATLAS_NCBI_API_KEY,
                                    EXOATLAS_SEARCH_BASE_URL_<DATABASE> configure how runs reach the services)
  screen <project> [--stage S]      show your next record (highest ranked) with its score and the criteria
  screen <project> --record ID --decision include|exclude|maybe [--reason R] [--note T]
         [--stage S] [--expected-version V]
                                    record a decision (V defaults to your current version of it)
  retrieval <project> --record ID --not-retrieved|--retrieved
                                    mark a sought full text as not retrieved (PRISMA's "reports not
                                    retrieved") or as retrieved after all
  stop <project> [--note T]         stop prioritised title/abstract screening (owners): records nobody has
                                    screened count as excluded by automation tools in PRISMA
  resume <project>                  put them back in the screening queue
  conflicts <project> [--stage S]   records where reviewers disagree
  resolve <project> --record ID --decision include|exclude [--reason R]
          [--method third-reviewer|discussion] [--note T] [--stage S]
  agreement <project> [--stage S]   percent agreement and Cohen's kappa
  prisma <project> [--svg out.svg] [--png-svg out.svg] [--csv out.csv]
                                    PRISMA 2020 counts; diagram as SVG (or PNG-ready SVG); CSV for the PRISMA2020 tool
  curve <project> [-o FILE.svg]     the discovery curve: includes found against records screened (SVG)
  export <project> [--format ris|bibtex|csl-json|csv] [--stage S] [--status ST] [-o FILE]
                                    records with one outcome (default: full-text included, RIS), for a
                                    reference manager
  log <project> [-o FILE]           the screening log (CSV): every record's decisions, reasons, resolutions
  list | show <project> | audit <project> [--record ID] [--user NAME] [--stage S] [--limit N]

Every subcommand takes --as USER (or EXOATLAS_USER): the account to act as. Without it the CLI acts as the
local account "local" (created on first use, an admin with no password: whoever can open the database file is
trusted, as with any local file). --json prints JSON; --db FILE (or --database-url URL, DATABASE_URL) picks the
database.
`;

const SUBCOMMANDS: Record<string, ReviewSubcommand> = { ...ACCOUNTS_SUBCOMMANDS, ...SCREENING_SUBCOMMANDS, ...REPORTING_SUBCOMMANDS, ...SEARCH_SUBCOMMANDS };

/** `exoatlas review …`: review projects from the command line (see REVIEW_HELP). */
export async function reviewCommand(args: string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = optionsAfterCommand(args);
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(REVIEW_HELP);
    return sub === undefined ? 2 : 0;
  }
  const run = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run) throw new ExoError('EXO_ERR_CLI_USAGE', `unknown subcommand '${sub}' (see exoatlas review --help)`);
  return run(rest, io);
}
