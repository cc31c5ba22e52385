// positions.test.mjs — browser test of the requirements profile (step 2): a
// Key Account Manager position made from the role template, a strategic goal,
// the checks panel's warning, its fix, the approval and the approved version.
//
// Drives Debian's Chromium through playwright-core against a real stellwerk
// server with demo data (see server.mjs), in German (de-DE). Elements are
// found by id, name, href, data-rule and CSS class, not by their text, so the
// test does not depend on the state of the translation. Covers R-ROLE-1 (a
// position from a role template), R-PROF-1 (strategic goals first), R-PROF-2
// (requirements linked to goals; unlinked goals are flagged), R-PROF-4 (the
// must-haves of the template), R-PROF-6 (an undecided tier conflict blocks
// approval) and R-PROF-7 (approval freezes a version). Every test also fails
// on a JavaScript error, a CSP violation, a 5xx response, or a server that
// crashes or reports a sanitizer error.
//
// run: STELLWERK_BIN=build/asan/stellwerk node --test tests/e2e/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { RESULTS, useChromium, withServerAndPage, signIn, openPage } from './browser.mjs';

const TITLE = 'Key Account Manager Süd';
const GOAL = 'Umsatz Süd 3 Mio. €';

useChromium();

// Deleting asks for confirmation (data-confirm); this test never deletes.
const PAGE_OPTIONS = { failOnDialog: true };

/* Clicks a submit button and waits for the page it leads to. */
async function submitAndWait(page, button, urlPattern) {
	await Promise.all([page.waitForURL(urlPattern), button.click()]);
	await page.waitForLoadState('load');
}

function finding(page, rule) {
	return page.locator(`#checks li.finding[data-rule="${rule}"]`);
}

