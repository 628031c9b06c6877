// jest runs the TypeScript tests directly (ts-jest); native code comes from build/ or prebuilds/.
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // A test that never settles fails after this. Tests wait for events, not fixed times, and
  // the slowest takes a few seconds: a minute is far beyond any test on a loaded CI machine.
  testTimeout: 60000,
  // What testTimeout cannot end (a blocked worker, open handles after the run) fails fast and
  // named instead of eating CI's time limit: see test/watchdog.js. The slowest file takes ~20 s
  // on a loaded 2-core machine.
  reporters: ["default", ["<rootDir>/test/watchdog.js", {fileSeconds: 300, exitSeconds: 60}]],
  maxWorkers: 2,
  transform: {"^.+\\.ts$": ["ts-jest", {tsconfig: "tsconfig.json"}]},
}
