// End-to-end tests of the built book (book/html) in Debian's headless chromium, driven by
// playwright-core. `cargo xtask test` builds the book first and runs this file. Nothing leaves
// 127.0.0.1: the Rust playground is mocked, every other outside request fails the test that
// made it.
//
// One process, one browser (support.mjs): every part below is started at once, and
// support.mjs's `open()` lets one page per core work at a time. Parts are listed longest first,
// so the slow pages do not start last.

import { after, before, describe } from 'node:test';

import diagrams from './checks/diagrams.mjs';
import exercises from './checks/exercises.mjs';
import listings from './checks/listings.mjs';
import pages from './checks/pages.mjs';
import phone from './checks/phone.mjs';
import print from './checks/print.mjs';
import quiz from './checks/quiz.mjs';
import search from './checks/search.mjs';
import { start, stop } from './support.mjs';

before(start);
after(stop);

describe('the book in chromium', { concurrency: true }, () => {
    for (const part of [print, pages, listings, search, exercises, diagrams, quiz, phone]) {
        part();
    }
});
