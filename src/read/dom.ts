/**
 * linkedom and @mozilla/readability, loaded on first use (their CommonJS builds, synchronously), so
 * reading plain text never pays for them (about 100 ms of module loading).
 */
import { createRequire } from "node:module";
import type * as LinkedomModule from "linkedom";
import type * as ReadabilityModule from "@mozilla/readability";

let linkedomMod: typeof LinkedomModule | undefined;
let readabilityMod: typeof ReadabilityModule | undefined;

/** The linkedom module. */
export function linkedom(): typeof LinkedomModule {
  linkedomMod ??= createRequire(import.meta.url)("linkedom") as typeof LinkedomModule;
  return linkedomMod;
}

/** The @mozilla/readability module. */
export function readability(): typeof ReadabilityModule {
  readabilityMod ??= createRequire(import.meta.url)("@mozilla/readability") as typeof ReadabilityModule;
  return readabilityMod;
}
