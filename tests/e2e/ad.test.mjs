// ad.test.mjs — browser tests of the job ad (step 3): the editor of the
// demo's poor BDM draft with its findings, checked as you type, a finding
// that selects its text, a one-click fix applied in place and saved; and the
// public job pages with the KAM ad and its JSON-LD.
//
// Drives Debian's Chromium through playwright-core against a real stellwerk
// server with demo data (see server.mjs), in German (de-DE). Elements are
// found by id, name, data-rule/data-field and CSS class, not by their text,
// so the test does not depend on the state of the translation. Covers
// R-AD-1 (the drafted ad is edited freely), R-AD-2 (findings as you type,
// jump to the passage, one-click fix), R-AD-4 (score, publishing, the public
// page with JSON-LD whose facts are visible), R-X-2 (public pages need no
// login) and R-X-6 (nothing is saved by checking). Every test also fails on
// a JavaScript error, a CSP violation, a 5xx response, or a server that
// crashes or reports a sanitizer error. Screenshots: test-results/ad-editor.png
// and test-results/job-public.png.
//
// run: STELLWERK_BIN=build/asan/stellwerk node --test tests/e2e/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { RESULTS, useChromium, withServerAndPage, signIn, openPage } from './browser.mjs';

const KAM_SLUG = 'key-account-manager-industriekunden';
const CLICHE = 'Extrameile';
const NATIVE = 'Deutsch als Muttersprache';

useChromium();

// Regenerating and unpublishing ask first (data-confirm); these tests do neither.
const PAGE_OPTIONS = { viewportHeight: 900, failOnDialog: true };

/* The findings of field key (and rule prefix) in the panel. */
function findings(page, field, rulePrefix) {
	const rule = rulePrefix ? `[data-rule^="${rulePrefix}"]` : '';
	return page.locator(`#ad-findings li.finding[data-field="${field}"]${rule}`);
}

/* Waits until the panel shows the answer to the latest check. */
async function checked(page) {
	await page.waitForSelector('#ad-findings:not(.is-stale)');
}

/* Appends text at the end of a textarea by typing, as a person would. */
async function typeAtEnd(page, selector, text) {
	await page.locator(selector).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type(text);
}

// R-AD-1, R-AD-2, R-AD-4, R-X-6: the poor BDM draft, its findings, a new one
// as you type, jumping to it, a one-click fix, saving.
test('BDM ad editor: live findings, jump to the passage, one-click fix, save', { timeout: 240_000 }, async () => {
	await withServerAndPage('ad-editor', PAGE_OPTIONS, async (page, server) => {
		await signIn(page, server);
		await openPage(page, server, '/positions/2/ad');
		assert.equal(await page.locator('[aria-current="step"]').getAttribute('href'), '/positions/2/ad',
			'the wizard marks the ad step');

		// R-AD-2: the score and the findings of the poor draft.
		const panel = page.locator('#ad-findings');
		await panel.waitFor();
		const score = Number(await panel.getAttribute('data-score'));
		assert.ok(score >= 0 && score < 50, `a poor ad scores low: ${score}`);
		assert.ok(await page.locator('.ad-score-value strong').isVisible(), 'the score is shown');
		const total = await page.locator('#ad-findings li.finding').count();
		assert.ok(total >= 10, `the poor draft has many findings: ${total}`);
		assert.equal(await page.locator('#ad-findings li[data-rule="agg.title_gender"][data-field="title"]').count(), 1,
			'the title lacks (m/w/d)');
		assert.ok(await findings(page, 'offer', 'cliche.').count() >= 1, 'clichés in the offer');

		// A marker that survives only as long as the page is not reloaded.
		await page.evaluate(() => { window.adTestMarker = 'same page'; });

		// R-AD-2: a cliché typed into the culture section is found without saving.
		const before = await findings(page, 'culture', 'cliche.').count();
		const checkAnswer = page.waitForResponse((res) => res.url().endsWith('/positions/2/ad/check') &&
			res.request().method() === 'POST');
		await typeAtEnd(page, '#f-culture', `\nWir erwarten die ${CLICHE}.`);
		assert.equal((await checkAnswer).status(), 200, 'the live check answered');
		await checked(page);
		await page.waitForFunction((n) => document.querySelectorAll(
			'#ad-findings li.finding[data-field="culture"][data-rule^="cliche."]').length > n, before);
		assert.equal(await page.evaluate(() => window.adTestMarker), 'same page', 'found without a page load');
		const fresh = findings(page, 'culture', 'cliche.').last();
		assert.ok((await fresh.locator('.finding-excerpt').innerText()).includes(CLICHE), 'the finding quotes the cliché');
		assert.equal(await page.locator('[data-count-for="culture"]').innerText(),
			String(await findings(page, 'culture').count()), 'the label counts the findings of the section');

		// R-AD-2: clicking the finding selects its text in the textarea.
		await fresh.locator('a.finding-jump').click();
		const selection = await page.evaluate(() => {
			const el = document.activeElement;
			return { id: el.id, text: el.value.slice(el.selectionStart, el.selectionEnd) };
		});
		assert.deepEqual(selection, { id: 'f-culture', text: CLICHE }, 'the cliché is selected');

		// R-AD-2: a one-click fix, applied in place.
		await typeAtEnd(page, '#f-must', `\n- ${NATIVE}`);
		await checked(page);
		const fix = page.locator('#ad-findings li[data-rule="agg.native_speaker"][data-field="must"] button.finding-fix');
		await fix.first().waitFor();
		const replacement = await fix.first().getAttribute('data-replacement');
		assert.equal(await fix.first().getAttribute('data-match'), NATIVE);
		await fix.first().click();
		await checked(page);
		const must = await page.inputValue('#f-must');
		assert.ok(must.endsWith(`- ${replacement}`), `the fix replaced the text: ${must}`);
		assert.ok(!must.includes(NATIVE), 'the flagged words are gone');
		assert.equal(await page.evaluate(() => window.adTestMarker), 'same page', 'fixed without a page load');
		assert.equal(await page.locator('#ad-findings li[data-rule="agg.native_speaker"] button.finding-fix').count(), 0,
			'the fixed finding is gone');

		await mkdir(RESULTS, { recursive: true });
		await page.locator('.ad-editor').evaluate((el) => el.scrollIntoView({ block: 'start' }));
		await page.evaluate(() => window.scrollBy(0, -16));
		await page.screenshot({ path: path.join(RESULTS, 'ad-editor.png') });

		// Saving keeps both edits.
		await Promise.all([
			page.waitForURL(/\/positions\/2\/ad\?done=saved$/),
			page.locator('#ad-form button[name="action"][value="save"]').click(),
		]);
		assert.ok((await page.inputValue('#f-culture')).includes(CLICHE), 'the culture edit was saved');
		const saved = await page.inputValue('#f-must');
		assert.ok(saved.includes(replacement) && !saved.includes(NATIVE), 'the fix was saved');
		assert.equal(await findings(page, 'culture', 'cliche.').count(), before + 1, 'the saved text is checked');
	});
});

