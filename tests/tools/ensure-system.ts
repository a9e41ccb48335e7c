/**
 * What the test command needs from the machine besides npm packages: Debian's chromium (browser tests, driven by
 * playwright-core without a browser download), DejaVu fonts (the screens' type), xmllint (LMS manifests against their
 * XSDs) and pdftotext (certificates read back), and the test LRS's own npm folder. On a fresh Debian machine run as root, missing packages are installed
 * with apt-get; otherwise the command stops and says what to install. Run by `npm test` before anything else.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDS: readonly { readonly path: string; readonly pkg: string }[] = [
  { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', pkg: 'fonts-dejavu-core' },
  { path: '/usr/bin/xmllint', pkg: 'libxml2-utils' },
  { path: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
];

const missing = NEEDS.filter((n) => !existsSync(n.path)).map((n) => n.pkg);
if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(`The tests need these Debian packages: ${missing.join(', ')}. Install them (as root: apt-get install -y ${missing.join(' ')}) and run the tests again.`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} for the tests (apt-get)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

// The real LRS of tests/unit/delivery/real-lrs.test.ts (Learning Locker's statement service) lives in its own folder,
// out of the game's dependencies; installed here from its lockfile when it is missing (about 20 s).
if (!existsSync('tests/lrs/node_modules/xapi-statements/dist/server.js')) {
  console.log('Installing the test LRS (npm run lrs:install)...');
  execFileSync('npm', ['run', 'lrs:install'], { stdio: 'inherit' });
}
