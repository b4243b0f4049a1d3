import { test } from "node:test";
import assert from "node:assert/strict";
import { isCreditName, parseCreditLine } from "../../src/read/credits.js";

test("parseCreditLine reads labelled credit lines", () => {
  const cases: [string, [string, string][]][] = [
    ["TranslationEditor: Farah Nassif |", [["translation-editor", "Farah Nassif"]]],
    ["Translation: Nouha Salti", [["translator", "Nouha Salti"]]],
    ["Translated by Rami Haddad", [["translator", "Rami Haddad"]]],
    ["Translator: Rami Haddad", [["translator", "Rami Haddad"]]],
    ["Editor: Mona Aziz", [["editor", "Mona Aziz"]]],
    ["Edited by Mona Aziz", [["editor", "Mona Aziz"]]],
    ["By John Smith", [["author", "John Smith"]]],
    ["By John Smith and Jane Doe", [["author", "John Smith"], ["author", "Jane Doe"]]],
    ["BY ABU OMAR AL-SHAMI", [["author", "ABU OMAR AL-SHAMI"]]],
    ["By Abu Omar al-Shami", [["author", "Abu Omar al-Shami"]]],
    ["Reporting by: Samir Khoury", [["author", "Samir Khoury"]]],
    [
      "(Reporting by Suleiman Khalidi in Amman; Editing by Tom Perry)",
      [["author", "Suleiman Khalidi"], ["editor", "Tom Perry"]],
    ],
    ["By Staff reporter", []],
    ["By staff writer", []],
    ["ترجمة: نهى صالح", [["translator", "نهى صالح"]]],
    ["Par Karim Benali", [["author", "Karim Benali"]]],
    ["Written by: Our correspondent", []],
  ];
  for (const [line, want] of cases) {
    const got = parseCreditLine(line);
    assert.ok(got, line);
    assert.deepEqual(got.credits.map((c) => [c.role, c.name]), want, line);
    assert.equal(got.rule, "credits/labelled");
  }
});

test("parseCreditLine reads 'Outlet – Author' only when allowed", () => {
  assert.deepEqual(parseCreditLine("Enab Baladi – Hassan Ibrahim", true), {
    credits: [{ role: "author", name: "Hassan Ibrahim" }],
    outlet: "Enab Baladi",
    rule: "credits/outlet-author",
  });
  assert.equal(parseCreditLine("Enab Baladi – Hassan Ibrahim", false), null);
});

test("parseCreditLine leaves sentences and headlines alone", () => {
  const cases = [
    "By Monday the fighters had left the town",
    "By Sunday",
    "Translation of the statement was not available",
    'Islamic State suppresses format new organization by its "most extremist" members',
    "Translation Nouha Salti",
    "By",
    "Syria – Turkey talks begin in Astana",
    "Editor: the militia said it would respond",
    "Par ailleurs, les combats ont repris",
  ];
  for (const line of cases) assert.equal(parseCreditLine(line, true), null, line);
});

test("isCreditName accepts names with Arabic particles, refuses phrases", () => {
  const cases: [string, boolean][] = [
    ["Farah Nassif", true],
    ["Abou Abdul Rahman al-Tal Afri", true],
    ["Mahmoud bin Salim al-Jabouri", true],
    ["فرح ناصيف", true],
    ["the fighters", false],
    ["March", false],
    ["Hassan Ibrahim said that the group", false],
    ["", false],
  ];
  for (const [name, want] of cases) assert.equal(isCreditName(name), want, name);
});