// R-AD-4, R-X-2: the public list and the KAM page with its JSON-LD, whose
// facts are all visible, without a login.
test('public job pages: list and the KAM ad with JSON-LD', { timeout: 120_000 }, async () => {
	await withServerAndPage('job-public', PAGE_OPTIONS, async (page, server) => {
		await openPage(page, server, '/jobs');
		assert.equal(await page.locator('.topbar, .mainnav').count(), 0, 'no app navigation');
		const link = page.locator(`a[href="/jobs/${KAM_SLUG}"]`);
		assert.equal(await link.count(), 1, 'the published KAM ad is listed');
		await Promise.all([page.waitForURL(new RegExp(`/jobs/${KAM_SLUG}$`)), link.click()]);

		const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
		assert.equal(ld['@type'], 'JobPosting');
		for (const key of ['title', 'description', 'datePosted', 'validThrough', 'employmentType'])
			assert.ok(ld[key], `JSON-LD has ${key}`);
		assert.ok(ld.hiringOrganization?.name, 'JSON-LD names the company');
		assert.ok(ld.jobLocation?.address?.addressLocality, 'JSON-LD names the place');

		// Everything in the JSON-LD is visible on the page.
		assert.equal((await page.locator('h1').innerText()).trim(), ld.title);
		const text = await page.locator('main').innerText();
		assert.ok(text.includes(ld.hiringOrganization.name), 'the company is shown');
		assert.ok(text.includes(ld.jobLocation.address.addressLocality), 'the place is shown');
		const [y, m, d] = ld.validThrough.slice(0, 10).split('-');
		assert.ok(text.includes(`${d}.${m}.${y}`), 'the last day is shown');
		if (ld.baseSalary?.value?.minValue) {
			const min = ld.baseSalary.value.minValue.toLocaleString('de-DE');
			assert.ok(text.includes(min), `the salary is shown (${min})`);
		}
		assert.ok(await page.locator('.job-ad-body h2').count() >= 4, 'the sections of the ad');
		await mkdir(RESULTS, { recursive: true });
		await page.screenshot({ path: path.join(RESULTS, 'job-public.png'), fullPage: true });

		// An unknown address is not found; the editor needs a login.
		const missing = await page.goto(new URL('/jobs/no-such-job', server.url).href);
		assert.equal(missing?.status(), 404);
		await page.goto(new URL('/positions/1/ad', server.url).href);
		assert.match(new URL(page.url()).pathname, /^\/login/, 'the editor asks for a login');
	});
});
