// The idle limit of a signed-in session, in the browser: an open page has no HTTP requests of its own, so it
// renews the session cookie while its user types, clicks or scrolls, and sends them to sign in once they have
// been idle for the configured time. What they typed in a form is kept for this tab and put back after signing in.
(() => {
    const body = document.body;
    if (!body || body.dataset.signedIn !== 'true') {
        return;
    }

    const idleMs = (parseInt(body.dataset.idleMinutes, 10) || 30) * 60_000;
    const renewEveryMs = Math.min(5 * 60_000, idleMs / 3);
    let lastActivity = Date.now();
    let lastRenewal = Date.now();
    for (const name of ['keydown', 'pointerdown', 'wheel', 'touchstart', 'input']) {
        addEventListener(name, () => { lastActivity = Date.now(); }, { capture: true, passive: true });
    }

    setInterval(async () => {
        const now = Date.now();
        if (now - lastActivity >= idleMs) {
            toSignIn('idle');
            return;
        }
        if (lastActivity > lastRenewal && now - lastRenewal >= renewEveryMs) {
            lastRenewal = now;
            try {
                const response = await fetch('/account/keepalive', { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' });
                if (response.status === 401 || response.type === 'opaqueredirect') toSignIn('expired');
            } catch {
                // Offline for a moment: the next tick tries again.
            }
        }
    }, 15_000);

    function toSignIn(reason) {
        saveDrafts();
        const here = location.pathname + location.search;
        location.href = `/account/login?reason=${reason}&returnUrl=${encodeURIComponent(here)}`;
    }

    function saveDrafts() {
        const fields = {};
        for (const field of document.querySelectorAll('main input[id], main textarea[id]')) {
            if (field.type === 'password' || field.type === 'hidden' || field.type === 'file' || !field.value) continue;
            fields[field.id] = field.value;
        }
        if (Object.keys(fields).length > 0)
            sessionStorage.setItem('cx-draft:' + location.pathname, JSON.stringify(fields));
    }

    // Put back a draft kept before the last sign-out. The page's inputs are drawn before its circuit connects and
    // drawn again once it has, which can take many seconds on a busy server, so the values are put back once the
    // circuit has drawn the page (its marker, data-circuit, is there) and until they stay, but never over what the
    // person has typed since. A page whose circuit never connects keeps the draft for the next load.
    const key = 'cx-draft:' + location.pathname;
    const draft = sessionStorage.getItem(key);
    if (draft) {
        const fields = Object.entries(JSON.parse(draft));
        const typed = new Set();
        const noteTyping = e => { if (e.isTrusted && e.target && e.target.id) typed.add(e.target.id); };
        document.addEventListener('input', noteTyping, true);
        let steady = 0;
        let tries = 0;
        const putBack = setInterval(() => {
            tries++;
            if (!document.querySelector('main [data-circuit]')) {
                if (tries >= 240) stop(false);
                return;
            }
            let changed = false;
            for (const [id, value] of fields) {
                const field = document.getElementById(id);
                if (!field || typed.has(id) || field.value === value) continue;
                field.value = value;
                field.dispatchEvent(new Event('input', { bubbles: true }));
                field.dispatchEvent(new Event('change', { bubbles: true }));
                changed = true;
            }
            steady = changed ? 0 : steady + 1;
            if (steady >= 6) stop(true);
        }, 500);

        function stop(putBackDone) {
            clearInterval(putBack);
            document.removeEventListener('input', noteTyping, true);
            if (putBackDone) sessionStorage.removeItem(key);
        }
    }
})();
