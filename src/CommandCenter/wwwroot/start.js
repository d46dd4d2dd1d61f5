// Starts Blazor with reconnection that never gives up: the wall has no mouse to press "retry".
// When the server lost the circuit (a restart), the page reloads itself and starts afresh.
(function () {
  const delays = [0, 1000, 2000, 5000];
  Blazor.start({
    circuit: {
      reconnectionOptions: {
        maxRetries: 100000,
        retryIntervalMilliseconds: (previousAttempts) => delays[Math.min(previousAttempts, delays.length - 1)],
      },
    },
  });
})();
