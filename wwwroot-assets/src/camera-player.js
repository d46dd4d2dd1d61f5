// Plays a camera's HLS stream: natively where the browser can, else through hls.js. Tells the page when
// the stream fails, so it can say "no signal" instead of showing a frozen frame; the page asks it to start
// over when the server's probe finds the stream again.
import Hls from "hls.js";

export function createPlayer(video, url, dotnet) {
  const failed = () => dotnet.invokeMethodAsync("StreamFailed").catch(() => {});
  let hls = null;

  function start() {
    if (Hls.isSupported()) {
      // A live test card or a platform's live stream: stay near the live edge rather than buffer far back.
      hls = new Hls({ lowLatencyMode: true, backBufferLength: 30, liveSyncDurationCount: 2 });
      hls.on(Hls.Events.ERROR, (_, data) => {
        if (data.fatal) {
          failed();
        }
      });
      hls.loadSource(url);
      hls.attachMedia(video);
    } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = url;
    } else {
      failed();
      return;
    }
    video.play().catch(() => {});
  }

  video.addEventListener("error", failed);
  start();
  return {
    reload() {
      hls?.destroy();
      hls = null;
      start();
    },
    dispose() {
      video.removeEventListener("error", failed);
      hls?.destroy();
      video.removeAttribute("src");
    },
  };
}
