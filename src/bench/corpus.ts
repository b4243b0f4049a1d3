/**
 * A deterministic corpus of invented news-like articles for `npm run bench`: templated sentences
 * over Arabic names, armed groups, places, dates, counts and reporting verbs, drawn with a seeded
 * PRNG so every run measures the same text. The people and events are invented.
 */
import { mulberry32 } from "../util/random.js";

const GIVEN = ["Mohammed", "Ahmad", "Omar", "Khalid", "Hassan", "Hussein", "Ali", "Yousef", "Ibrahim", "Mahmoud", "Abdul Rahman", "Abdullah", "Saleh", "Jamal", "Tariq", "Fadi", "Bilal", "Ziad", "Walid", "Mustafa", "Aisha", "Fatima", "Layla", "Rania", "Noura"];
const KUNYA = ["Abu Bakr", "Abou Ali", "Abu Omar", "Abu Sulaiman", "Abou Khalid", "Abu Mohammed", "Abu Yahya", "Abou Qatada", "Abu Muslim", "Abu Hamza"];
const NISBA = ["al-Suri", "al-Iraqi", "al-Maqdisi", "al-Tunisi", "al-Baluchi", "al-Sudani", "al-Ansari", "al-Jazrawi", "al-Halabi", "al-Dayri", "al-Kurdi", "al-Libi", "al-Idlibi", "al-Deir Zori"];
const FAMILY = ["al-Hassan", "Saleh", "al-Khatib", "Haddad", "al-Obeidi", "al-Jubouri", "Nasrallah", "al-Zubaidi", "Mansour", "al-Ahmad", "Darwish", "al-Sheikh"];
const GROUPS: readonly [string, string | null][] = [
  ["the Islamic State", "ISIS"], ["Hayat Tahrir al-Sham", "HTS"], ["the Syrian Democratic Forces", "SDF"], ["Kata'ib Hezbollah", null],
  ["al-Shabaab", null], ["Ansar Allah", null], ["Jaysh al-Islam", null], ["the Free Syrian Army", "FSA"], ["Ahrar al-Sham", null],
  ["the Popular Mobilization Forces", "PMF"], ["the Southern Transitional Council", "STC"], ["Liwa al-Quds", null], ["Saraya al-Salam", null],
  ["the Deir ez-Zor Military Council", null], ["Jabhat al-Nusra", null], ["Hurras al-Din", null],
];
const PLACES: readonly [string, string][] = [
  ["Deir ez-Zor", "Syria"], ["Raqqa", "Syria"], ["Idlib", "Syria"], ["Albu Kamal", "Syria"], ["Manbij", "Syria"], ["Jarablus", "Syria"],
  ["Daraa", "Syria"], ["Hama", "Syria"], ["Aleppo", "Syria"], ["al-Hasakah", "Syria"], ["Mosul", "Iraq"], ["Fallujah", "Iraq"],
  ["Ramadi", "Iraq"], ["Tal Afar", "Iraq"], ["Kirkuk", "Iraq"], ["Aden", "Yemen"], ["Sanaa", "Yemen"], ["Marib", "Yemen"],
  ["Taiz", "Yemen"], ["Benghazi", "Libya"], ["Sirte", "Libya"], ["Mogadishu", "Somalia"], ["Kismayo", "Somalia"], ["Sinai", "Egypt"],
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen", "dozens of", "hundreds of"];
const QUALIFIERS = ["", "more than ", "at least ", "about ", "nearly ", "up to "];
const VICTIMS = ["fighters", "civilians", "members", "soldiers", "militants", "people"];
const ANON_SOURCES = ["A knowledgeable source", "A local source", "Activists", "Eyewitnesses", "A security official", "Local residents", "A military source", "Sources close to the group"];
const OUTLETS = ["Enab Baladi", "Syria Direct", "Reuters", "the Syrian Observatory for Human Rights", "Al-Masdar News", "Step News Agency"];
const SAY = ["reported that", "said that", "told Enab Baladi that", "confirmed that", "claimed that", "stated that"];
const POSTS = ["a member of the shura council of", "a military commander in", "the security chief of", "a spokesman for", "an official of", "the emir of"];

/** Draws from one seeded PRNG. */
class Draw {
  constructor(readonly next: () => number) {}

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }

  person(): string {
    switch (this.int(0, 3)) {
      case 0: return `${this.pick(KUNYA)} ${this.pick(NISBA)}`;
      case 1: return `${this.pick(GIVEN)} ${this.pick(FAMILY)}`;
      case 2: return `Sheikh ${this.pick(GIVEN)} ${this.pick(FAMILY)}`;
      default: return `${this.pick(GIVEN)} bin ${this.pick(GIVEN)} ${this.pick(FAMILY)}`;
    }
  }

  group(): string {
    return this.pick(GROUPS)[0];
  }

  /** A group named in full, with its acronym in brackets when it has one. */
  groupIntro(): string {
    const [name, acronym] = this.pick(GROUPS);
    return acronym ? `${name} (${acronym})` : name;
  }

  place(): string {
    return this.pick(PLACES)[0];
  }

  placeIn(): string {
    const [town, country] = this.pick(PLACES);
    return this.next() < 0.5 ? `the town of ${town} in ${country}` : `${town}, in the ${this.pick(["eastern", "western", "northern", "southern"])} countryside`;
  }

  date(year: number): string {
    switch (this.int(0, 6)) {
      case 0: return `on ${this.pick(MONTHS)} ${this.int(1, 28)}`;
      case 1: return `on ${this.int(1, 28)} ${this.pick(MONTHS)} ${year - this.int(0, 3)}`;
      case 2: return `last ${this.pick(WEEKDAYS)}`;
      case 3: return `in ${year - this.int(1, 8)}`;
      case 4: return `about ${this.pick(NUMBER_WORDS.slice(0, 8))} months ago`;
      case 5: return `in early ${this.pick(MONTHS)}`;
      default: return "two days ago";
    }
  }

  count(): string {
    return this.next() < 0.5 ? `${this.pick(QUALIFIERS)}${this.int(2, 400)} ${this.pick(VICTIMS)}` : `${this.pick(NUMBER_WORDS)} ${this.pick(VICTIMS)}`;
  }

  source(): string {
    const r = this.next();
    if (r < 0.4) return `${this.pick(ANON_SOURCES)} from ${this.group()}`;
    if (r < 0.7) return this.pick(OUTLETS);
    return `${this.person()}, ${this.pick(POSTS)} ${this.group()},`;
  }
}

