import type { Credit, Diagnostic } from "../model.js";

/**
 * What a format reader learned about one article before the text is assembled: either the raw
 * `text` (plain text, JSON lines) or a headline plus `paragraphs` (HTML, feeds), and metadata.
 */
export interface Parts {
  text?: string;
  title?: string | null;
  paragraphs?: string[];
  publishedAt?: string | null;
  language?: string;
  translatedFrom?: string | null;
  credits?: Credit[];
  outlet?: string;
  url?: string;
  /** Stable id from the source (feed guid, JSON `id`). */
  id?: string;
  diagnostics?: Diagnostic[];
}
