/** Unit, sandbox and engine tests: everything under test/ except the real-n8n e2e suite. */
module.exports = {
	testEnvironment: 'node',
	reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	// Transpile only (no type check in Jest; `npx tsc --noEmit -p tsconfig.test.json` does that): ts-jest reads
	// `isolatedModules: true` from tsconfig.test.json (its own `isolatedModules` option is deprecated).
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 60_000,
};
