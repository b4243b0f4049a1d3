import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError, readString, sniffFormat } from "../../src/read/index.js";
import { assertRegions, quoted } from "./regions.js";

const PARA = "At least nine people were killed on Sunday when two armed factions clashed in the city, medical sources said.";

const page = (head: string, body: string, lang = "en") =>
  `<!DOCTYPE html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;

test("sniffFormat tells formats apart from their first characters", () => {
  const cases: [string, string][] = [
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "feed"],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"],
    ["<!-- saved page -->\n<!DOCTYPE html><html></html>", "html"],
    ["<p>Just a paragraph</p>", "html"],
    ['{"text": "a"}\n{"text": "b"}', "jsonl"],
    ['{"text": "a",\n "title": "b"}', "json"],
    ['[{"text": "a"}]', "json"],
    ["[Editor's note] Plain text", "text"],
    ["Plain text with <b> later", "text"],
  ];
  for (const [text, want] of cases) assert.equal(sniffFormat(text), want, text.slice(0, 30));
});

test("HTML: article body, metadata and no page furniture", () => {
  const html = page(
    `<title>Nine killed in Aden | Coast Monitor</title>
     <meta property="og:site_name" content="Coast Monitor">
     <meta property="article:published_time" content="2022-08-14T21:05:00+03:00">
     <link rel="canonical" href="https://coast.example/aden">
     <style>p { color: red }</style><script>var secret = "tracking";</script>`,
    `<nav><a href="/">Home</a> <a href="/yemen">Yemen</a></nav>
     <article><h1>Nine killed in Aden</h1><p class="byline">By Salem Ahmed</p>
     <p>ADEN: ${PARA}<script>document.write("leak")</script></p>
     <p>Residents said the fighting<br>lasted until dawn and more than 20 people were wounded.</p></article>
     <footer>Copyright Coast Monitor. All rights reserved.</footer>`,
    "en-GB",
  );
  const [doc] = readString(html, { file: "a.html" });
  assert.equal(doc.meta.title, "Nine killed in Aden");
  assert.equal(doc.meta.publishedAt, "2022-08-14T21:05+03:00");
  assert.equal(doc.meta.language, "en");
  assert.deepEqual(doc.meta.source, { url: "https://coast.example/aden", outlet: "Coast Monitor", file: "a.html" });
  assert.deepEqual(doc.meta.credits, [{ role: "author", name: "Salem Ahmed" }]);
  assert.ok(doc.text.startsWith("Nine killed in Aden\n\n"), "headline is the first paragraph");
  assert.ok(doc.text.includes("Residents said the fighting\nlasted until dawn"), "<br> is a line break");
  for (const leak of ["tracking", "leak", "color", "Home", "All rights reserved"]) assert.ok(!doc.text.includes(leak), leak);
  assertRegions(doc.text, doc.regions, "html");
  const regions = quoted(doc.text, doc.regions);
  if (doc.text.includes("By Salem Ahmed")) assert.ok(regions.some(([k, t]) => k === "credit" && t === "By Salem Ahmed"), "a kept byline is a credit");
  assert.deepEqual(regions.filter(([k]) => k !== "credit"), [
    ["title", "Nine killed in Aden"],
    ["dateline", "ADEN:"],
    ["body", doc.text.slice(doc.text.indexOf("At least"))],
  ]);
});

test("HTML: page furniture named by class or id stays out of short articles", () => {
  const menu = Array.from({ length: 12 }, (_, i) => `<li><a href="/s${i}">Section number ${i} of the site menu</a></li>`).join("");
  const cases: [string, string, string][] = [
    ["class footer", `<h1>Short</h1><div class="text">${PARA}</div><div class="site-footer"><p>About us and the terms of use of this web site.</p></div>`, "About us"],
    ["id menu", `<div id="main-menu"><ul>${menu}</ul></div><h1>Short</h1><div>${PARA}</div>`, "Section number"],
    ["related list", `<h1>Short</h1><div>${PARA}</div><section class="related-stories"><p>Another story about the war in the north of Syria.</p></section>`, "Another story"],
  ];
  for (const [name, body, leak] of cases) {
    const [doc] = readString(page("<title>Short</title>", body), { file: "s.html" });
    assert.ok(doc.text.includes(PARA), name);
    assert.ok(!doc.text.includes(leak), `${name}: ${JSON.stringify(doc.text)}`);
  }
  const wrapped = `<div class="nav-wrapper"><h1>Kept</h1><p>${PARA}</p></div>`;
  assert.ok(readString(page("<title>Kept</title>", wrapped), { file: "w.html" })[0].text.includes(PARA), "a wrapper holding the headline is kept");
});

test("HTML: metadata sources in order of preference", () => {
  const body = `<div><p>${PARA}</p></div>`;
  const cases: [string, string, Record<string, unknown>][] = [
    [
      "JSON-LD",
      `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"LD headline","datePublished":"2020-01-02T03:04:00Z","author":[{"name":"Rana Saleh"}],"publisher":{"name":"LD Outlet"}}]}</script>`,
      { title: "LD headline", publishedAt: "2020-01-02T03:04Z", credits: [{ role: "author", name: "Rana Saleh" }], outlet: "LD Outlet" },
    ],
    [
      "time element and page title",
      `<title>Page headline - Site</title><meta property="og:site_name" content="Site">`,
      { title: "Page headline", outlet: "Site" },
    ],
    ["meta author", `<meta name="author" content="By Omar Farouk"><title>T</title>`, { credits: [{ role: "author", name: "Omar Farouk" }] }],
    [
      "JSON-LD organization author is no person",
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"@type":"NewsMediaOrganization","name":"Coast Monitor"}}</script>`,
      { credits: [] },
    ],
    ["broken JSON-LD is ignored", `<script type="application/ld+json">{not json</script><title>T</title>`, { title: "T" }],
  ];
  for (const [name, head, want] of cases) {
    const extra = name.startsWith("time") ? `<time datetime="2019-05-06">May 6</time>` : "";
    const [doc] = readString(page(head, extra + body), { file: "x.html" });
    if ("title" in want) assert.equal(doc.meta.title, want.title, name);
    if ("publishedAt" in want) assert.equal(doc.meta.publishedAt, want.publishedAt, name);
    if ("credits" in want) assert.deepEqual(doc.meta.credits, want.credits, name);
    if ("outlet" in want) assert.equal(doc.meta.source?.outlet, want.outlet, name);
    if (name.startsWith("time")) assert.equal(doc.meta.publishedAt, "2019-05-06", name);
  }
});

