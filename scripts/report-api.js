#!/usr/bin/env node
// `npm run report-api`: writes the API report of each public entry point (api/*.api.md) from
// the built declarations (dist/, with internals stripped), using @microsoft/api-extractor. The
// reports are committed, so a change of the public surface shows in review. `--check` writes
// nothing and exits non-zero when a report no longer matches (test/foundation/api.test.ts).
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {CompilerState, Extractor, ExtractorConfig} = require("@microsoft/api-extractor")

const root = path.resolve(__dirname, "..")
const check = process.argv.includes("--check")
const entries = [
  {declarations: "dist/index.d.ts", report: "zmq-native.api.md"},
  {declarations: "dist/draft.d.ts", report: "zmq-native-draft.api.md"},
]

// The report shows what users get; how it is built (generated bases, forgotten exports, release
// tags, TSDoc dialect) is not what it checks.
const quiet = {logLevel: "none"}

function configFor({declarations, report}) {
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: path.join(root, declarations),
      compiler: {
        overrideTsconfig: {compilerOptions: {lib: ["es2022", "esnext.disposable"], types: ["node"]}},
      },
      apiReport: {
        enabled: true,
        reportFileName: report,
        reportFolder: path.join(root, "api"),
        reportTempFolder: path.join(root, "build", "api"),
      },
      docModel: {enabled: false},
      dtsRollup: {enabled: false},
      tsdocMetadata: {enabled: false},
      messages: {
        compilerMessageReporting: {default: {logLevel: "warning"}},
        // A type the public API uses but the entry point does not export shows in the report.
        extractorMessageReporting: {
          default: quiet,
          "ae-forgotten-export": {...quiet, addToApiReportFile: true},
        },
        tsdocMessageReporting: {default: quiet},
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: path.join(root, "package.json"),
  })
}

for (const {declarations} of entries) {
  if (!fs.existsSync(path.join(root, declarations))) {
    process.stderr.write(`report-api: ${declarations} is missing: run \`npm run build:ts\` first\n`)
    process.exit(1)
  }
}
const configs = entries.map(configFor)
// One TypeScript program for both entry points: analysing is the slow part.
const compilerState = CompilerState.create(configs[0], {
  additionalEntryPoints: configs.slice(1).map(config => config.mainEntryPointFilePath),
})
let failed = false
for (const [index, config] of configs.entries()) {
  const {report} = entries[index]
  const result = Extractor.invoke(config, {localBuild: !check, showVerboseMessages: false, compilerState})
  if (!result.succeeded || (check && result.apiReportChanged)) {
    failed = true
    process.stderr.write(
      `report-api: api/${report} ${result.apiReportChanged ? "does not match the declarations (run `npm run report-api` and review the diff)" : "failed"}\n`,
    )
  } else if (result.apiReportChanged) {
    process.stderr.write(`report-api: wrote api/${report}\n`)
  }
}
process.exit(failed ? 1 : 0)
