#!/usr/bin/env node
// pa11y (HTML_CodeSniffer, WCAG 2 AA) over many pages in one browser, for tests/browser/test_html_validity.py.
//   node tests/browser/pa11y-pages.js BASE_URL PAGE...   (PAGE: a path under BASE_URL, such as "handbook/"; "" is the home page)
// Prints one JSON object: {"PAGE": [issue, ...], ...} with every error pa11y finds (warnings and notices left out).
// Debian's chromium (CHROMIUM, default /usr/bin/chromium), never puppeteer's own download; requests to any host but
// BASE_URL's are refused. PA11Y_TABS pages at a time (default 4); PA11Y_DEBUG=1 logs what pa11y does.
'use strict';

const pa11y = require('pa11y');
const puppeteer = require('puppeteer');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = [
	'--no-sandbox', '--disable-gpu', '--disable-background-networking',
	'--disable-component-update', '--disable-sync', '--no-first-run',
];
const OPTIONS = {
	standard: 'WCAG2AA',
	runners: ['htmlcs'],
	includeWarnings: false,
	includeNotices: false,
	timeout: 30000,
	log: process.env.PA11Y_DEBUG ? {debug: console.error, info: console.error, error: console.error} : undefined,
};

async function main() {
	const [base, ...pages] = process.argv.slice(2);
	const host = new URL(base).host;
	const guard = request => {
		const url = new URL(request.url());
		if (url.host === host || url.protocol === 'data:') {
			request.continue();
		} else {
			request.abort();
		}
	};
	const browser = await puppeteer.launch({executablePath: CHROMIUM, args: ARGS, headless: true});
	const results = {};
	try {
		// A few pages at a time, each in its own tab: most of a page's time is pa11y waiting for the network to settle.
		const queue = [...pages];
		const worker = async () => {
			const page = await browser.newPage();
			await page.setRequestInterception(true);
			for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
				// pa11y takes every 'request' listener off the page when a run ends: put the guard back each time.
				page.removeAllListeners('request');
				page.on('request', guard);
				const result = await pa11y(new URL(path, base).href, {...OPTIONS, browser, page});
				results[path] = result.issues.filter(issue => issue.type === 'error');
			}
			await page.close();
		};
		const tabs = Math.max(1, Number(process.env.PA11Y_TABS || 4));
		await Promise.all(Array.from({length: Math.min(tabs, pages.length)}, worker));
	} finally {
		await browser.close();
	}
	process.stdout.write(JSON.stringify(results));
}

main().catch(error => {
	console.error(error && error.stack || error);
	process.exit(1);
});
