/**
 * Jest reporter that ends a run with one plain line, `jest: N passed, N failed` (plus `, N skipped` when any),
 * so that tools reading only the last lines of a log see the totals.
 */
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
		process.stdout.write(`${line}\n`);
	}
}
module.exports = SummaryReporter;
