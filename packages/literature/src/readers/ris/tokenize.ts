/** Tags as shared strings, so that reading a tag allocates nothing. */
const TAGS = new Map<number, string>();

/**
 * The tag of a RIS line — "TY  - JOUR", "ER  -", "ER  - " (tag, two spaces, hyphen, space), or with `isOneSpace` the
 * "TY - JOUR" dialect some tools write — or undefined for text (a continuation line, a blank line).
 */
export function risTag(line: string, isOneSpace: boolean): string | undefined {
  const n = line.length;
  if (n < 4) return undefined;
  const c0 = line.charCodeAt(0);
  const c1 = line.charCodeAt(1);
  if (!isUpper(c0) || !isUpperOrDigit(c1) || line.charCodeAt(2) !== 32) return undefined;
  const c3 = line.charCodeAt(3);
  const isTag = (c3 === 32 && n >= 5 && line.charCodeAt(4) === 45 && (n === 5 || line.charCodeAt(5) === 32)) || (isOneSpace && c3 === 45 && (n === 4 || line.charCodeAt(4) === 32));
  if (!isTag) return undefined;
  const code = c0 * 256 + c1;
  let tag = TAGS.get(code);
  if (tag === undefined) TAGS.set(code, (tag = line.slice(0, 2)));
  return tag;
}

/** The value of a tag line that risTag accepted. */
export function risValue(line: string): string {
  const start = line.charCodeAt(3) === 45 ? 5 : 6;
  if (line.length <= start) return '';
  const last = line.charCodeAt(line.length - 1);
  return last === 32 || last === 9 ? line.slice(start).trimEnd() : line.slice(start);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isUpperOrDigit(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** True for a first TY line in the one-space dialect ("TY - JOUR"). */
export function isOneSpaceTy(line: string): boolean {
  return /^TY -(?: |$)/.test(line);
}

/** The tags of the RIS specification and of the exporters seen in the wild (Embase, Scopus, WoS, ProQuest, Citavi, …). */
export const KNOWN_RIS_TAGS: ReadonlySet<string> = new Set(
  (
    'TY A1 A2 A3 A4 AB AD AN AU AV BT C1 C2 C3 C4 C5 C6 C7 C8 CA CN CP CR CT CY DA DB DI DO DP ED EP ER ET FU FX ID IS J1 J2 JA JF JI JO J9 ' +
    'KW L1 L2 L3 L4 LA LB LK M1 M2 M3 M4 N1 N2 NV OP PA PB PI PP PU PY RI RN RP SE SN SP ST T1 T2 T3 TA TI TS TT U1 U2 U3 U4 U5 UR VL VO WE Y1 Y2'
  ).split(' '),
);
