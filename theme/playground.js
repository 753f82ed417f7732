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
        code.setAttribute('aria-label', 'Rust code, editable: change it and press Run');
    });
})();