test("HTML: broken markup still gives text; pages without an article are refused", () => {
  const [doc] = readString(`<html><body><div><p>${PARA}<p>Second paragraph about the clashes in the city<div>`, { file: "b.html" });
  assert.ok(doc.text.includes(PARA));
  assert.ok(doc.text.includes("Second paragraph about the clashes"));
  const empty = [
    page("<title>Home</title>", `<nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>Contact us</footer>`),
    page("<title>Script only</title>", `<script>var a = "a long script that says many words in a row here";</script>`),
  ];
  for (const html of empty) {
    assert.throws(
      () => readString(html, { file: "e.html" }),
      (e: unknown) => e instanceof InputError && e.problem === "no article text found in the HTML",
    );
  }
});

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Wire</title><language>en-us</language>
<item><title>First &amp; foremost</title><link>https://w.example/1</link><guid>g-1</guid>
<pubDate>Wed, 12 Apr 2023 09:40:00 +0300</pubDate><dc:creator>Dilan Rashid</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>MOSUL: ${PARA}</p><p>Second.</p>]]></content:encoded></item>
<item><title>Second item</title><link>https://w.example/2</link>
<description>&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt; body.&lt;/p&gt;</description></item>
<item><description></description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Atom Wire</title>
<entry><title>Entry one</title><id>urn:x:1</id><link rel="alternate" href="https://a.example/1"/>
<published>2021-06-07T11:20:00Z</published><updated>2021-06-08T00:00:00Z</updated>
<author><name>Nadia Karam</name></author><summary type="html">&lt;p&gt;Les combats ont repris dans la ville selon des sources locales et les habitants.&lt;/p&gt;</summary></entry>
<entry><title>Entry two</title><content type="text">Plain content.</content></entry>
</feed>`;

test("feeds: one document per item or entry", () => {
  const rss = readString(RSS, { file: "w.xml" });
  assert.equal(rss.length, 2, "the item with neither title nor text is left out");
  assert.deepEqual(
    rss.map((d) => [d.meta.id, d.meta.title, d.meta.publishedAt, d.meta.source?.url, d.meta.source?.outlet, d.meta.language]),
    [
      ["g-1", "First & foremost", "2023-04-12T09:40+03:00", "https://w.example/1", "Wire", "en"],
      ["https://w.example/2", "Second item", null, "https://w.example/2", "Wire", "en"],
    ],
  );
  assert.equal(rss[0].text, `First & foremost\n\nMOSUL: ${PARA}\n\nSecond.`, "content:encoded wins over description");
  assert.deepEqual(rss[0].meta.credits, [{ role: "author", name: "Dilan Rashid" }]);
  assert.equal(rss[1].text, "Second item\n\nEscaped HTML body.");
  const atom = readString(ATOM, { file: "a.atom" });
  assert.deepEqual(
    atom.map((d) => [d.meta.id, d.meta.title, d.meta.publishedAt, d.meta.source?.url, d.meta.language]),
    [
      ["urn:x:1", "Entry one", "2021-06-07T11:20Z", "https://a.example/1", "fr"],
      ["a.atom#2", "Entry two", null, undefined, "fr"],
    ],
  );
  assert.deepEqual(atom[0].meta.credits, [{ role: "author", name: "Nadia Karam" }]);
  for (const d of [...rss, ...atom]) {
    assertRegions(d.text, d.regions, d.meta.id);
    assert.equal(d.regions[0].kind, "title");
  }
});

test("feeds: XML that is not a feed is refused", () => {
  assert.throws(
    () => readString(`<?xml version="1.0"?><catalog><book>x</book></catalog>`, { file: "c.xml" }),
    (e: unknown) => e instanceof InputError && e.problem === "XML is not an RSS or Atom feed",
  );
  assert.throws(
    () => readString(`<rss><channel><title>Empty</title></channel></rss>`, { file: "c.rss" }),
    (e: unknown) => e instanceof InputError && e.problem === "the feed has no items with text",
  );
});

test("JSON lines: one document per line with optional fields", () => {
  const jsonl = [
    JSON.stringify({ id: "r1", text: `Headline\n\n${PARA}`, publishedAt: "2021-06-07T11:20", url: "https://x.example/1", language: "en" }),
    "",
    JSON.stringify({ text: PARA, title: "Given title", date: "March 2, 2022", author: "Rana Saleh", outlet: "Wire" }),
    JSON.stringify({ text: PARA, published_at: "not a date", id: 7 }),
  ].join("\n");
  const docs = readString(jsonl, { file: "a.jsonl" });
  assert.deepEqual(
    docs.map((d) => [d.meta.id, d.meta.title, d.meta.publishedAt, d.meta.source]),
    [
      ["r1", "Headline", "2021-06-07T11:20", { url: "https://x.example/1", file: "a.jsonl" }],
      ["a.jsonl#3", "Given title", "2022-03-02", { outlet: "Wire", file: "a.jsonl" }],
      ["7", null, null, { file: "a.jsonl" }],
    ],
  );
  assert.deepEqual(docs[1].meta.credits, [{ role: "author", name: "Rana Saleh" }]);
  assert.equal(docs[2].diagnostics[0]?.severity, "warning", "an unreadable date is a warning");
  assert.equal(docs[0].text, `Headline\n\n${PARA}`, "text is kept as given");
});

test("JSON lines and JSON: bad records name the file and line", () => {
  const cases: [string, string, string][] = [
    ["a.jsonl", `{"text": "ok"}\n{"text": "broken"`, "line 2: not valid JSON"],
    ["a.jsonl", `{"text": "ok"}\n\n{"title": "no text"}`, 'line 3: no "text" field with article text'],
    ["a.jsonl", `{"text": "ok"}\n[1, 2]`, "line 2: expected a JSON object"],
    ["a.json", `[]`, "the JSON list is empty"],
    ["a.json", `[{"text": "a"}, {"text": ""}]`, 'item 2: no "text" field with article text'],
  ];
  for (const [file, text, problem] of cases) {
    assert.throws(
      () => readString(text, { file }),
      (e: unknown) => e instanceof InputError && e.file === file && e.problem.startsWith(problem),
      problem,
    );
  }
});

test("JSON: one object gives one document, a list several", () => {
  assert.equal(readString(`{"text": "${PARA}", "id": "one"}`, { file: "o.json" })[0].meta.id, "one");
  assert.deepEqual(
    readString(`[{"text": "${PARA}"}, {"text": "${PARA}"}]`, { file: "l.json" }).map((d) => d.meta.id),
    ["l.json#1", "l.json#2"],
  );
});

test("inputFormat overrides the extension and sniffing", () => {
  const text = `{"text": "${PARA}", "id": "j"}`;
  const cases: [ReturnType<typeof readString>, string][] = [
    [readString(text, { file: "x.txt" }), "x.txt"],
    [readString(text, { file: "x.txt", inputFormat: "jsonl" }), "j"],
    [readString(text, { file: "x.jsonl", inputFormat: "text" }), "x.jsonl"],
  ];
  for (const [docs, id] of cases) assert.equal(docs[0].meta.id, id);
});
