// Tells the server that a person is at the keyboard, at most once a minute, so an active desk session is
// not signed out for idleness; when the server says the session has ended, goes back to the sign-in page.
(function () {
  if (document.body.dataset.signedIn !== "true") {
    return;
  }

  const reportEvery = 60 * 1000;
  let lastInput = 0;
  let lastReport = 0;

  async function report() {
    lastReport = Date.now();
    try {
      const response = await fetch("/api/v1/session/activity", { method: "POST", credentials: "same-origin" });
      if (response.status === 401) {
        location.href = "/login?reason=idle&returnUrl=" + encodeURIComponent(location.pathname + location.search);
      }
    } catch {
      // Offline for a moment: the next input tries again.
    }
  }

  function onInput() {
    lastInput = Date.now();
    if (lastInput - lastReport >= reportEvery) {
      report();
    }
  }

  for (const event of ["pointerdown", "keydown", "wheel", "touchstart", "pointermove"]) {
    addEventListener(event, onInput, { passive: true, capture: true });
  }
})();
