import { DateTime } from 'luxon';
import { NodeOperationError, type INode } from 'n8n-workflow';

import {
	assertRange,
	DAY_MS,
	MAX_FREE_SLOTS_SPAN_MS,
	splitRange,
	toDateOnly,
	toEpochMs,
	toZonedIso,
} from '../../../nodes/GoHighLevel/shared/time';

const node: INode = {
	id: 'n1',
	name: 'HighLevel',
	type: 'n8n-nodes-gohighlevel.goHighLevel',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const start = (timeZone?: string) => ({ node, parameter: 'Start Time', timeZone });
const NY = 'America/New_York';

function thrown(fn: () => unknown): NodeOperationError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('did not throw');
}

describe('toEpochMs', () => {
	it.each([
		['2026-06-01T10:00:00Z', Date.UTC(2026, 5, 1, 10)],
		['2026-06-01T10:00:00+05:30', Date.UTC(2026, 5, 1, 4, 30)],
		['2026-06-01T10:00:00-0400', Date.UTC(2026, 5, 1, 14)],
		['2026-06-01T10:00:00.250Z', Date.UTC(2026, 5, 1, 10, 0, 0, 250)],
		['2026-06-01 10:00', Date.UTC(2026, 5, 1, 10)],
		['2026-06-01', Date.UTC(2026, 5, 1)],
	])('reads %s (UTC when no time zone is given)', (value, expected) => {
		expect(toEpochMs(value, start())).toBe(expected);
	});

	it('reads a time without offset as wall-clock time in the given zone, ignoring the zone when an offset is given', () => {
		expect(toEpochMs('2026-06-01T10:00:00', start(NY))).toBe(Date.UTC(2026, 5, 1, 14));
		expect(toEpochMs('2026-01-15T10:00:00', start(NY))).toBe(Date.UTC(2026, 0, 15, 15));
		expect(toEpochMs('2026-06-01', start('Asia/Kolkata'))).toBe(Date.UTC(2026, 4, 31, 18, 30));
		expect(toEpochMs('2026-06-01T10:00:00Z', start(NY))).toBe(Date.UTC(2026, 5, 1, 10));
	});

	it('takes Luxon DateTimes (as n8n expressions give them), Dates and epoch ms', () => {
		const dt = DateTime.fromISO('2026-06-01T12:00:00', { zone: 'Europe/Berlin' });
		expect(toEpochMs(dt, start())).toBe(Date.UTC(2026, 5, 1, 10));
		expect(toEpochMs(new Date(Date.UTC(2026, 5, 1)), start())).toBe(Date.UTC(2026, 5, 1));
		expect(toEpochMs(1780000000000, start())).toBe(1780000000000);
		expect(toEpochMs('1780000000000', start())).toBe(1780000000000);
	});

	it('moves a time skipped by spring-forward ahead by the gap, and takes the first of a repeated fall-back time', () => {
		// 2026-03-08 02:30 does not exist in New York (02:00 EST → 03:00 EDT): 03:30 EDT = 07:30Z.
		expect(toEpochMs('2026-03-08T02:30:00', start(NY))).toBe(Date.UTC(2026, 2, 8, 7, 30));
		expect(toZonedIso('2026-03-08T02:30:00', start(NY))).toBe('2026-03-08T03:30:00-04:00');
		// 2026-11-01 01:30 happens twice (EDT, then EST): the first is 05:30Z.
		expect(toEpochMs('2026-11-01T01:30:00', start(NY))).toBe(Date.UTC(2026, 10, 1, 5, 30));
		// Just around the change in Berlin (2026-03-29 02:00 CET → 03:00 CEST).
		expect(toZonedIso('2026-03-29T01:59:59', start('Europe/Berlin'))).toBe('2026-03-29T01:59:59+01:00');
		expect(toZonedIso('2026-03-29T03:00:00', start('Europe/Berlin'))).toBe('2026-03-29T03:00:00+02:00');
	});

	it.each([
		['', 'is empty'],
		['tomorrow', 'is not a date-time'],
		['2026-02-30', 'is not a real date'],
		['2026-06-01T24:00:00', 'is not a real date'],
		[1780000000, 'looks like seconds'],
		[Number.NaN, 'is not a date-time'],
		[{}, 'is not a date-time'],
	])('refuses %p naming the parameter', (value, why) => {
		const error = thrown(() => toEpochMs(value, start()));
		expect(error.message).toContain('Start Time');
		expect(error.message).toContain(why);
	});

	it('refuses an invalid Luxon DateTime and an unknown time zone', () => {
		expect(thrown(() => toEpochMs(DateTime.fromISO('nope'), start())).message).toContain('invalid date-time');
		const zone = thrown(() => toZonedIso('2026-06-01T10:00:00', start('Mars/Olympus')));
		expect(zone.message).toContain('Mars/Olympus');
		expect(zone.description).toContain('Start Time');
	});
});

describe('toZonedIso and toDateOnly', () => {
	it('writes the instant with the offset the zone has then', () => {
		const instant = Date.UTC(2026, 5, 23, 22, 0);
		expect(toZonedIso(instant, start('Asia/Kolkata'))).toBe('2026-06-24T03:30:00+05:30');
		expect(toZonedIso(instant, start(NY))).toBe('2026-06-23T18:00:00-04:00');
		expect(toZonedIso(instant, start())).toBe('2026-06-23T22:00:00+00:00');
		expect(toZonedIso('2026-12-23T18:00:00', start(NY))).toBe('2026-12-23T18:00:00-05:00');
	});

	it('gives the calendar date in the zone', () => {
		const instant = Date.UTC(2026, 5, 23, 22, 0);
		expect(toDateOnly(instant, start('Asia/Kolkata'))).toBe('2026-06-24');
		expect(toDateOnly(instant, start(NY))).toBe('2026-06-23');
	});
});

describe('splitRange', () => {
	it('splits 70 days into consecutive chunks of at most 31 days', () => {
		const s = Date.UTC(2026, 0, 1);
		const chunks = splitRange(s, s + 70 * DAY_MS, MAX_FREE_SLOTS_SPAN_MS);
		expect(chunks).toEqual([
			{ startMs: s, endMs: s + 31 * DAY_MS },
			{ startMs: s + 31 * DAY_MS, endMs: s + 62 * DAY_MS },
			{ startMs: s + 62 * DAY_MS, endMs: s + 70 * DAY_MS },
		]);
	});

	it('keeps a short or exact range whole, and gives nothing for an empty one', () => {
		expect(splitRange(0, 10, 10)).toEqual([{ startMs: 0, endMs: 10 }]);
		expect(splitRange(0, 5, 10)).toEqual([{ startMs: 0, endMs: 5 }]);
		expect(splitRange(10, 10, 10)).toEqual([]);
		expect(splitRange(10, 5, 10)).toEqual([]);
	});

	it('refuses a non-positive span', () => {
		expect(() => splitRange(0, 10, 0)).toThrow(RangeError);
	});
});

describe('assertRange', () => {
	const names = { node, startParameter: 'Start Time', endParameter: 'End Time' };
	it('refuses an end not after the start, naming both parameters', () => {
		expect(thrown(() => assertRange({ startMs: 10, endMs: 10 }, names)).message).toBe('End Time must be after Start Time');
		expect(() => assertRange({ startMs: 10, endMs: 11 }, names)).not.toThrow();
	});
});
