/**
 * HTML pages → article parts. Page furniture (navigation, headers, footers, asides, menus) is
 * removed first. The body is the element the page marks as the article (`itemprop=articleBody`
 * or its only `<article>`), else what @mozilla/readability finds (run on a linkedom DOM), else a
 * plain walk over the rest of the page. Metadata comes from meta tags, JSON-LD, `<time datetime>`,
 * `<link rel=canonical>` and `<html lang>`. Scripts and styles never reach the text.
 */
import type { Credit } from "../model.js";
import { isCreditName, parseCreditLine } from "./credits.js";
import { parseDate } from "./dates.js";
import { linkedom, readability } from "./dom.js";
import { InputError } from "./errors.js";
import { normaliseLanguage } from "./language.js";
import type { Parts } from "./parts.js";

/** Elements whose content is never text. */
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "head", "button", "select", "textarea"]);
/** Elements that end a paragraph. */
const BLOCK = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
  "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th",
  "hr", "address", "form", "fieldset", "details", "summary", "body", "html",
]);
/** Page furniture by element or role, removed before the body is looked for. */
const FURNITURE =
  "nav, header, footer, aside, form, menu, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]";
/** Page furniture by class or id ("site-footer", "main-menu", "related-stories"). */
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:footer|nav|navbar|navigation|menu|sidebar|breadcrumbs?|cookies?|newsletter|related|share|sharing|social|subscribe|advert|ads?|promo)(?:$|[\s_-])/i;
/** Furniture holding more than this share of the page's text is kept (it probably wraps the article). */
const FURNITURE_MAX_SHARE = 0.5;
/** A body needs at least one paragraph of this many words to count as article text. */
const MIN_PARAGRAPH_WORDS = 6;

/**
 * Minimal DOM surface used here (linkedom's types are loose). Children are walked by sibling
 * links: linkedom rebuilds `childNodes` on every access.
 */
interface El {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: El | null;
  nextSibling: El | null;
  getAttribute(name: string): string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  remove(): void;
}

/** Paragraph texts of a DOM subtree, in order; `<br>` becomes a line break inside a paragraph. */
export function paragraphsOf(root: El): string[] {
  const out: string[] = [];
  let buf = "";
  const flush = () => {
    const p = buf
      .split("\n")
      .map((l) => l.replace(/[ \t\f\v\u00a0\u200b]+/g, " ").trim())
      .filter((l) => l.length > 0)
      .join("\n");
    if (p) out.push(p);
    buf = "";
  };
  const walk = (n: El) => {
    if (n.nodeType === 3) {
      buf += (n.textContent ?? "").replace(/\s+/g, " ");
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const tag = n.nodeName.toLowerCase().replace(/^.*:/, "");
    if (SKIP.has(tag)) return;
    if (tag === "br") {
      buf += "\n";
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** Paragraphs of an HTML fragment (feed descriptions); plain text passes through by blank lines. */
export function fragmentParagraphs(html: string): string[] {
  if (!/<[a-z!\/][^>]*>|&[#a-z0-9]+;/i.test(html)) {
    return html
      .split(/\n\s*\n/)
      .map((p) => p.replace(/[ \t]+/g, " ").trim())
      .filter((p) => p.length > 0);
  }
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return paragraphsOf(document.body as unknown as El);
}

const wordCount = (s: string) => (s.match(/\p{L}[\p{L}\p{M}'’\-]*/gu) ?? []).length;
const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** `<meta>` contents by lower-cased property, name, itemprop or http-equiv; the first one wins. */
function metaTags(doc: El): Map<string, string> {
  const out = new Map<string, string>();
  const metas = doc.querySelectorAll("meta");
  for (let i = 0; i < metas.length; i++) {
    const content = metas[i].getAttribute("content")?.trim();
    if (!content) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const key = metas[i].getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

/** The first of `keys` that the page's meta tags give. */
function meta(tags: Map<string, string>, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = tags.get(k.toLowerCase());
    if (v) return v;
  }
  return null;
}

const ARTICLE_TYPES = /article|posting|report/i;

/** Article objects from JSON-LD blocks (also inside arrays and `@graph`). */
function jsonLd(doc: El): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    const types = ([] as unknown[]).concat(o["@type"] ?? []);
    if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) out.push(o);
    if (o["@graph"]) visit(o["@graph"]);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i].textContent ?? ""));
    } catch {
      continue;
    }
  }
  return out;
}

function ldString(v: unknown): string | null {
  if (typeof v === "string" && v.trim()) return v.trim();
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    return ldString(o.name) ?? ldString(o["@id"]) ?? ldString(o.url);
  }
  return null;
}

/** Names of the people in a JSON-LD `author` value; organizations are left out. */
function ldNames(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(ldNames);
  if (typeof v === "string") return [v.trim()];
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const types = ([] as unknown[]).concat(o["@type"] ?? []);
    if (types.some((t) => typeof t === "string" && /organi[sz]ation|corporation/i.test(t))) return [];
    return typeof o.name === "string" ? [o.name.trim()] : [];
  }
  return [];
}

