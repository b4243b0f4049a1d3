/**
 * One character scan per sentence that answers, for every hint that is a plain alternation of ASCII
 * words ("ago", "monday|tuesday|…", "Jan|Feb|…"), whether it occurs in the sentence; it replaces one
 * regex scan of the text per such hint.
 *
 * A hint counts only where one of its words starts a run of ASCII letters (the sentence's start also
 * starts a run), compared as the hint compares it (ASCII case folded for an `i` hint, exact otherwise).
 * So it passes only where the regex hint passes, and every word a time rule reads (after a word
 * boundary, a space or a hyphen) starts such a run: the rules find exactly what they find behind the
 * regex hints.
 */

/** Letters a trie node branches on: 26 for a case-folded trie, 52 for an exact one. */
const FOLDED_WIDTH = 26;
const EXACT_WIDTH = 52;

/** A trie of hint words over ASCII letters; node 0 means "no node", node 1 is the root. */
class WordTrie {
  private next: Int32Array;
  /** Per node: the bits (1 << hint number) of the hint words that end there. */
  private ends: Int32Array;
  private size = 2;

  constructor(private readonly width: number) {
    this.next = new Int32Array(16 * width);
    this.ends = new Int32Array(16);
  }

  /** Child of `node` on letter code `c` (A–Z, a–z), or 0. */
  child(node: number, c: number): number {
    return this.next[node * this.width + this.slot(c)];
  }

  endBits(node: number): number {
    return this.ends[node];
  }

  add(word: string, bit: number): void {
    let node = 1;
    for (let i = 0; i < word.length; i++) {
      const at = node * this.width + this.slot(word.charCodeAt(i));
      if (this.next[at] === 0) {
        if (this.size === this.ends.length) this.grow();
        this.next[at] = this.size++;
      }
      node = this.next[at];
    }
    this.ends[node] |= bit;
  }

  /** Index of letter code `c` among a node's children. */
  private slot(c: number): number {
    if (this.width === FOLDED_WIDTH) return (c | 32) - 97;
    return c >= 97 ? c - 97 + 26 : c - 65;
  }

  private grow(): void {
    const next = new Int32Array(this.next.length * 2);
    next.set(this.next);
    this.next = next;
    const ends = new Int32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.ends = ends;
  }
}

/** A hint that is a `|`-alternation of ASCII words with no flags but `i`. */
const WORD_ALTERNATION = /^[A-Za-z]+(?:\|[A-Za-z]+)*$/;

/** True for a letter code A–Z or a–z. */
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

export class WordHints {
  private readonly folded = new WordTrie(FOLDED_WIDTH);
  private readonly exact = new WordTrie(EXACT_WIDTH);
  /** Per hint: its bit in `bitsIn`'s answer, or -1 when it is no word hint (its regex must run). */
  readonly bitOf: number[];

  /** At most 31 word hints get a bit; further ones stay regex hints. */
  constructor(hints: readonly RegExp[]) {
    let bits = 0;
    this.bitOf = hints.map((h) => {
      if (bits === 31 || !WORD_ALTERNATION.test(h.source) || h.flags.replace("i", "") !== "") return -1;
      const bit = bits++;
      const trie = h.ignoreCase ? this.folded : this.exact;
      for (const w of h.source.split("|")) trie.add(w, 1 << bit);
      return bit;
    });
  }

  /** Bits (1 << `bitOf[h]`) of the word hints that occur in `text` [start, end) (UTF-16 offsets). */
  bitsIn(text: string, start: number, end: number): number {
    let bits = 0;
    let i = start;
    while (i < end) {
      if (!isAsciiLetter(text.charCodeAt(i))) {
        i++;
        continue;
      }
      /** Trie nodes of the run read so far; node 0 has no children and no words, so a dead walk stays dead. */
      let folded = 1;
      let exact = 1;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (!isAsciiLetter(c)) break;
        if ((folded | exact) === 0) continue;
        folded = this.folded.child(folded, c);
        exact = this.exact.child(exact, c);
        bits |= this.folded.endBits(folded) | this.exact.endBits(exact);
      }
    }
    return bits;
  }
}
