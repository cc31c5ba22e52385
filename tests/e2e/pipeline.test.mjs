// pipeline.test.mjs — browser test of step 4: a person applies on the public
// career page with a PDF CV; the recruiter finds them by a word that occurs
// only in the CV, opens the KAM pipeline board and drags the new card from
// "Identifiziert" to "Vorqualifikation"; the move survives a reload and is in
// the candidate's timeline.
//
// Drives Debian's Chromium through playwright-core against a real stellwerk
// server with demo data (see server.mjs), in German (de-DE). Elements are
// found by name, id and data attributes, not by their text. Covers R-AD-5
// (application form, consent, confirmation, first stage, channel
// Karriereseite), R-CAND-1 (documents, timeline), R-CAND-3 (search in the
// CV text with highlighted hits) and R-CAND-2 (board, drag and drop, every
// move an event). Every test also fails on a JavaScript error, a CSP
// violation, a 5xx response, or a server that crashes or reports a sanitizer
// error. Screenshots: test-results/apply-form.png, candidate-search.png and
// pipeline-board.png.
//
// run: STELLWERK_BIN=build/asan/stellwerk node --test tests/e2e/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { RESULTS, useChromium, withServerAndPage, signIn, openPage } from './browser.mjs';
import { makePdf } from './pdf.mjs';

const KAM_SLUG = 'key-account-manager-industriekunden';
const CV_WORD = 'Quarzkristallsensorik';

useChromium();

test('apply with a PDF, find the candidate by a CV word, drag the card to Vorqualifikation', { timeout: 240_000 },
	async () => {
		await withServerAndPage('pipeline', { viewportHeight: 1000 }, async (page, server) => {
			await mkdir(RESULTS, { recursive: true });
			const cv = path.join(tmpdir(), `stellwerk-cv-${process.pid}.pdf`);
			await writeFile(cv, makePdf(['Lebenslauf Jana Beispiel',
				`Sieben Jahre ${CV_WORD} im Vertrieb an Automobilzulieferer`]));

			// R-AD-5: the public form, no login.
			await openPage(page, server, `/jobs/${KAM_SLUG}`);
			const form = page.locator('form.apply-form');
			await form.locator('[name="first_name"]').fill('Jana');
			await form.locator('[name="last_name"]').fill('Beispiel');
			await form.locator('[name="email"]').fill('jana.beispiel@example.org');
			await form.locator('[name="phone"]').fill('+49 170 1234567');
			await form.locator('[name="message"]').fill('Ich freue mich auf das Gespräch.');
			await form.locator('[name="cv"]').setInputFiles(cv);
			const trap = await form.locator('[name="website"]').boundingBox();
			assert.ok(!trap || trap.x + trap.width <= 0 || trap.width <= 1, 'the honeypot is out of sight');
			await form.locator('[name="privacy"]').check();
			await page.screenshot({ path: path.join(RESULTS, 'apply-form.png'), fullPage: true });
			await Promise.all([
				page.waitForURL((u) => u.pathname === `/jobs/${KAM_SLUG}/thanks`),
				form.locator('button[type="submit"]').click(),
			]);
			assert.ok(!page.url().includes('jana'), 'no personal data in the confirmation address');

			// R-CAND-3: the recruiter finds her by a word that is only in the CV.
			await signIn(page, server);
			await openPage(page, server, `/candidates?q=${CV_WORD.toLowerCase()}`);
			const hit = page.locator('mark', { hasText: CV_WORD });
			assert.ok(await hit.count() >= 1, 'the CV word is highlighted in the snippet');
			const link = page.locator('a[href^="/candidates/"]', { hasText: 'Beispiel' }).first();
			await page.screenshot({ path: path.join(RESULTS, 'candidate-search.png'), fullPage: true });
			await Promise.all([page.waitForURL(/\/candidates\/\d+$/), link.click()]);
			const candidateUrl = page.url();
			// R-CAND-1: the CV is there, its text was read.
			assert.ok(await page.locator('a[href*="/documents/"]').count() >= 1, 'the CV is listed');

			// R-CAND-2: the board of the KAM position (id 1 in the demo).
			await openPage(page, server, '/positions/1/pipeline');
			const board = page.locator('[data-board]');
			await board.waitFor();
			const card = page.locator('[data-stage="identified"] [data-application]', { hasText: 'Beispiel' });
			assert.equal(await card.count(), 1, 'the applicant is in the first stage');
			const appId = await card.getAttribute('data-application');
			const target = page.locator('[data-stage="prequalification"]');
			const moved = page.waitForResponse((res) => res.url().endsWith(`/applications/${appId}/move`)
				&& res.request().method() === 'POST');
			await card.dragTo(target);
			assert.equal((await moved).status(), 200, 'the move was accepted');
			await page.locator(`[data-stage="prequalification"] [data-application="${appId}"]`).waitFor();
			await page.screenshot({ path: path.join(RESULTS, 'pipeline-board.png'), fullPage: true });

			// The move is stored: after a reload the card is still there ...
			await page.reload();
			assert.equal(await page.locator(`[data-stage="prequalification"] [data-application="${appId}"]`).count(), 1,
				'the card stays in Vorqualifikation after a reload');
			// ... and it is an event of the candidate's timeline.
			await page.goto(candidateUrl);
			const timeline = await page.locator('main').innerText();
			assert.match(timeline, /Vorqualifikation/, 'the move is in the timeline');
		});
	});
