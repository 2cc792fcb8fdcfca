/** One line of a feed list that is not a URL. */
export interface FeedListProblem {
  line: number;
  text: string;
}

/**
 * The feed URLs of a list file: one per line; blank lines and lines starting with `#`
 * are skipped. Lines that are not http(s) URLs are returned as problems.
 */
export function readFeedList(text: string): { urls: string[]; problems: FeedListProblem[] } {
  const urls: string[] = [];
  const problems: FeedListProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (isFeedUrl(line)) urls.push(line);
    else problems.push({ line: index + 1, text: line });
  });
  return { urls, problems };
}

export function isFeedUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
