// Which public symbols and members carry a doc comment an editor's hover shows: every export of
// the package's entry points, and every member of each exported class and interface (inherited
// and option accessors included), as TypeScript's checker sees them.
"use strict"

const path = require("node:path")
const ts = require("typescript")

/**
 * {entries: [{symbol, member?, documented}]} for the entry files (e.g. lib/index.ts and
 * lib/draft.ts); `member` is set for a member of an exported class or interface.
 */
function docCoverage(entryFiles) {
  const program = ts.createProgram(entryFiles, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    lib: ["lib.es2022.d.ts", "lib.esnext.disposable.d.ts"],
    strict: true,
    types: ["node"],
    noEmit: true,
    skipLibCheck: true,
  })
  const checker = program.getTypeChecker()
  const documented = symbol => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== ""
  const entries = []
  const seen = new Set()
  for (const file of entryFiles) {
    const source = program.getSourceFile(path.resolve(file))
    const module = checker.getSymbolAtLocation(source)
    for (let symbol of checker.getExportsOfModule(module)) {
      const name = symbol.getName()
      if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol)
      if (seen.has(symbol)) continue
      seen.add(symbol)
      entries.push({symbol: name, documented: documented(symbol)})
      let type
      if (symbol.flags & ts.SymbolFlags.Class) type = checker.getDeclaredTypeOfSymbol(symbol)
      else if (symbol.flags & ts.SymbolFlags.Interface) type = checker.getDeclaredTypeOfSymbol(symbol)
      if (type === undefined) continue
      for (const member of checker.getPropertiesOfType(type)) {
        const declaration = member.valueDeclaration ?? member.declarations?.[0]
        const modifiers = declaration ? ts.getCombinedModifierFlags(declaration) : 0
        if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue
        if (member.getName().startsWith("#")) continue
        // Internal members are stripped from the published declarations.
        if (member.getJsDocTags(checker).some(tag => tag.name === "internal")) continue
        // Members that come from the platform (Error's message, stack, ...) are not ours to document.
        if (declaration && program.isSourceFileDefaultLibrary(declaration.getSourceFile())) continue
        if (declaration && declaration.getSourceFile().fileName.includes("/node_modules/")) continue
        entries.push({symbol: name, member: member.getName(), documented: documented(member), declaration})
      }
    }
  }
  return entries
}

module.exports = {docCoverage}
