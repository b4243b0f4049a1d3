/** The lexicon layer: name folding, gazetteer, countries, known organizations and cue-word sets. */
export { dropLeadingThe, foldName, foldToken, foldWords, squash } from "./fold.js";
export { lookupPlace, lookupPlaceFolded, mayBePlaceKeyFolded, lookupPlaceLoose, lookupPlaceLooseFolded, placeCandidatesStartingWith, isPlaceWord, adminRank, parseGazetteer } from "./gazetteer.js";
export type { PlaceRecord } from "./gazetteer.js";
export { lookupCountry, lookupCountryName, lookupCountryNameFolded, isDemonym, isDemonymFolded, isCountryFolded, countryMaxWords } from "./countries.js";
export type { CountryRecord } from "./countries.js";
export { lookupKnownOrganization, knownOrgByAcronym, matchKnownOrganization, matchKnownOrganizationFolded, knownAcronymMaxLength, knownOrgByFolded, knownOrgMaxWords, isKnownOrgPrefixFolded, knownOrganizations, buildOrgIndex } from "./organizations.js";
export type { KnownOrg, KnownOrgMatch, OrgMatchForm } from "./organizations.js";
export { wordSet, loadWordList } from "./words.js";
export type { WordSetName } from "./words.js";
export { dataPath, modelPath, packageRoot } from "./paths.js";