// R-ROLE-1, R-PROF-1, R-PROF-2, R-PROF-4, R-PROF-7: a KAM position from the
// template, a goal, the warning, its fix, the approval and the approved version.
test('KAM position: template, goal, warning fixed, approved, screenshot', { timeout: 240_000 }, async () => {
	await withServerAndPage('positions', PAGE_OPTIONS, async (page, server) => {
		await signIn(page, server);
		assert.equal(await page.getAttribute('html', 'lang'), 'de', 'German for a de-DE browser');

		// The positions list and the way to a new position.
		await openPage(page, server, '/positions');
		const rowsBefore = await page.locator('table.data tbody tr').count();
		assert.ok(rowsBefore >= 2, `the demo positions are listed (${rowsBefore} rows)`);
		await submitAndWait(page, page.locator('a[href="/positions/new"]').first(), /\/positions\/new$/);

		// R-ROLE-1: the form starts from a role template.
		const templates = await page.locator('#f-template_key option').evaluateAll(
			(opts) => opts.map((o) => o.value));
		assert.ok(templates.includes('kam') && templates.includes('bdm') && templates.includes('hoe'),
			`the built-in templates are offered: ${templates}`);
		await page.selectOption('#f-template_key', 'kam');
		await page.fill('#f-title', TITLE);
		const firstOrg = await page.locator('#f-organisation_id option').first().getAttribute('value');
		assert.match(firstOrg ?? '', /^\d+$/, 'the first hiring company has an id');
		await page.selectOption('#f-organisation_id', firstOrg);
		await submitAndWait(page, page.locator('form[action="/positions"] button[type="submit"]'),
			/\/positions\/\d+\/goals/);
		const id = /\/positions\/(\d+)\/goals/.exec(page.url())[1];
		assert.equal((await page.locator('h1').first().innerText()).trim(), TITLE);
		assert.equal(await page.locator('[aria-current="step"]').getAttribute('href'), `/positions/${id}/goals`,
			'the wizard marks the goals step');

		// R-PROF-1: the strategic goal comes first.
		const goalForm = page.locator(`form[action="/positions/${id}/goals"]`);
		await goalForm.locator('select[name="kind"]').selectOption('revenue');
		await goalForm.locator('input[name="title"]').fill(GOAL);
		await goalForm.locator('input[name="revenue_amount"]').fill('3000000');
		await goalForm.locator('input[name="horizon_months"]').fill('24');
		await submitAndWait(page, goalForm.locator('button.btn-primary'), /\/goals\?done=saved/);
		const goalRow = page.locator('.item-row[id^="goal-"]');
		assert.equal(await goalRow.count(), 1, 'one goal listed');
		assert.equal((await goalRow.locator('strong').first().innerText()).trim(), GOAL);
		const goalId = (await goalRow.getAttribute('id')).replace('goal-', '');

		// R-PROF-2: the template's requirements serve no goal yet, and the goal
		// is served by no requirement — both are flagged.
		await submitAndWait(page, goalForm.locator(`a[href="/positions/${id}/requirements"]`), /\/requirements$/);
		await finding(page, 'profile.goal_without_requirement').waitFor();
		assert.equal(await finding(page, 'profile.goal_without_requirement').count(), 1);
		assert.ok(await finding(page, 'profile.unlinked_requirement').count() >= 1, 'unlinked requirements flagged');
		assert.ok(await finding(page, 'profile.goal_without_requirement').isVisible());
		assert.match(await finding(page, 'profile.goal_without_requirement').getAttribute('class'), /finding-warning/);

		// R-PROF-4: the KAM template brings three to five must-haves.
		const mustRows = page.locator('section.card:has(> h2.tier-must) .item-row[id^="req-"]');
		const nmust = await mustRows.count();
		assert.ok(nmust >= 3 && nmust <= 5, `3 to 5 must-haves from the template, got ${nmust}`);
		assert.equal(await finding(page, 'profile.must_have_count').count(), 0);

		// The fix: link the first must-have to the goal.
		const first = mustRows.first();
		const reqId = (await first.getAttribute('id')).replace('req-', '');
		const details = first.locator('details.edit');
		await details.locator('summary').click();
		assert.equal(await details.getAttribute('open'), '', 'the edit form opened');
		const box = details.locator(`input[type="checkbox"][name="goal_ids"][value="${goalId}"]`);
		assert.equal(await box.isChecked(), false);
		await box.check();
		// With JavaScript the checks follow the form before it is saved (R-PROF-2).
		await finding(page, 'profile.goal_without_requirement').waitFor({ state: 'detached', timeout: 5000 });
		await submitAndWait(page, details.locator('form button.btn-primary'),
			new RegExp(`/requirements\\?done=saved#req-${reqId}$`));
		await page.locator('#checks').waitFor();
		assert.equal(await finding(page, 'profile.goal_without_requirement').count(), 0,
			'the goal is served now: the warning is gone');
		assert.ok(await page.locator(`#req-${reqId} input[name="goal_ids"][value="${goalId}"]`).isChecked(),
			'the link was stored');
		assert.equal(await page.locator(`#req-${reqId} .badge-warn`).count(), 0, 'the requirement is no longer marked');

		// R-PROF-7: approval on the review page.
		await openPage(page, server, `/positions/${id}/review`);
		assert.equal(await page.locator('#checks li.finding-error').count(), 0, 'nothing blocks the approval');
		await submitAndWait(page, page.locator('form[action$="/approve"] button'),
			new RegExp(`/positions/${id}/review\\?done=approved$`));
		await page.locator('.flash-ok[role="status"]').waitFor();
		assert.equal(await page.locator('form[action$="/approve"]').count(), 0, 'no second approval offered');
		const versionLink = page.locator(`ul.versions a[href="/positions/${id}/versions/1"]`);
		assert.equal(await versionLink.count(), 1, 'version 1 is listed');
		assert.equal(await page.locator(`.page-header a[href="/positions/${id}/versions/1"]`).count(), 1,
			'the header links the approved profile');
		assert.equal(await page.locator(`ul.versions a[href*="/versions/2"]`).count(), 0, 'only one version');

		// The approved version: the one-page profile, with the goal and its link.
		await submitAndWait(page, versionLink, new RegExp(`/positions/${id}/versions/1$`));
		const h1 = (await page.locator('h1').first().innerText()).trim();
		assert.ok(h1.endsWith(TITLE), `the version page names the position: ${h1}`);
		assert.equal((await page.locator('ol.goals li strong').first().innerText()).trim(), GOAL);
		const linked = page.locator(`ul.requirements li#req-${reqId}`);
		assert.equal(await linked.count(), 1);
		assert.ok((await linked.innerText()).includes(GOAL), 'the must-have serves the goal');
		assert.equal(await page.locator('button[data-print]').count(), 1, 'the print button');
		await mkdir(RESULTS, { recursive: true });
		await page.screenshot({ path: path.join(RESULTS, 'profile-kam.png'), fullPage: true });

		// The list shows the new position with its approved version.
		await openPage(page, server, '/positions');
		assert.equal(await page.locator('table.data tbody tr').count(), rowsBefore + 1);
		assert.equal(await page.locator(`table.data a[href="/positions/${id}"]`).count(), 1);

		// R-PROF-6, R-PROF-7: the BDM draft has an undecided tier conflict, so
		// it cannot be approved.
		await openPage(page, server, '/positions/2/review');
		await finding(page, 'profile.tier_conflict').waitFor();
		assert.match(await finding(page, 'profile.tier_conflict').getAttribute('class'), /finding-error/);
		assert.equal(await page.locator('form[action$="/approve"]').count(), 0, 'approval is blocked');
		assert.equal(await page.locator('ul.versions').count(), 0, 'no version approved yet');

		// R-X-3: the pages of the flow speak German (checked last, by text).
		assert.equal((await finding(page, 'profile.tier_conflict').locator('.badge').innerText()).trim(),
			'Muss behoben werden');
		assert.equal((await page.locator('#checks h2').textContent()).trim(), 'Profilprüfung');
		await openPage(page, server, '/positions/new');
		assert.equal((await page.locator('h1').first().innerText()).trim(), 'Neue Stelle');
		assert.equal((await page.locator('form[action="/positions"] button[type="submit"]').innerText()).trim(),
			'Anlegen und weiter zu den Zielen');
		await openPage(page, server, `/positions/${id}/review?done=approved`);
		assert.match(await page.locator('.flash-ok[role="status"]').innerText(), /^Das Profil wurde freigegeben\./);
		assert.equal((await page.locator(`.page-header a[href="/positions/${id}/versions/1"]`).innerText()).trim(),
			'Freigegebenes Profil, Version 1');
		await openPage(page, server, `/positions/${id}/versions/1`);
		assert.equal((await page.locator('h1').first().innerText()).trim(), `Anforderungsprofil: ${TITLE}`);
		assert.equal((await page.locator('button[data-print]').innerText()).trim(), 'Drucken');
	});
});
