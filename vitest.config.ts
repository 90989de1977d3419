import { defineConfig } from 'vitest/config';

// One root run over every package (one JSON report for .ci/run). Each project is a package or app.
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'core', root: 'packages/core', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { extends: true, test: { name: 'cli', root: 'apps/cli', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'hub', root: 'packages/hub', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'mcp-server', root: 'apps/mcp-server', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'eslint-plugin', root: 'packages/eslint-plugin', include: ['test/**/*.test.ts'] } },
      // Last and alone: its browser tests time page loads, which other projects' CPU load would distort.
      { extends: true, test: { name: 'playground', root: 'apps/playground', include: ['test/**/*.test.ts'], sequence: { groupOrder: 1 }, fileParallelism: false } },
      { extends: true, test: { name: 'repo', root: '.', include: ['test/**/*.test.ts'] } },
    ],
  },
});
