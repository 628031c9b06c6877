// Every generated source file and the text it must hold, computed from its one home.
"use strict"

const zmqConstants = require("./zmq-constants")
const {accessorSources} = require("./option-accessors")

/** Resolves to [{file, text}] for each file of lib/generated/. */
async function generatedSources() {
  return [
    {file: zmqConstants.output, text: zmqConstants.constantsSource(zmqConstants.readHeader())},
    ...(await accessorSources()),
  ]
}

module.exports = {generatedSources}
