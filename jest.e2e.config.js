/** Real n8n end-to-end tests: a packed tarball loaded into the pinned n8n host (see test/e2e/README.md). */
module.exports = {
	testEnvironment: 'node',
	reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	// Transpile only (no type check in Jest; `npx tsc --noEmit -p tsconfig.test.json` does that): ts-jest reads
	// `isolatedModules: true` from tsconfig.test.json (its own `isolatedModules` option is deprecated).
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 15 * 60_000,
};
