// The editor's messages as kompass puts them into the page, written by tests/editor_scripts.rs
// (from `kompass::serve::words::editor_messages`) to the files named by KOMPASS_MESSAGES_SV and
// KOMPASS_MESSAGES_EN. Importing this module loads the Swedish ones into i18n.js.
import { readFileSync } from "node:fs";
import { load } from "../../src/serve/assets/i18n.js";

export function messages(lang) {
  const file = process.env[`KOMPASS_MESSAGES_${lang.toUpperCase()}`];
  if (!file) throw new Error("run these tests through `cargo test --test editor_scripts`, which writes the catalogues");
  return JSON.parse(readFileSync(file, "utf8"));
}

load(messages("sv"), "sv");
