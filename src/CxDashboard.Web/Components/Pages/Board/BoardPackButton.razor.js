// The board pack's PDF: downloaded from the server, or, without Chromium there, the browser's own print dialog.

// Fetches the PDF and saves it under fileName; returns null when saved, or what went wrong in a sentence.
export async function download(url, fileName) {
    let response;
    try {
        response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
    } catch {
        return 'The server could not be reached to make the PDF.';
    }
    const type = response.headers.get('content-type') || '';
    if (!response.ok || !type.startsWith('application/pdf')) {
        if (type.includes('json')) {
            try {
                const problem = await response.json();
                if (problem && problem.detail) return problem.detail;
            } catch {
                // Not the problem document it said it was: the status below says enough.
            }
        }
        return response.redirected ? 'Your session has ended: sign in again to download the PDF.' : `The server answered ${response.status} instead of the PDF.`;
    }
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    return null;
}

// Lays the board out at the width of a landscape page, lets its charts redraw at that width, then opens the print
// dialog; the board goes back to the window's width afterwards.
export async function printPack() {
    const root = document.documentElement;
    root.classList.add('cx-print-preview');
    window.dispatchEvent(new Event('resize'));
    await chartsFit(3000);
    try {
        window.print();
    } finally {
        root.classList.remove('cx-print-preview');
        window.dispatchEvent(new Event('resize'));
    }
}

// Resolves once every chart is no wider than its container, or after at most `within` milliseconds.
function chartsFit(within) {
    const started = performance.now();
    const fits = () => [...document.querySelectorAll('.apexcharts-canvas')]
        .every(canvas => canvas.getBoundingClientRect().width <= canvas.parentElement.getBoundingClientRect().width + 1);
    return new Promise(resolve => {
        const check = () => (fits() || performance.now() - started > within) ? resolve() : requestAnimationFrame(check);
        requestAnimationFrame(check);
    });
}
