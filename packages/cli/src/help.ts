export const VERSION = '0.1.0';

export const HELP = `exoatlas ${VERSION} — the evidence atlas for exosome therapies from iPSC-derived MSCs

Usage: exoatlas <command> [options]

Atlas
  serve [--port N] [--host H] [--workers N]
        [--allowed-origin O]… [--trust-proxy] [--meta-rate-limit N]
                                    serve the web app and the HTTP API (PORT is honoured too); heavy
                                    jobs run in N worker threads (0 = none); other sites allowed to
                                    write (EXOATLAS_ALLOWED_ORIGINS), trust X-Forwarded-* of a TLS
                                    proxy (TRUST_PROXY), POST /api/meta per minute per address
                                    (default 30; 0 = no limit)
  studies [filters] [--json]        list studies; filters: --area, --condition, --species,
                                    --cell-source (of the vesicles tested), --comparator (what
                                    they were compared with; none = control), --setting,
                                    --vesicle exosome|cell|all, --entity, --table1, --text,
                                    --origin review|project, --limit, --offset
  show <study-id> [--json]          one study with its provenance and references
  search <words…> [--kind K] [--limit N] [--json]
                                    full-text search over every record kind
  search test-connection <pubmed|europepmc|openalex|crossref> [--email E] [--api-key K] [--base-url U]
                                    one tiny real query: the count the service reports and the latency
  export --json                     the whole knowledge base as one JSON document
  entities [words…] [--kind K] [--json]
                                    entities with their claim and study counts
  entity <id|name…> [--json]        one entity: its claims, studies, diseases, references
  claims [--entity E] [--figure N] [--area A] [--cell-source S] [--json]
                                    mechanism claims, each with the review's sentence
  graph [--focus E --depth N] [--from A --to B] [--area A] [--figure N] [--entity E]
        [--cell-source S] [--format json|dot|cytoscape] [--json]
                                    the mechanism graph, a neighbourhood, or paths
  map [--rows D] [--cols D] [--vesicle exosome|cell|all] [--json]
                                    evidence map: study counts, iMSC-vs-adult comparisons, gaps
  methods [--advise] [--volume small|large] [--purity high|low] [--yield high|low] [--cost low]
          [--scalability high] [--speed high] [--function preserved] [--equipment a,b]
          [--weight NEED=W] [--json]
                                    isolation methods, or their ranking for your needs
  refs [N…] [--format bibtex|ris|csl-json|vancouver] [--json]
                                    the review's references, as printed or in a citation format
  validate                          check data/ and report every problem with file and line

Meta-analysis
  meta <file.csv> --measure M [--method T] [--test z|knha] [--mods a,b] [--subgroup col]
       [--bias] [--leave-one-out] [--permutations N --seed S] [--forest f.svg] [--funnel f.svg] [--json]

Literature
  convert <file> --to ris|bibtex|csl-json|csv [-o out]
                                    PubMed XML, MEDLINE/nbib, RIS, BibTeX, CSV/TSV, CSL-JSON in
  dedup <files…> [--json]           duplicate groups (with reasons and scores) and the unique count
  import <files…> [--database D] [--date YYYY-MM-DD] [--query Q] [--format F] [--json]
                                    search exports into the store, one transaction per file

Living review (exoatlas review --help for every option)
  review create --name N [--question Q] [--dual] [--population …]   a review project
  review import <project> <files…> --database D --date YYYY-MM-DD [--query Q]
  review screen <project> --as USER [--record ID --decision include|exclude|maybe [--reason R]]
  review conflicts|resolve|agreement|prisma <project> …    review user add <name> --password-stdin
  screen simulate <labelled.csv> --seed S [--label-column NAME] [--json]
                                    measure the prioritised ranking (WSS@95, RRF@10, ATD)
  synthesis extract|appraise <project> --record ID --file F | --syrcle F | --misev F [--consensus]
  synthesis run <project> --outcome O [--measure SMD|ROM|NMD] [--subgroup C] [--forest f.svg] [--save]
  synthesis studies|forms|appraisal|show|publish|unpublish <project> … (exoatlas synthesis --help)

Moving and keeping data (exoatlas db --help)
  db migrate [--status]             bring the database to the latest migration, or list applied/pending
  db copy --from X --to Y [--force] a whole installation between SQLite files and PostgreSQL URLs, verified
  db verify --from X --to Y         row counts and checksums of every table compared
  db backup --to FILE · db restore --from FILE [--force]
                                    SQLite online backup (PostgreSQL: a copy into a SQLite file); restore

Common options: --data DIR (default: the project's data/, or EXOATLAS_DATA),
                --db FILE (default: .exoatlas/atlas.sqlite, or EXOATLAS_DB),
                --database-url URL (PostgreSQL, or DATABASE_URL; --db wins over DATABASE_URL)
Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 invalid data, 5 storage, 6 conflict, 7 auth.
`;
