/** A RIS line: a tag and its value, or text (a continuation line, a blank line, text outside records). */
export type RisLine = { tag: string; value: string } | { tag: undefined; text: string };

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isUpperOrDigit(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * Reads one RIS line: "TY  - JOUR", "ER  -", "ER  - " (the standard: tag, two spaces, hyphen, space). With
 * `isOneSpace`, the "TY - JOUR" dialect some tools write. Anything else is text.
 */
export function tokenizeRisLine(line: string, isOneSpace = false): RisLine {
  const n = line.length;
  if (n >= 4 && isUpper(line.charCodeAt(0)) && isUpperOrDigit(line.charCodeAt(1)) && line.charCodeAt(2) === 32) {
    if (n >= 5 && line.charCodeAt(3) === 32 && line.charCodeAt(4) === 45 && (n === 5 || line.charCodeAt(5) === 32)) {
      return { tag: line.slice(0, 2), value: n > 6 ? line.slice(6).trimEnd() : '' };
    }
    if (isOneSpace && line.charCodeAt(3) === 45 && (n === 4 || line.charCodeAt(4) === 32)) {
      return { tag: line.slice(0, 2), value: n > 5 ? line.slice(5).trimEnd() : '' };
    }
  }
  return { tag: undefined, text: line };
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
