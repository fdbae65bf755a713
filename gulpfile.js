const { src, dest } = require('gulp');

/** Copies icons (light and dark SVG) and the codex JSON files next to the compiled nodes and credentials. */
function buildIcons() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}', 'icons/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
