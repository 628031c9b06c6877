// ESLint for the TypeScript sources: typescript-eslint's recommended rules with type
// information, and above all no floating promises (an unawaited send or receive loses its error).
const tseslint = require("typescript-eslint")

module.exports = tseslint.config(
  {ignores: ["test/packaging/types/**", "dist/**", "dist-examples/**", "dist-snippets/**", "dist-docs/**", "build/**", "deps/**", "node_modules/**", "**/*.js", "**/*.mjs", "**/*.cjs"]},
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: __dirname}},
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", {argsIgnorePattern: "^_", varsIgnorePattern: "^_"}],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-empty-object-type": "off",
      "@typescript-eslint/no-unsafe-declaration-merging": "off",
      "@typescript-eslint/no-require-imports": "off",
    },
  },
)
