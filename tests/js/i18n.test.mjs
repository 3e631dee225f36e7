import { test } from "node:test";
import assert from "node:assert/strict";
import { setMessages, t } from "../../src/serve/assets/i18n.js";

test("the page's words come from the catalogue, with their variables filled in", () => {
  assert.equal(t("editor-review-nothing-yet"), "editor-review-nothing-yet", "a missing word shows its id");
  setMessages({ "editor-review-place": "Sidan { $page } – { $place }", "editor-review-title": "Faktagranskningen" });
  assert.equal(t("editor-review-place", { page: 11, place: "Område 2, Styrkor, punkt 2" }), "Sidan 11 – Område 2, Styrkor, punkt 2");
  assert.equal(t("editor-review-title"), "Faktagranskningen");
  // A value is put in as it is: a `{ $x }` inside it is not filled in again.
  assert.equal(t("editor-review-place", { page: "{ $place }", place: "<b>" }), "Sidan { $place } – <b>");
});
