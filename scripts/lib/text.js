// Small text helpers shared by the generators.
"use strict"

/** `text`'s words in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text, width) {
  const lines = [""]
  for (const word of text.split(/\s+/)) {
    const last = lines.length - 1
    if (lines[last] !== "" && lines[last].length + 1 + word.length > width) lines.push(word)
    else lines[last] = lines[last] === "" ? word : `${lines[last]} ${word}`
  }
  return lines
}

module.exports = {wrap}