/** Authors from a byline string: "By X and Y", "X", or "X, Reuters". */
function bylineCredits(byline: string | null): Credit[] {
  if (!byline) return [];
  const t = byline.replace(/\s+/g, " ").trim();
  const parsed = parseCreditLine(/^by\b/i.test(t) ? t : `By ${t}`);
  if (parsed) return parsed.credits;
  return isCreditName(t) ? [{ role: "author", name: t }] : [];
}

function headline(doc: El): string | null {
  const scoped = doc.querySelector("article h1") ?? doc.querySelector("main h1");
  if (scoped?.textContent?.trim()) return scoped.textContent;
  const all = doc.querySelectorAll("h1");
  return all.length === 1 ? all[0].textContent : null;
}

/** Drops " | Site" / " - Site" from a page title when the suffix is the site's name. */
function pageTitle(doc: El, site: string | null): string | null {
  const t = doc.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim();
  if (!t) return null;
  if (site) {
    const m = new RegExp(`^(.*?)\\s+[|\\-–—:]\\s+${site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i").exec(t);
    if (m) return m[1];
  }
  return t;
}

function publishedTime(doc: El, tags: Map<string, string>, ld: Record<string, unknown>[]): string | null {
  const candidates = [
    meta(tags, "article:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "publication_date", "DC.date.issued", "dc.date", "date", "parsely-pub-date", "sailthru.date"),
    ...ld.map((o) => ldString(o.datePublished)),
    doc.querySelector("time[pubdate]")?.getAttribute("datetime") ?? null,
    doc.querySelector("article time[datetime]")?.getAttribute("datetime") ?? null,
    doc.querySelector("time[datetime]")?.getAttribute("datetime") ?? null,
    ...ld.map((o) => ldString(o.dateCreated)),
    meta(tags, "article:modified_time", "dateModified"),
  ];
  for (const c of candidates) {
    const iso = c ? parseDate(c) : null;
    if (iso) return iso;
  }
  return null;
}

/** Metadata of a page, read before Readability changes the DOM. */
function pageMeta(doc: El): Omit<Parts, "paragraphs" | "text"> {
  const ld = jsonLd(doc);
  const tags = metaTags(doc);
  const outlet = meta(tags, "og:site_name", "application-name") ?? ld.map((o) => ldString(o.publisher)).find((x) => x) ?? null;
  const title =
    headline(doc)?.replace(/\s+/g, " ").trim() ||
    meta(tags, "og:title", "twitter:title") ||
    ld.map((o) => ldString(o.headline)).find((x) => x) ||
    pageTitle(doc, outlet);
  const ldAuthors: Credit[] = ld
    .flatMap((o) => ldNames(o.author))
    .filter(isCreditName)
    .map((name) => ({ role: "author", name }));
  const credits = ldAuthors.length > 0 ? ldAuthors : bylineCredits(meta(tags, "author", "article:author", "byl"));
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim();
  const html = doc.querySelector("html");
  const language =
    normaliseLanguage(html?.getAttribute("lang")) ??
    normaliseLanguage(meta(tags, "content-language")) ??
    normaliseLanguage(meta(tags, "og:locale")) ??
    normaliseLanguage(ld.map((o) => ldString(o.inLanguage)).find((x) => x));
  return {
    title: title || null,
    publishedAt: publishedTime(doc, tags, ld),
    credits,
    outlet: outlet ?? undefined,
    url: canonical || meta(tags, "og:url") || ld.map((o) => ldString(o.url)).find((x) => x) || undefined,
    language: language ?? undefined,
  };
}

function hasArticleText(paragraphs: string[]): boolean {
  return paragraphs.some((p) => wordCount(p) >= MIN_PARAGRAPH_WORDS);
}

/** Drops the headline where the body repeats it near the top. */
function withoutHeadline(paragraphs: string[], title: string | null): string[] {
  if (!title) return paragraphs;
  const t = norm(title);
  const i = paragraphs.slice(0, 3).findIndex((p) => norm(p) === t);
  return i < 0 ? paragraphs : [...paragraphs.slice(0, i), ...paragraphs.slice(i + 1)];
}

/**
 * Removes navigation, headers, footers, asides and elements named like them, except those holding
 * the headline or an `<article>`/`<main>`, or most of the page's text.
 */
function stripFurniture(doc: El): void {
  const body = doc.querySelector("body") ?? doc;
  const total = (body.textContent ?? "").length || 1;
  const candidates = [...Array.from(body.querySelectorAll(FURNITURE)), ...Array.from(body.querySelectorAll("[class], [id]"))];
  for (const el of candidates) {
    const tag = el.nodeName.toLowerCase();
    if (tag === "article" || tag === "main" || tag === "body" || tag === "html") continue;
    const named = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
    if (!FURNITURE_NAME.test(named) && !matchesFurniture(el)) continue;
    if (el.querySelector("h1, article, main, [itemprop=articleBody]")) continue;
    if ((el.textContent ?? "").length > total * FURNITURE_MAX_SHARE) continue;
    el.remove();
  }
}

function matchesFurniture(el: El): boolean {
  const tag = el.nodeName.toLowerCase();
  const role = el.getAttribute("role");
  return (
    ["nav", "header", "footer", "aside", "form", "menu"].includes(tag) ||
    ["navigation", "banner", "contentinfo", "complementary"].includes(role ?? "") ||
    el.getAttribute("aria-hidden") === "true" ||
    el.getAttribute("hidden") !== null
  );
}

/**
 * Paragraphs of the element the page marks as the article body (`itemprop=articleBody`, or its
 * only `<article>`); this skips Readability, which is slow on large linkedom trees.
 */
function marked(doc: El): string[] {
  const articles = doc.querySelectorAll("article");
  const el = doc.querySelector("[itemprop=articleBody]") ?? (articles.length === 1 ? articles[0] : null);
  return el ? paragraphsOf(el) : [];
}

/** Article paragraphs and byline as Readability finds them; empty when it finds nothing. */
function readable(document: Document, info: Omit<Parts, "paragraphs" | "text">): { paragraphs: string[]; byline: string | null } {
  try {
    const article = new (readability().Readability)(document, { charThreshold: 100 }).parse();
    if (!article?.content) return { paragraphs: [], byline: null };
    const { document: content } = linkedom().parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    if (!info.title && article.title) info.title = article.title.replace(/\s+/g, " ").trim();
    return { paragraphs: paragraphsOf(content.body as unknown as El), byline: article.byline ?? null };
  } catch {
    return { paragraphs: [], byline: null };
  }
}

/** Reads an HTML page into parts; throws `InputError` when no article text can be found. */
export function readHtml(html: string, file: string): Parts {
  const { document } = linkedom().parseHTML(html);
  const doc = document as unknown as El;
  const info = pageMeta(doc);
  stripFurniture(doc);

  let paragraphs = marked(doc);
  let byline: string | null = null;
  if (!hasArticleText(paragraphs)) {
    ({ paragraphs, byline } = readable(document as unknown as Document, info));
  }
  if (!hasArticleText(paragraphs)) {
    const { document: fresh } = linkedom().parseHTML(html);
    stripFurniture(fresh as unknown as El);
    paragraphs = paragraphsOf((fresh as unknown as El).querySelector("body") ?? (fresh as unknown as El));
  }
  if (!hasArticleText(paragraphs)) throw new InputError(file, "no article text found in the HTML");
  if (info.credits?.length === 0) info.credits = bylineCredits(byline);
  return { ...info, paragraphs: withoutHeadline(paragraphs, info.title ?? null) };
}
