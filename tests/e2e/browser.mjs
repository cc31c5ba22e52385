// browser.mjs — what every browser test shares: Debian's Chromium through
// playwright-core, a fresh demo server and German browser context per test
// that fails on JavaScript errors, CSP violations, 5xx answers and server
// crashes, signing in through the login form and opening a page.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer, assertCleanExit } from './server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where tests put screenshots and server logs. */
export const RESULTS = path.join(ROOT, 'test-results');

let browser;

/**
 * Launches headless Chromium ($CHROMIUM_BIN, else /usr/bin/chromium) before
 * the tests of the calling file and closes it after them. Call it once at the
 * top level of a test file.
 */
export function useChromium() {
	before(async () => {
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
				'--disable-component-update', '--disable-sync', '--no-first-run'],
		});
	});
	after(async () => {
		await browser?.close();
	});
}

/**
 * Records in problems what must fail a test: JavaScript errors, CSP
 * violations reported on the console, 5xx responses and, with failOnDialog,
 * any dialog (which is then dismissed).
 */
export function collectPageProblems(page, problems, { failOnDialog = false } = {}) {
	page.on('pageerror', (err) => problems.push(`JavaScript error: ${err.message}`));
	page.on('console', (msg) => {
		if (/Content Security Policy/i.test(msg.text()))
			problems.push(`CSP violation: ${msg.text()}`);
	});
	page.on('response', (res) => {
		if (res.status() >= 500)
			problems.push(`HTTP ${res.status()} for ${res.request().method()} ${res.url()}`);
	});
	if (failOnDialog) {
		page.on('dialog', (dialog) => {
			problems.push(`unexpected dialog: ${dialog.message()}`);
			dialog.dismiss().catch(() => {});
		});
	}
}

/**
 * Runs fn(page, server) on a fresh demo server and a fresh German browser
 * context (1280 × viewportHeight), then checks that nothing went wrong on
 * either side (see collectPageProblems; failOnDialog for tests that never
 * confirm anything). options may be left out: withServerAndPage(name, fn).
 * The server's output is kept in test-results/NAME-server.log. Needs
 * useChromium().
 */
export async function withServerAndPage(name, options, fn) {
	if (typeof options === 'function')
		[options, fn] = [{}, options];
	const { viewportHeight = 800, failOnDialog = false } = options;
	const server = await startServer();
	const problems = [];
	const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: viewportHeight } });
	try {
		const page = await context.newPage();
		page.setDefaultTimeout(15_000);
		collectPageProblems(page, problems, { failOnDialog });
		await fn(page, server);
	} finally {
		await context.close();
		const ended = await server.stop();
		await mkdir(RESULTS, { recursive: true });
		await writeFile(path.join(RESULTS, `${name}-server.log`), ended.log);
		assertCleanExit(ended);
	}
	assert.deepEqual(problems, [], 'problems seen in the browser');
}

/** The login form: the form with the password field. */
export function loginForm(page) {
	return page.locator('form:has(input[type="password"])');
}

/** The login form's user name field: its first visible text input. */
export function usernameField(page) {
	return loginForm(page)
		.locator('input:not([type="password"]):not([type="hidden"]):not([type="submit"]):not([type="checkbox"])')
		.first();
}

/** The login form's password field. */
export function passwordField(page) {
	return loginForm(page).locator('input[type="password"]');
}

/** The login form's submit button. */
export function loginSubmitButton(page) {
	return loginForm(page).locator('button[type="submit"], input[type="submit"], button:not([type])').first();
}

/** Signs in as the demo admin through the login form and waits to leave /login. */
export async function signIn(page, server) {
	await page.goto(server.url);
	await loginForm(page).waitFor();
	await usernameField(page).fill(server.login);
	await passwordField(page).fill(server.password);
	await Promise.all([
		page.waitForURL((u) => !u.pathname.startsWith('/login')),
		loginSubmitButton(page).click(),
	]);
}

/** Goes to path p (relative to the server) and asserts a 200 answer. */
export async function openPage(page, server, p) {
	const res = await page.goto(new URL(p, server.url).href);
	assert.equal(res?.status(), 200, `GET ${p}`);
}
