// jest runs the TypeScript tests directly (ts-jest); native code comes from build/ or prebuilds/.
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 60000,
  maxWorkers: 2,
  transform: {"^.+\\.ts$": ["ts-jest", {tsconfig: "tsconfig.json"}]},
}
