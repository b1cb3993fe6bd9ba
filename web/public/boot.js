// Rebound's first two requests, started while the app's code is still downloading: who is
// signed in (every page needs it) and, on the board, the applications. The app takes each answer
// once, for a request to the same address (web/src/api/client.ts, `takeBootResponse`); anything
// it does not take is simply dropped. A plain file, not an inline script: the Content-Security-
// Policy runs only Rebound's own scripts.
(() => {
  const start = (url) => {
    const response = fetch(url, {
      headers: { accept: 'application/json', 'x-rebound': '1' },
      credentials: 'same-origin',
    });
    // A refused request is reported when the app takes it, not here.
    response.catch(() => {});
    return response;
  };
  const boot = new Map();
  boot.set('/api/v1/me', start('/api/v1/me'));
  if (window.location.pathname === '/') {
    // The board's query (BOARD_QUERY in web/src/api/hooks.ts); a test checks the two agree.
    const board = '/api/v1/applications?status=all&sort=updated&order=desc&limit=5000';
    boot.set(board, start(board));
  }
  window.__reboundBoot = boot;
})();
