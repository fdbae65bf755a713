/**
 * Jest stand-in for @apidevtools/json-schema-ref-parser, which openapi-backend loads for `$ref` resolution.
 * The real package is ESM-only: Node 20 can `require` it, Jest's module loader cannot. The sandbox never needs
 * it — specs are handed to openapi-backend as self-contained objects in `quick` mode — so `parse` returns the
 * document as is and the resolving functions refuse loudly.
 */
const unavailable = async () => {
	throw new Error('json-schema-ref-parser is not loaded under Jest; pass self-contained definitions in quick mode');
};
module.exports = { __esModule: true, default: { parse: async (doc) => doc, dereference: unavailable, resolve: unavailable } };
