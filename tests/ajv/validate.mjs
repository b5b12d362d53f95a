// Validates payloads against a JSON Schema with Ajv (draft 2020-12) and ajv-formats.
//
// Usage: node validate.mjs INPUT.json
//
// INPUT.json holds {"schema": <a JSON Schema>, "payloads": [<JSON value>, ...]}. The
// script prints one JSON list with a boolean per payload: true when it is valid. Ajv
// runs in strict mode, so a schema Ajv would only warn about fails here (exit status 1).
// Formats are asserted, as ajv-formats does by default.
import { readFileSync } from "node:fs";
import process from "node:process";

import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

const [inputPath] = process.argv.slice(2);
if (inputPath === undefined) {
  process.stderr.write("usage: node validate.mjs INPUT.json\n");
  process.exit(2);
}

const { schema, payloads } = JSON.parse(readFileSync(inputPath, "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
const verdicts = payloads.map((payload) => validate(payload) === true);
process.stdout.write(`${JSON.stringify(verdicts)}\n`);
