import { test } from "node:test";
import assert from "node:assert/strict";
import type { EntityType } from "../../../src/model.js";
import type { Recognizer } from "../../../src/extract/names/index.js";
import { arabicKunya, arabicNasab, givenNisba, givenSurname, titledPerson } from "../../../src/extract/names/persons.js";
import { acronym, arabicOrgPrefix, demonymOrg, knownOrganization, orgCue, orgDescriptor, orgLowercaseCue } from "../../../src/extract/names/organizations.js";
import { arabicPlacePrefix, country, gazetteerPlace, placeCueAfter, placeCueBefore } from "../../../src/extract/names/places.js";
import { ctxOf } from "./helpers.js";

/** [recognizer, text (a final period is added), expected "type:span" list (exactly these, in order)] */
const CASES: [Recognizer, string, string[]][] = [
  [arabicKunya, "a group led by Abou Shuaib al-Hadrami appeared", ["person:Abou Shuaib al-Hadrami"]],
  [arabicKunya, "along with Abou Abdul Rahman al-Tal Afri, during", ["person:Abou Abdul Rahman al-Tal Afri"]],
  [arabicKunya, "its deputy, Abu Omar al-Shami, led", ["person:Abu Omar al-Shami"]],
  [arabicKunya, "the widow Umm Sayyaf was held", ["person:Umm Sayyaf"]],
  [arabicKunya, "he said abu is a word", []],
  [arabicKunya, "the activist Ahmed Abu Rish said", ["person:Ahmed Abu Rish"]],
  [arabicKunya, "Abu and others", []],
  [arabicNasab, "the son of Osama bin Laden said", ["person:Osama bin Laden"]],
  [arabicNasab, "a bin was emptied", []],
  [givenNisba, "a daughter called Shaimaa al-Hadramiyah, who", ["person:Shaimaa al-Hadramiyah"]],
  [givenNisba, "soldiers of Jund al-Khilafah Army", []],
  [givenNisba, "clashes in Deir al-Zor today", []],
  [titledPerson, "said Colonel Hassan Hashi Mohamed on", ["person:Colonel Hassan Hashi Mohamed"]],
  [titledPerson, "the General Command said", []],
  [titledPerson, "U.S. President George W. Bush said", ["person:President George W. Bush"]],
  [titledPerson, "and General W. Clark said", ["person:General W. Clark"]],
  [titledPerson, "the President said", []],
  [givenSurname, "whose real name is Hamdi Saleh, said", ["person:Hamdi Saleh"]],
  [givenSurname, "clashes with the Nour Brigades", []],
  [givenSurname, "she studied at Harold Washington College in Chicago", []],
  [givenSurname, "he won the Max Planck Medal in 1956", []],
  [givenSurname, "a Tony Award nomination", []],
  [givenSurname, "on Hamdi Saleh Street in Mosul", []],
  [givenSurname, "a talk by Sarah Park at noon", ["person:Sarah Park"]],
  [knownOrganization, "fighters of the Islamic State and ISIS' leaders", ["organization:Islamic State", "organization:ISIS"]],
  [knownOrganization, "the Daesh group", ["organization:Daesh"]],
  [knownOrganization, "the islamic state of mind", []],
  [acronym, "fighters of the KNC said", ["organization:KNC"]],
  [acronym, "watched on TV and ISIS", []],
  [orgCue, "the Syrian Democratic Forces (SDF) said", ["organization:Syrian Democratic Forces"]],
  [orgCue, "handed them to the Deir ez-Zor Military Council.", ["organization:Deir ez-Zor Military Council"]],
  [orgCue, "the Free Syrian Army and the Turkish Army in Afrin", ["organization:Free Syrian Army", "organization:Turkish Army"]],
  [orgCue, "the Ministry of Interior said", ["organization:Ministry of Interior"]],
  [orgCue, "The Army said", []],
  [orgCue, "the Russian Ministry of Defense said", ["organization:Russian Ministry of Defense"]],
  [arabicOrgPrefix, "clashes between Kata'ib al-Nour (Nour Brigades) and", ["organization:Kata'ib al-Nour"]],
  [arabicOrgPrefix, "soldiers of the Jund al-Khilafah Army, and", ["organization:Jund al-Khilafah Army"]],
  [arabicOrgPrefix, "a rally in Tahrir Square", []],
  [demonymOrg, "After the Iraqi government announced", ["organization:Iraqi government"]],
  [demonymOrg, "an Iraqi city", []],
  [demonymOrg, "Turkish forces entered", ["organization:Turkish forces"]],
  [orgLowercaseCue, "fighters of the Hamza brigade", ["organization:Hamza brigade"]],
  [orgLowercaseCue, "a member of the ISIS' Sharia council and", ["organization:Sharia council"]],
  [orgLowercaseCue, "well acquainted with the Sharia issues", []],
  [orgDescriptor, "a member of the Qaidat al-Jihad Islamic organization in Yemen", ["organization:Qaidat al-Jihad"]],
  [orgDescriptor, "a Syrian group said", []],
  [country, "fighters from Morocco, Tunisia and the United States", ["place:Morocco", "place:Tunisia", "place:United States"]],
  [country, "an Egyptian national", []],
  [gazetteerPlace, "fighting in Mosul and al-Raqqah", ["place:Mosul", "place:al-Raqqah"]],
  [gazetteerPlace, "in the town of Hajin", ["place:Hajin"]],
  [gazetteerPlace, "Hassan said in March", []],
  [gazetteerPlace, "Bush said the town was calm", []],
  [gazetteerPlace, "the Chicago Tribune reported", []],
  [gazetteerPlace, "Syrian attacks near Qamishli", ["place:Qamishli"]],
  [gazetteerPlace, "Attacks in Arafat", []],
  [knownOrganization, "the US-led coalition said", ["organization:US-led coalition"]],
  [arabicPlacePrefix, "near Tal Tamr and Ras al-Ain, the emir of Wilayat al-Furat", ["place:Tal Tamr", "place:Ras al-Ain", "place:Wilayat al-Furat"]],
  [arabicPlacePrefix, "Deir residents", []],
  [placeCueBefore, "in the towns of Hajin, Al-Shaafah, and Al-Aliyat near", ["place:Hajin", "place:Al-Shaafah", "place:Al-Aliyat"]],
  [placeCueBefore, "the Iraqi area of Al-Qaem, which", ["place:Al-Qaem"]],
  [placeCueBefore, "the area of ISIS control", []],
  [placeCueAfter, "an official of al-Hasakah governorate, which ISIS called Al-Barakah prefecture.", ["place:al-Hasakah", "place:Al-Barakah prefecture"]],
  [placeCueAfter, "near the Euphrates river", ["place:Euphrates river"]],
  [placeCueAfter, "an official of the Syrian area", []],
];

test("recognizers: one case per behaviour, positive and negative", () => {
  for (const [rec, raw, want] of CASES) {
    const text = /[.!?]$/.test(raw) ? raw : `${raw}.`;
    const ctx = ctxOf(text);
    const got = rec.find(ctx).map((c) => `${c.type}:${text.slice(c.start, c.end)}`);
    assert.deepEqual(got, want, `${rec.rule} on "${text}"`);
  }
});

test("recognizers record their rule and places carry geo", () => {
  const ctx = ctxOf("fighting in Mosul");
  const [m] = gazetteerPlace.find(ctx);
  assert.equal(m.rule, "names/gazetteer");
  assert.equal(m.geo?.countryCode, "IQ");
  assert.equal(typeof m.geo?.lat, "number");
  const [k] = knownOrganization.find(ctxOf("ISIS said"));
  assert.equal(k.form as string, "acronym");
  assert.equal((k.attributes as { knownOrg: string }).knownOrg, "islamic-state");
  const types: EntityType[] = country.find(ctxOf("in Syria")).map((c) => c.type);
  assert.deepEqual(types, ["place"]);
});
