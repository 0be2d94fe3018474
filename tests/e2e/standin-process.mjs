// Starts the stand-in as a child process, for the end-to-end tests and the benchmark.
import { spawn } from 'node:child_process';

const STANDIN_BINARY = 'target/release/guest-access-standin';
const START_TIMEOUT_MS = 15_000;

/**
 * Starts the stand-in on a free port, serving the build folder `dist`. Returns the child
 * process and a promise of its origin, which resolves once it listens.
 */
export function startStandIn(dist = 'dist') {
  const child = spawn(STANDIN_BINARY, ['--port', '0', '--dist', dist], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the stand-in did not start')), START_TIMEOUT_MS);
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/Stand-in listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the stand-in exited with ${code}`)));
  });
  return { child, origin };
}
