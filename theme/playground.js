// Makes a block's code editable, with `label` for screen readers. On a touch screen a tap on
// editable code puts the caret in it and opens the keyboard over half the screen, though the
// reader meant to read, scroll or select: there the code is editable only while the Edit button
// this adds to the block's buttons is pressed. A mouse's click into code is meant. Exercise
// starters (theme/exercises.js) are made editable through this too.
window.bookEditable = (() => {
    const touch = matchMedia('(hover: none)').matches;
    const PENCIL = '<span class="fa-svg"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
        + '<path d="M3 21l1.2-5.2L15.6 4.4l4 4L8.2 19.8zM17 3l2-2 4 4-2 2z"/></svg></span>';
    const setEditable = (code, label, on) => {
        if (on) {
            code.setAttribute('contenteditable', 'plaintext-only');
            code.setAttribute('aria-label', label);
        } else {
            code.removeAttribute('contenteditable');
            code.removeAttribute('aria-label');
        }
    };
    return (code, label) => {
        code.setAttribute('spellcheck', 'false');
        const buttons = code.parentElement.querySelector(':scope > .buttons');
        if (!touch || !buttons) {
            setEditable(code, label, true);
            return;
        }
        const edit = document.createElement('button');
        edit.className = 'edit-button';
        edit.title = 'Edit this code';
        edit.setAttribute('aria-label', edit.title);
        edit.setAttribute('aria-pressed', 'false');
        edit.innerHTML = PENCIL;
        edit.addEventListener('click', () => {
            const on = !code.isContentEditable;
            setEditable(code, label, on);
            edit.setAttribute('aria-pressed', String(on));
            if (on) {
                code.focus();
            }
        });
        buttons.prepend(edit);
    };
})();

// Lets readers edit a listing before pressing Run, without mdBook's 370 KB editor: the code
// becomes plain editable text, and mdBook's Run button sends the text as it is now (hidden
// lines included). Listings that must not run (deadlock, leak, crash) stay read-only.
(() => {
    document.querySelectorAll('pre.playground > code.language-rust').forEach(code => {
        if (code.classList.contains('no_run')) {
            return;
        }
        window.bookEditable(code, 'Rust code, editable: change it and press Run (Ctrl+Enter)');
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

// Run's result comes under the listing, below the screen when the listing is long (on a phone,
// most are): it is brought into view when it appears ("Running...") and when its text changes.
(() => {
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    document.querySelectorAll('pre.playground').forEach(pre => {
        new MutationObserver(mutations => {
            const result = pre.querySelector(':scope > .result');
            if (result && mutations.some(m => result.contains(m.target) || [...m.addedNodes].includes(result))) {
                result.scrollIntoView({ block: 'nearest', behavior: motion.matches ? 'auto' : 'smooth' });
            }
        }).observe(pre, { childList: true, subtree: true, characterData: true });
    });
})();