type Sentence = (d: Draw, year: number) => string;

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One template per kind of statement, so every stage sees its kind of input. */
const SENTENCES: readonly Sentence[] = [
  (d, y) => `${d.source()} ${d.pick(SAY)} fighters from ${d.group()} clashed with ${d.group()} in ${d.placeIn()} ${d.date(y)}, leaving ${d.count()} dead.`,
  (d) => `${d.person()}, also known as ${d.pick(KUNYA)} ${d.pick(NISBA)}, was ${d.pick(POSTS)} ${d.groupIntro()}.`,
  (d, y) => `${d.person()}, the leader of ${d.group()}, was killed in an air strike near ${d.place()} ${d.date(y)}.`,
  (d, y) => `According to ${d.pick(OUTLETS)}, ${d.group()} arrested ${d.count()} in ${d.place()} ${d.date(y)} on charges of dealing with ${d.group()}.`,
  (d, y) => `${d.groupIntro()} announced ${d.date(y)} that it had withdrawn from ${d.placeIn()}.`,
  (d) => `A car bomb exploded in ${d.place()}, killing ${d.int(2, 60)} civilians and wounding ${d.int(2, 90)} others, ${d.pick(ANON_SOURCES).toLowerCase()} said.`,
  (d, y) => `${d.person()} defected from ${d.group()} and joined ${d.group()} ${d.date(y)}, taking ${d.count()} with him.`,
  (d) => `${d.groupIntro()} took control of ${d.placeIn()} after ${d.int(2, 20)} days of fighting.`,
  (d) => `${d.person()} denied that ${d.group()} had recruited children in ${d.place()}.`,
  (d) => `He had a daughter called ${d.pick(GIVEN.slice(20))} ${d.pick(NISBA)}, who is now detained in ${d.place()}, and a brother, ${d.person()}.`,
  (d, y) => `A group led by ${d.person()} appeared within ${d.group()} ${d.date(y)}, accusing its leaders of deviating from the faith.`,
  (d, y) => `${d.group()} and ${d.group()} signed an agreement in ${d.place()} ${d.date(y)} to exchange prisoners.`,
  (d) => `${d.pick(NUMBER_WORDS.slice(9))} people protested in ${d.place()} against the practices of ${d.group()}.`,
  (d, y) => `${d.group()} launched a military operation against ${d.group()} cells in the desert of ${d.place()} ${d.date(y)}.`,
  (d) => `The ${d.pick(["town", "city", "village"])} of ${d.place()} lies on the Euphrates river, ${d.int(5, 120)} kilometers from ${d.place()}.`,
  (d, y) => `${d.pick(ANON_SOURCES)} said the ${d.pick(["drone", "air", "artillery"])} strike, which targeted a house ${d.date(y)}, did not kill ${d.person()} as first reported.`,
];

/** One invented article: a seed-like header (title, credits, date) and 8-20 sentences in paragraphs. */
export function makeArticle(d: Draw): string {
  const year = d.int(2014, 2023);
  const title = capitalize(`${d.group()} ${d.pick(["clashes with", "arrests members of", "withdraws as", "accuses"])} ${d.group()} in ${d.place()}`);
  const head = [
    title,
    "",
    `Translation: ${d.pick(GIVEN)} ${d.pick(FAMILY)}`,
    `Publication date: ${year}/${String(d.int(1, 12)).padStart(2, "0")}/${String(d.int(1, 28)).padStart(2, "0")} ${String(d.int(0, 23)).padStart(2, "0")}:${String(d.int(0, 59)).padStart(2, "0")}`,
    "",
  ];
  const paragraphs: string[] = [];
  let left = d.int(8, 20);
  while (left > 0) {
    const n = Math.min(left, d.int(2, 5));
    paragraphs.push(Array.from({ length: n }, () => capitalize(d.pick(SENTENCES)(d, year))).join(" "));
    left -= n;
  }
  return [...head, paragraphs.join("\n\n"), ""].join("\n");
}

/** Invented articles totalling at least `bytes` UTF-8 bytes, the same for the same `seed`. */
export function generateCorpus(bytes: number, seed = 20180503): string[] {
  const d = new Draw(mulberry32(seed));
  const out: string[] = [];
  let total = 0;
  while (total < bytes) {
    const a = makeArticle(d);
    out.push(a);
    total += Buffer.byteLength(a, "utf8");
  }
  return out;
}
