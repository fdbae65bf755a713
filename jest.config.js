/** Unit, sandbox and engine tests: everything under test/ except the real-n8n e2e suite. */
module.exports = {
	testEnvironment: 'node',
	reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	// openapi-backend's ESM-only $ref resolver cannot load under Jest; the sandbox does not need it.
	moduleNameMapper: {
		'^@apidevtools/json-schema-ref-parser$': '<rootDir>/test/support/json-schema-ref-parser.cjs',
	},
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	testTimeout: 60_000,
};
