/**
 * The first id free for a new comment (and the confirmation bookmark that goes with it): above
 * every comment mark of the document, every comment of its comments part, and every confirmation
 * bookmark already there.
 */
export function nextMarkId(documentXml: string, commentsXml: string | null = null): number {
  const ids = [
    ...documentXml.matchAll(/<w:comment(?:RangeStart|RangeEnd|Reference)\b[^>]*\bw:id\s*=\s*["'](\d+)["']/g),
    ...(commentsXml ? commentsXml.matchAll(/<w:comment\b[^>]*\bw:id\s*=\s*["'](\d+)["']/g) : []),
    ...documentXml.matchAll(/w:name\s*=\s*["']_nbConfirm_[0-9a-fdx]*_(\d+)["']/g),
  ].map((m) => Number(m[1]));
  return ids.reduce((next, id) => Math.max(next, id + 1), 0);
}
