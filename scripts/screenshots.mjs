// screenshots.mjs — takes the README screenshot (docs/screenshot.png) and a few
// pages for a visual check (test-results/pages/*.png) from a demo server.
//
// usage: node scripts/screenshots.mjs        (after `make`; uses build/stellwerk
//        unless STELLWERK_BIN says otherwise)
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from '../tests/e2e/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test-results', 'pages');
const PAGES = ['/dashboard', '/positions', '/positions/new', '/positions/1', '/positions/1/goals', '/positions/1/requirements',
	'/positions/1/stakeholders', '/positions/1/review', '/positions/1/versions/1', '/positions/2', '/positions/2/requirements',
	'/positions/2/stakeholders', '/positions/2/review', '/organisations', '/settings', '/settings/users', '/settings/tokens',
	'/settings/templates', '/settings/templates/kam', '/settings/audit', '/settings/privacy', '/candidates',
	'/candidates?q=kalibrierlabor', '/candidates/new', '/candidates/1', '/candidates/import', '/positions/1/pipeline',
	'/positions/1/stages', '/positions/1/channels', '/positions/1/channel-report', '/positions/2/channels', '/channels/report',
	'/jobs/key-account-manager-industriekunden', '/positions/1/interviews', '/questions', '/exercises', '/interviews',
	'/positions/1/evaluation', '/positions/1/timeline', '/positions/1/health', '/positions/1/budget', '/onboarding',
	'/onboarding/1', '/outbox', '/settings/absences', '/settings/calendar', '/nope'];

const server = await startServer();
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
		'--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
	await mkdir(OUT, { recursive: true });
	for (const [locale, width] of [['de-DE', 1280], ['en-GB', 640]]) {
		const page = await browser.newPage({ locale, viewport: { width, height: 860 } });
		await page.goto(server.url + 'login');
		await page.fill('#f-username', server.login);
		await page.fill('#f-password', server.password);
		await page.click('button[type=submit].btn-primary');
		await page.waitForURL('**/dashboard');
		if (locale === 'de-DE')
			await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshot.png') });
		for (const p of PAGES) {
			await page.goto(server.url + p.slice(1));
			const name = `${locale}${p.replaceAll('/', '_').replaceAll('?', '_')}.png`;
			await page.screenshot({ path: path.join(OUT, name), fullPage: true });
		}
		await page.close();
	}
	console.log(`docs/screenshot.png and ${OUT}/*.png written`);
} finally {
	await browser.close();
	await server.stop();
}
