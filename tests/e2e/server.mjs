// server.mjs — a throwaway stellwerk server with demo data for one browser test.
//
// startServer() makes a temporary data directory, fills it with `stellwerk demo`
// (reading the demo login from its output), starts `stellwerk serve` on a free
// loopback port and waits for its "listening" line. stop() ends the server with
// SIGTERM, waits for it to exit, removes the directory and reports how the
// server ended, so a test can fail on a sanitizer report or a crash.
//
// The binary is $STELLWERK_BIN (scripts/test sets the ASan build), else
// build/stellwerk. The CLI runs with an English C locale so its output parses.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DEMO_TIMEOUT_MS = 120_000;
const LISTEN_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

const SANITIZER_REPORT = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: \w+Sanitizer/;

function binary() {
	return path.resolve(process.env.STELLWERK_BIN || 'build/stellwerk');
}

function cliEnv() {
	const env = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
	delete env.LANGUAGE;
	return env;
}

/* Runs `stellwerk demo --data DIR`; resolves with its stdout, rejects with its output. */
function runDemo(bin, dir) {
	return new Promise((resolve, reject) => {
		const child = spawn(bin, ['demo', '--data', dir], {
			env: cliEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => { stdout += d; });
		child.stderr.on('data', (d) => { stderr += d; });
		const timer = setTimeout(() => child.kill('SIGKILL'), DEMO_TIMEOUT_MS);
		child.on('error', (err) => {
			clearTimeout(timer);
			reject(new Error(`cannot run ${bin}: ${err.message}`));
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0 && !SANITIZER_REPORT.test(stderr))
				resolve(stdout);
			else
				reject(new Error(`${bin} demo failed (exit ${code ?? signal}):\n${stdout}${stderr}`));
		});
	});
}

/* Picks "Login: NAME" and "Password: PW" out of the demo command's output. */
function parseLogin(stdout) {
	const login = /^\s*Login:\s*(\S+)\s*$/m.exec(stdout);
	const password = /^\s*Passw(?:or|ort)d?:\s*(\S+)\s*$/m.exec(stdout);
	if (!login || !password)
		throw new Error(`no "Login: NAME" / "Password: PW" lines in the demo output:\n${stdout}`);
	return { login: login[1], password: password[1] };
}

/**
 * Starts a demo server. Resolves with { url, login, password, dir, log(), stop() };
 * stop() resolves with { code, signal, log } once the server has exited and its
 * directory is gone.
 */
export async function startServer() {
	const bin = binary();
	const dir = await mkdtemp(path.join(tmpdir(), 'stellwerk-e2e-'));
	let child;
	let exited;
	try {
		const { login, password } = parseLogin(await runDemo(bin, dir));
		child = spawn(bin, ['serve', '--data', dir, '--listen', '127.0.0.1:0', '--allow-root'], {
			env: cliEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		exited = new Promise((resolve) => {
			child.on('exit', (code, signal) => resolve({ code, signal }));
		});
		const url = await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(
				`no "stellwerk listening on" line within ${LISTEN_TIMEOUT_MS} ms:\n${output}`)),
			LISTEN_TIMEOUT_MS);
			const onData = (d) => {
				output += d;
				const m = /stellwerk listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
				if (m) {
					clearTimeout(timer);
					resolve(m[1]);
				}
			};
			child.stdout.on('data', onData);
			child.stderr.on('data', (d) => { output += d; });
			child.on('error', (err) => {
				clearTimeout(timer);
				reject(new Error(`cannot run ${bin}: ${err.message}`));
			});
			exited.then(({ code, signal }) => {
				clearTimeout(timer);
				reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`));
			});
		});
		let stopped;
		const stop = () => {
			stopped ??= (async () => {
				if (child.exitCode === null && child.signalCode === null) {
					child.kill('SIGTERM');
					const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
					await exited;
					clearTimeout(timer);
				}
				const { code, signal } = await exited;
				await rm(dir, { recursive: true, force: true });
				return { code, signal, log: output };
			})();
			return stopped;
		};
		return { url, login, password, dir, log: () => output, stop };
	} catch (err) {
		if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
			await exited;
		}
		await rm(dir, { recursive: true, force: true });
		throw err;
	}
}

/* Throws when a stopped server crashed or a sanitizer reported a problem. */
export function assertCleanExit({ code, signal, log }) {
	if (SANITIZER_REPORT.test(log))
		throw new Error(`sanitizer report in the server output:\n${log}`);
	if (!(code === 0 || signal === 'SIGTERM'))
		throw new Error(`server ended with ${code ?? signal} after SIGTERM:\n${log}`);
}
