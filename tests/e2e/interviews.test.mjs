// interviews.test.mjs — browser test of step 5: an interviewer (the demo's
// Head of Engineering, hoffmann) opens her open interview from "Meine
// Interviews", reads the kit, rates her focus competency on the anchored
// scale, recommends and submits — and only then sees the other scorecards.
// The hiring manager (brandt) opens the comparison matrix of the KAM
// position: ranked candidates first, the knockout candidate apart.
//
// Drives Debian's Chromium through playwright-core against a real stellwerk
// server with demo data (see server.mjs), in German (de-DE). Elements are
// found by name, id, class and data attributes, not by their text. Covers
// R-INT-3 (kit with core questions), R-INT-5 (anchored scale, recommendation,
// independence), R-INT-6 (printable kit), R-EVAL-1 (matrix) and R-EVAL-2
// (knockouts listed apart). Every test also fails on a JavaScript error, a
// CSP violation, a 5xx response, or a server that crashes or reports a
// sanitizer error. Screenshots: test-results/interview-kit.png and
// evaluation-matrix.png.
//
// run: STELLWERK_BIN=build/asan/stellwerk node --test tests/e2e/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { RESULTS, useChromium, withServerAndPage, openPage, loginForm, usernameField, passwordField,
	loginSubmitButton } from './browser.mjs';

useChromium();

/* Signs in as user name (demo users share the admin's password). */
async function signInAs(page, server, name) {
	await page.context().clearCookies();
	await page.goto(new URL('login', server.url).href);
	await loginForm(page).waitFor();
	await usernameField(page).fill(name);
	await passwordField(page).fill(server.password);
	await Promise.all([
		page.waitForURL((u) => !u.pathname.startsWith('/login')),
		loginSubmitButton(page).click(),
	]);
}

test('an interviewer submits a scorecard from the kit; the hiring manager opens the matrix', { timeout: 240_000 },
	async () => {
		await withServerAndPage('interviews', { viewportHeight: 1000 }, async (page, server) => {
			await mkdir(RESULTS, { recursive: true });
			page.on('dialog', (d) => d.accept());   // "Submit: cannot be changed afterwards"

			// Meine Interviews of the Head of Engineering: one open scorecard (a draft).
			await signInAs(page, server, 'hoffmann');
			await openPage(page, server, '/interviews');
			const rows = page.locator('table.my-interviews tr[data-interview]');
			assert.ok(await rows.count() >= 1, 'her interviews are listed');
			const open = rows.filter({ has: page.locator('.badge-muted, .badge-warn') }).first();
			const link = open.locator('a[href^="/interviews/"]').first();
			await Promise.all([page.waitForURL(/\/interviews\/\d+$/), link.click()]);
			const kitUrl = page.url();

			// R-INT-3, R-INT-6: the kit with its core questions, printable.
			assert.ok(await page.locator('.question-text').count() >= 3, 'the kit lists its core questions');
			assert.ok(await page.locator('[data-print]').count() >= 1, 'the kit can be printed');
			// R-INT-5: before submitting, the other scorecards stay hidden.
			assert.equal(await page.locator('#other-scorecards ul.other-scorecards').count(), 0,
				'no other scorecards before her own is submitted');

			// Her focus competency on the anchored 1–4 scale (no neutral middle).
			const focus = page.locator('input[type="radio"][name="rating.industry_knowledge"]');
			assert.equal(await focus.count(), 4, 'four anchors, no middle');
			await page.locator('input[name="rating.industry_knowledge"][value="3"]').check();
			await page.locator('input[name="recommendation"][value="yes"]').check();
			await page.screenshot({ path: path.join(RESULTS, 'interview-kit.png'), fullPage: true });
			await Promise.all([
				page.waitForURL((u) => u.href.startsWith(kitUrl)),
				page.locator('button[name="action"][value="submit"]').click(),
			]);

			// R-INT-5: now the others' scorecards are visible to her.
			await page.locator('#other-scorecards ul.other-scorecards').waitFor();
			assert.ok(await page.locator('#other-scorecards ul.other-scorecards li').count() >= 1,
				'after submitting, the other scorecards are listed');

			// R-EVAL-1, R-EVAL-2: the hiring manager's matrix.
			await signInAs(page, server, 'brandt');
			await openPage(page, server, '/positions/1/evaluation');
			const ranked = page.locator('tr.eval-row:not(.eval-knockout)');
			assert.ok(await ranked.count() >= 4, 'several candidates are ranked');
			assert.equal(await ranked.first().getAttribute('data-rank'), '1', 'the first row is rank 1');
			const knockouts = page.locator('tbody.eval-knockouts tr.eval-row.eval-knockout');
			assert.ok(await knockouts.count() >= 1, 'the knockout candidate is listed apart');
			assert.equal(await knockouts.first().getAttribute('data-rank'), '0', 'a knockout is never ranked');
			assert.ok(await page.locator('.eval-disagree').count() >= 1, 'disagreement is highlighted');
			await page.screenshot({ path: path.join(RESULTS, 'evaluation-matrix.png'), fullPage: true });
		});
	});
