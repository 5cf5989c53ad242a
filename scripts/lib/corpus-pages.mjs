// Which pages a corpus run loads: every DIR/<name>/source.html (the layout of the Readability test
// pages) and every DIR/<name>.html, by name.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** [{ name, path }] sorted by name; `path` is the page's URL path below a server rooted at `dir`. */
export function listPages(dir) {
  const pages = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (existsSync(join(full, 'source.html'))) pages.push({ name: entry, path: `/${encodeURIComponent(entry)}/source.html` });
    } else if (/\.html?$/i.test(entry)) {
      pages.push({ name: entry.replace(/\.html?$/i, ''), path: `/${encodeURIComponent(entry)}` });
    }
  }
  return pages;
}
