// An exercise's starter is a library with tests and no `main`: mdBook's Run button would ask
// the playground to run a program. This gives the starter its own Run button that sends the
// code as the reader has edited it (starter plus tests) to the playground's test mode and shows
// the test report under it, like mdBook's own results.
(() => {
    const PLAYGROUND = 'https://play.rust-lang.org/execute';
    document.querySelectorAll('.listing-marker.marker-exercise').forEach(marker => {
        const pre = marker.nextElementSibling;
        const code = pre && pre.querySelector('code');
        if (!code) {
            return;
        }
        const name = marker.dataset.exercise || '';
        pre.classList.add('exercise-starter');
        const buttons = pre.querySelector('.buttons') || pre.insertBefore(document.createElement('div'), pre.firstChild);
        buttons.classList.add('buttons');
        const run = document.createElement('button');
        run.className = 'play-button exercise-run';
        run.title = 'Run the tests on the Rust playground';
        run.setAttribute('aria-label', 'Run the tests on the Rust playground');
        // mdBook's own play icon: the book has no icon font, so a `fa-play` class drew nothing.
        run.innerHTML = document.getElementById('fa-play')?.innerHTML ?? '';
        buttons.prepend(run);
        // After the buttons exist: on a touch screen the code is edited through an Edit button.
        window.bookEditable(code, 'Exercise starter code and its tests, editable: change it and press Run tests (Ctrl+Enter)');
        const result = () => pre.querySelector('.result') || pre.appendChild(Object.assign(document.createElement('code'), { className: 'result hljs language-bash' }));
        code.addEventListener('keydown', event => {
            // Keys typed into code belong to the code, not to mdBook's shortcuts.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                run.click();
            } else if (event.key === 'Escape') {
                code.blur();
            }
            event.stopPropagation();
        });
        run.addEventListener('click', async () => {
            const out = result();
            out.textContent = 'Running the tests…';
            out.scrollIntoView({ block: 'nearest' });
            const body = {
                channel: 'stable', mode: 'debug', edition: '2024', crateType: 'lib',
                tests: true, backtrace: false, code: code.textContent,
            };
            try {
                const response = await fetch(PLAYGROUND, {
                    method: 'POST', mode: 'cors', headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify(body), signal: AbortSignal.timeout(15000),
                });
                const answer = await response.json();
                out.textContent = [answer.stdout, answer.stderr].filter(Boolean).join('\n') || answer.error || 'No output.';
            } catch (error) {
                out.textContent = `The Rust playground (play.rust-lang.org) could not be reached: are you offline? (${error.message}.) ` +
                    (name ? `Run the tests on your machine instead: cargo xtask exercise ${name}` : '');
                out.classList.add('result-unreachable');
            }
            out.scrollIntoView({ block: 'nearest' });
        });
    });
})();
