// Validates payloads against a JSON Schema with Ajv (draft 2020-12) and ajv-formats.
//
// Usage: node validate.mjs INPUT.json
//        node validate.mjs --lines
//
// INPUT.json holds {"schema": <a JSON Schema>, "payloads": [<JSON value>, ...]}. The
// script prints one JSON list with a boolean per payload: true when it is valid. Ajv
// runs in strict mode, so a schema Ajv would only warn about fails here (exit status 1).
// Formats are asserted, as ajv-formats does by default.
//
// With --lines the script reads such inputs from standard input, one a line, and answers
// each with one line: the list of booleans, or {"error": "<why>"} when Ajv cannot compile
// the schema. It ends when standard input does. One process then serves many batches:
// starting Node.js and loading Ajv costs far more than checking a batch.
import { readFileSync } from "node:fs";
import process from "node:process";
import { createInterface } from "node:readline";

import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;

function verdicts({ schema, payloads }) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return payloads.map((payload) => validate(payload) === true);
}

const [inputPath] = process.argv.slice(2);
if (inputPath === undefined) {
  process.stderr.write("usage: node validate.mjs INPUT.json | --lines\n");
  process.exit(2);
}

if (inputPath === "--lines") {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    let answer;
    try {
      answer = verdicts(JSON.parse(line));
    } catch (error) {
      answer = { error: String(error?.stack ?? error) };
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
} else {
  const input = JSON.parse(readFileSync(inputPath, "utf8"));
  process.stdout.write(`${JSON.stringify(verdicts(input))}\n`);
}
