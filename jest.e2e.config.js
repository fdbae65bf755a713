/** Real n8n end-to-end tests: a packed tarball loaded into the pinned n8n host (see test/e2e/README.md). */
module.exports = {
	testEnvironment: 'node',
	reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	// openapi-backend's ESM-only $ref resolver cannot load under Jest; the sandbox does not need it.
	moduleNameMapper: {
		'^@apidevtools/json-schema-ref-parser$': '<rootDir>/test/support/json-schema-ref-parser.cjs',
	},
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }],
	},
	testTimeout: 15 * 60_000,
};
