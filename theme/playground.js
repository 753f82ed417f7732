// Lets readers edit a listing before pressing Run, without mdBook's 370 KB editor: the code
// becomes plain editable text, and mdBook's Run button sends the text as it is now (hidden
// lines included). Listings that must not run (deadlock, leak, crash) stay read-only.
(() => {
    document.querySelectorAll('pre.playground > code.language-rust').forEach(code => {
        if (code.classList.contains('no_run')) {
            return;
        }
        code.setAttribute('contenteditable', 'plaintext-only');
        code.setAttribute('spellcheck', 'false');
        code.setAttribute('aria-label', 'Rust code, editable: change it and press Run (Ctrl+Enter)');
        // mdBook's shortcuts (s and / search, ? help, ← → previous and next chapter) listen on
        // the document and only stand back for inputs and textareas: keys typed into code
        // belong to the code. Ctrl+Enter runs it; Escape leaves it, for the shortcuts again.
        code.addEventListener('keydown', event => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                code.parentElement.querySelector('.play-button')?.click();
            } else if (event.key === 'Escape') {
                code.blur();
            }
            event.stopPropagation();
        });
    });
})();

// Copy takes the whole program, hidden lines included, as Run does: mdBook's copy button takes
// only the lines on screen (its `playground_text(block, false)`), a fragment that does not
// compile on its own. The text is the code as it is now, so an edit is copied too.
(() => {
    if (typeof window.playground_text !== 'function') {
        return;
    }
    const shown = window.playground_text;
    window.playground_text = (playground, hidden = true) => {
        const code = playground.querySelector('code');
        return code && !window.ace ? code.textContent : shown(playground, hidden);
    };
})();

// When the playground cannot be reached (offline, or no answer in 6 s), mdBook shows
// "Playground Communication: Failed to fetch". Say what happened instead, and point at the
// output under the listing: the book shows what this very program did when it was verified.
(() => {
    const FAILED = 'Playground Communication: ';
    let outputs = 0;
    // A listing's output follows it (after the program's last fragment, if it is split).
    const verifiedOutput = pre => {
        let next = pre.nextElementSibling;
        while (next && !next.matches('.output-label')) {
            next = next.nextElementSibling;
        }
        return next;
    };
    const explain = (pre, result) => {
        const reason = result.textContent.slice(FAILED.length);
        result.textContent = `The Rust playground (play.rust-lang.org) could not be reached: are you offline? (${reason}.) `;
        result.classList.add('result-unreachable');
        const label = verifiedOutput(pre);
        if (label) {
            label.id ||= `verified-output-${++outputs}`;
            const link = document.createElement('a');
            link.href = `#${label.id}`;
            link.textContent = `verified “${label.textContent.trim()}” below`;
            result.append('The ', link, ' shows what this program does, as the book\'s tests recorded it.');
        }
    };
    document.querySelectorAll('pre.playground').forEach(pre => {
        new MutationObserver(() => {
            const result = pre.querySelector('.result');
            if (result && result.textContent.startsWith(FAILED)) {
                explain(pre, result);
            }
        }).observe(pre, { childList: true, subtree: true, characterData: true });
    });
})();
