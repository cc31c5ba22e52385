// onboarding.test.mjs — browser test of step 7: the hiring manager sends
// the front-runner's drafted offer, records that it was accepted (the
// application moves to "Eingestellt"), generates the 90-day plan from the
// role template and ticks the first task; the progress view shows it. Also
// the demo's new hire in week 3 and her own view.
//
// Drives Debian's Chromium through playwright-core against a real stellwerk
// server with demo data (see server.mjs), in German (de-DE). Elements are
// found by form actions and data attributes, not by their text. Covers
// R-OFFER-1 (offer, status), R-ONB-1 (generated, dated plan), R-ONB-5
// (progress view) and R-X-2 (the new hire sees only her own plan). Every
// test also fails on a JavaScript error, a CSP violation, a 5xx response, or
// a server that crashes or reports a sanitizer error. Screenshots:
// test-results/offer.png and onboarding-progress.png.
//
// run: STELLWERK_BIN=build/asan/stellwerk node --test tests/e2e/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { RESULTS, useChromium, withServerAndPage, openPage, loginForm, usernameField, passwordField,
	loginSubmitButton } from './browser.mjs';

useChromium();

async function signInAs(page, server, name) {
	await page.context().clearCookies();
	await page.goto(new URL('login', server.url).href);
	await loginForm(page).waitFor();
	await usernameField(page).fill(name);
	await passwordField(page).fill(server.password);
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), loginSubmitButton(page).click()]);
}

/* Clicks the submit button of the form posting to an action matching re. */
async function submitForm(page, re) {
	const forms = page.locator('form[method="post"][action]');
	const actions = await forms.evaluateAll((fs) => fs.map((f) => f.getAttribute('action')));
	const i = actions.findIndex((a) => re.test(a));
	assert.ok(i >= 0, `a form posting to ${re} (found: ${actions.join(', ')})`);
	await Promise.all([page.waitForLoadState('load'), forms.nth(i).locator('button').first().click()]);
}

test('send and accept the offer, generate the 90-day plan, tick a task; the new hire sees her plan',
	{ timeout: 240_000 }, async () => {
		await withServerAndPage('onboarding', { viewportHeight: 1000 }, async (page, server) => {
			await mkdir(RESULTS, { recursive: true });
			page.on('dialog', (d) => d.accept());
			await signInAs(page, server, 'brandt');

			// R-OFFER-1: the front-runner's drafted offer.
			await openPage(page, server, '/candidates?q=Jansen');
			await Promise.all([page.waitForURL(/\/candidates\/\d+$/),
				page.locator('a[href^="/candidates/"]', { hasText: 'Jansen' }).first().click()]);
			await Promise.all([page.waitForURL(/\/applications\/\d+\/offer$/),
				page.locator('a.app-offer-link').first().click()]);
			assert.equal(await page.locator('[data-status]').first().getAttribute('data-status'), 'draft');
			await page.screenshot({ path: path.join(RESULTS, 'offer.png'), fullPage: true });
			await submitForm(page, /\/offers\/\d+\/send$/);
			assert.equal(await page.locator('[data-status]').first().getAttribute('data-status'), 'sent');
			await submitForm(page, /\/offers\/\d+\/accept$/);
			assert.equal(await page.locator('[data-status]').first().getAttribute('data-status'), 'accepted');

			// R-ONB-1: the plan from the role template, dated from the start day.
			await submitForm(page, /\/onboarding\/\d+\/generate$/);
			await page.waitForURL(/\/onboarding\/\d+/);
			const tasks = page.locator('tr[data-task]');
			assert.ok(await tasks.count() >= 10, 'the KAM template yields a full plan');
			for (const phase of ['week1', 'weeks2_4', 'month2', 'month3'])
				assert.equal(await page.locator(`[data-phase="${phase}"]`).count(), 1, `phase ${phase}`);
			const doneBefore = Number(await page.locator('.onb-done-count').getAttribute('data-done'));

			// R-ONB-5: tick the first task; the progress view follows.
			const first = tasks.first();
			await Promise.all([page.waitForLoadState('load'),
				first.locator('button[name="status"][value="done"]').click()]);
			const doneAfter = Number(await page.locator('.onb-done-count').getAttribute('data-done'));
			assert.equal(doneAfter, doneBefore + 1, 'one more task done');
			await page.locator('svg.chart-onboarding').waitFor();
			await page.screenshot({ path: path.join(RESULTS, 'onboarding-progress.png'), fullPage: true });

			// The demo's new hire in week 3 sees her own plan only.
			await signInAs(page, server, 'albers');
			await openPage(page, server, '/onboarding/me');
			assert.ok(await page.locator('tr[data-task]').count() >= 1, 'her tasks are listed');
			const res = await page.goto(new URL('onboarding', server.url).href);
			assert.equal(res?.status(), 403, 'the manager list is not hers');
		});
	});
