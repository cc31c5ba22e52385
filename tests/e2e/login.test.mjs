// login.test.mjs — browser tests of signing in, the language switch and signing out.
//
// Drives Debian's Chromium through playwright-core against a real stellwerk
// server with demo data (see server.mjs). Covers R-X-2 (accounts, sessions:
// a wrong password is refused, a right one opens the dashboard, logging out
// ends the session) and R-X-3 (German by default, English on request), and that
// the login works with the keyboard alone. Every test also fails on a
// JavaScript error, a CSP violation, a 5xx response, or a server that crashes
// or reports a sanitizer error.
//
// run: STELLWERK_BIN=build/asan/stellwerk node --test tests/e2e/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import {
	RESULTS, useChromium, withServerAndPage, loginForm, usernameField, passwordField, loginSubmitButton,
} from './browser.mjs';

const NAV_DE = ['Dashboard', 'Stellen', 'Kandidaten', 'Interviews', 'Einstellungen'];
const NAV_EN = ['Positions', 'Candidates', 'Settings'];
const LOGOUT = /^\s*(abmelden|log ?out|sign ?out)\s*$/i;

useChromium();

/* Fills in the login form and submits it. */
async function fillAndSubmitLogin(page, login, password) {
	await usernameField(page).fill(login);
	await passwordField(page).fill(password);
	await loginSubmitButton(page).click();
}

async function expectLoginPage(page, lang) {
	await loginForm(page).waitFor();
	assert.equal(await page.getAttribute('html', 'lang'), lang, 'html lang of the login page');
	if (lang === 'de')
		assert.equal((await page.locator('h1').first().innerText()).trim(), 'Anmelden');
}

async function expectNavLinks(page, names) {
	const nav = page.getByRole('navigation');
	for (const name of names) {
		const link = nav.getByRole('link', { name, exact: true }).first();
		await link.waitFor();
		assert.ok(await link.isVisible(), `nav link "${name}" visible`);
	}
}

async function expectDashboard(page) {
	await page.getByRole('heading', { level: 1, name: 'Dashboard', exact: true }).waitFor();
}

/* Name, type and href of the element that has the keyboard focus. */
function focused(page) {
	return page.evaluate(() => {
		const e = document.activeElement;
		return {
			tag: e?.tagName.toLowerCase(),
			type: e?.getAttribute('type') ?? '',
			href: e?.getAttribute('href') ?? '',
			text: (e?.textContent ?? '').trim(),
		};
	});
}

// R-X-2: wrong password refused, right one opens the dashboard, logout ends the session.
// R-X-3: German by default, English after choosing "EN".
test('login, language switch and logout', { timeout: 180_000 }, async () => {
	await withServerAndPage('login', async (page, server) => {
		await page.goto(server.url);
		await expectLoginPage(page, 'de');

		// R-X-2: a wrong password shows an error and keeps the user on the login page.
		const wrong = 'falsch-' + server.password;
		await fillAndSubmitLogin(page, server.login, wrong);
		await expectLoginPage(page, 'de');
		const error = page.locator('[role="alert"], .error').first();
		await error.waitFor();
		assert.notEqual((await error.innerText()).trim(), '', 'login error message has text');
		assert.ok(!(await page.content()).includes(wrong), 'the page does not echo the password');

		// R-X-2: the right password opens the dashboard with the main navigation.
		await fillAndSubmitLogin(page, server.login, server.password);
		await expectDashboard(page);
		assert.equal(await page.getAttribute('html', 'lang'), 'de');
		await expectNavLinks(page, NAV_DE);
		const dashboardUrl = page.url();

		// R-X-3: the language switch reloads the page in English.
		await page.locator('form.langswitch button').filter({ hasText: /^\s*EN\s*$/ }).click();
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await page.waitForLoadState('load');
		await expectDashboard(page);
		await expectNavLinks(page, NAV_EN);

		await mkdir(RESULTS, { recursive: true });
		await page.screenshot({ path: path.join(RESULTS, 'dashboard-en.png'), fullPage: true });

		// R-X-2: logging out (button in the header) ends the session.
		await page.locator('header').getByRole('button', { name: LOGOUT }).click();
		await loginForm(page).waitFor();
		await page.goto(dashboardUrl);
		await loginForm(page).waitFor();
		assert.equal(await page.getByRole('link', { name: 'Settings', exact: true }).count(), 0,
			'no navigation for a logged-out user');
	});
});

// R-X-2: the login works with the keyboard alone, starting at the skip link.
test('login with the keyboard only', { timeout: 180_000 }, async () => {
	await withServerAndPage('keyboard', async (page, server) => {
		await page.goto(server.url);
		await expectLoginPage(page, 'de');

		await page.keyboard.press('Tab');
		const skip = await focused(page);
		assert.equal(skip.tag, 'a', `first Tab focuses the skip link, got ${JSON.stringify(skip)}`);
		assert.match(skip.href, /^#./, 'skip link points into the page');
		assert.ok(await page.locator(':focus').isVisible(), 'skip link visible when focused');
		await page.keyboard.press('Enter');

		await page.keyboard.press('Tab');
		const user = await focused(page);
		assert.equal(user.tag, 'input', `Tab after the skip link reaches the username, got ${JSON.stringify(user)}`);
		assert.notEqual(user.type, 'password');
		await page.keyboard.type(server.login);

		await page.keyboard.press('Tab');
		const pass = await focused(page);
		assert.equal(pass.type, 'password', `next Tab reaches the password, got ${JSON.stringify(pass)}`);
		await page.keyboard.type(server.password);

		await page.keyboard.press('Enter');
		await expectDashboard(page);
		await expectNavLinks(page, NAV_DE);
	});
});
