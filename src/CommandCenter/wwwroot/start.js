// Starts Blazor with reconnection that never gives up: the wall has no mouse to press "retry".
// When the server lost the circuit (a restart), Blazor's default reconnection display reloads the page as
// soon as the server answers and refuses the old circuit (and cannot resume it), so the page starts afresh
// by itself. A custom reconnect dialog (#components-reconnect-modal) would only be told "rejected" and
// would have to reload the page itself.
(function () {
  const delays = [0, 1000, 2000, 5000];
  Blazor.start({
    circuit: {
      reconnectionOptions: {
        // Not a large number: a wall stays on for weeks, and any count of retries would run out at last.
        maxRetries: Infinity,
        retryIntervalMilliseconds: (previousAttempts) => delays[Math.min(previousAttempts, delays.length - 1)],
      },
    },
  });
})();
