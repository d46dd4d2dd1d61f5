// The browser's connection to a hub of the server. It never gives up: a wall runs for weeks without a
// mouse, so after a network cut or a server restart it keeps retrying until the server answers again.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";

const retryDelays = [0, 1000, 2000, 5000];

// onConnected runs after every start and every reconnect: the moment to ask for what was missed.
export function connectToHub(url, onStateChanged, { onConnected } = {}) {
  const connection = new HubConnectionBuilder()
    .withUrl(url)
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (context) => retryDelays[Math.min(context.previousRetryCount, retryDelays.length - 1)],
    })
    .configureLogging(LogLevel.Warning)
    .build();

  let stopped = false;
  connection.onreconnecting(() => onStateChanged("reconnecting"));
  connection.onreconnected(() => {
    onStateChanged("connected");
    onConnected?.();
  });
  connection.onclose(() => {
    if (!stopped) {
      onStateChanged("disconnected");
      startUntilConnected();
    }
  });

  // Automatic reconnect only covers a connection that was once up; the first start, and a start after
  // the retries ran out, are retried here.
  async function startUntilConnected() {
    let attempt = 0;
    while (!stopped && connection.state === HubConnectionState.Disconnected) {
      try {
        onStateChanged(attempt === 0 ? "connecting" : "reconnecting");
        await connection.start();
        onStateChanged("connected");
        onConnected?.();
        return;
      } catch {
        attempt++;
        await new Promise((resolve) => setTimeout(resolve, retryDelays[Math.min(attempt, retryDelays.length - 1)]));
      }
    }
  }

  return {
    connection,
    start: startUntilConnected,
    async stop() {
      stopped = true;
      await connection.stop();
    },
  };
}
