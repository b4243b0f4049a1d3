/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds → one article part per item/entry: title, link, guid/id,
 * pubDate/published/updated, and the body from content:encoded, content, description or summary
 * (HTML inside is converted to paragraphs). The channel/feed title becomes the outlet.
 */
import type { Credit } from "../model.js";
import { isCreditName } from "./credits.js";
import { parseDate } from "./dates.js";
import { linkedom } from "./dom.js";
import { fragmentParagraphs, paragraphsOf } from "./html.js";
import { normaliseLanguage } from "./language.js";
import type { Parts } from "./parts.js";

interface XEl {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: XEl | null;
  nextSibling: XEl | null;
  getAttribute(name: string): string | null;
}

const name = (e: XEl) => e.nodeName.toLowerCase();

/** Element children, walked by sibling links (linkedom rebuilds `childNodes` on every access). */
function children(e: XEl): XEl[] {
  const out: XEl[] = [];
  for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c);
  return out;
}

function child(e: XEl, ...names: string[]): XEl | null {
  const kids = children(e);
  for (const n of names) {
    const hit = kids.find((k) => name(k) === n);
    if (hit) return hit;
  }
  return null;
}

const text = (e: XEl | null) => (e?.textContent ?? "").replace(/\s+/g, " ").trim();

/** All descendants named `n` (items may sit in a channel or directly under the root). */
function descendants(root: XEl, n: string): XEl[] {
  const out: XEl[] = [];
  const walk = (e: XEl) => {
    for (const k of children(e)) {
      if (name(k) === n) out.push(k);
      else walk(k);
    }
  };
  walk(root);
  return out;
}

/** Root element of the document, or null. */
function rootOf(xml: string): XEl | null {
  const doc = new (linkedom().DOMParser)().parseFromString(xml, "text/xml") as unknown as XEl;
  return children(doc)[0] ?? null;
}

function atomLink(e: XEl): string | undefined {
  const links = children(e).filter((k) => name(k) === "link");
  const best = links.find((l) => !l.getAttribute("rel") || l.getAttribute("rel") === "alternate") ?? links[0];
  return best?.getAttribute("href")?.trim() || text(best ?? null) || undefined;
}

/** Body paragraphs of an item: the fullest content element that has text. */
function body(e: XEl): string[] {
  for (const n of ["content:encoded", "content", "description", "summary"]) {
    const el = child(e, n);
    if (!el) continue;
    const paragraphs = el.getAttribute("type") === "xhtml" ? paragraphsOf(el as never) : fragmentParagraphs(el.textContent ?? "");
    if (paragraphs.length > 0) return paragraphs;
  }
  return [];
}

function authors(e: XEl): Credit[] {
  const out: Credit[] = [];
  for (const k of children(e)) {
    const n = name(k);
    let who = "";
    if (n === "dc:creator") who = text(k);
    else if (n === "author") {
      const inner = child(k, "name");
      who = inner ? text(inner) : text(k);
      const email = /^\S+@\S+\s*\((.+)\)$/.exec(who);
      if (email) who = email[1].trim();
    }
    if (who && isCreditName(who)) out.push({ role: "author", name: who });
  }
  return out;
}

/**
 * Parses a feed; null when the XML is not a feed. Items with neither title nor text are left out;
 * items without guid/id or link get the id `${idBase}#${n}` (n counts items from 1).
 */
export function readFeed(xml: string, idBase: string): Parts[] | null {
  const root = rootOf(xml);
  if (!root || !["rss", "feed", "rdf:rdf"].includes(name(root))) return null;
  const atom = name(root) === "feed";
  const channel = atom ? root : (child(root, "channel") ?? root);
  const outlet = text(child(channel, "title")) || undefined;
  const feedLang = normaliseLanguage(text(child(channel, "language", "dc:language"))) ?? normaliseLanguage(root.getAttribute("xml:lang"));
  const items = descendants(root, atom ? "entry" : "item");
  const out: Parts[] = [];
  items.forEach((item, i) => {
    const title = text(child(item, "title"));
    const paragraphs = body(item);
    if (!title && paragraphs.length === 0) return;
    const link = atom ? atomLink(item) : text(child(item, "link")) || undefined;
    const id = text(child(item, atom ? "id" : "guid")) || link || `${idBase}#${i + 1}`;
    const dateText = text(child(item, "pubdate", "dc:date", "published", "issued", "updated", "modified"));
    out.push({
      id,
      title: title || null,
      paragraphs,
      publishedAt: dateText ? parseDate(dateText) : null,
      url: link,
      outlet,
      credits: authors(item),
      language: normaliseLanguage(item.getAttribute("xml:lang")) ?? feedLang ?? undefined,
      diagnostics:
        dateText && !parseDate(dateText)
          ? [{ severity: "warning", message: `cannot read the item date "${dateText}"`, rule: "read/feed-date" }]
          : [],
    });
  });
  return out;
}
