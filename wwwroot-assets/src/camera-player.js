// Plays a camera's HLS stream: natively where the browser can, else through hls.js. Tells the page when
// the stream fails, so it can say "no signal" instead of showing a frozen frame.
import Hls from "hls.js";

export function createPlayer(video, url, dotnet) {
  const failed = () => dotnet.invokeMethodAsync("StreamFailed").catch(() => {});
  let hls = null;
  if (Hls.isSupported()) {
    hls = new Hls({ lowLatencyMode: true, backBufferLength: 30 });
    hls.on(Hls.Events.ERROR, (_, data) => {
      if (data.fatal) {
        failed();
      }
    });
    hls.loadSource(url);
    hls.attachMedia(video);
  } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
    video.src = url;
    video.addEventListener("error", failed);
  } else {
    failed();
  }
  video.play().catch(() => {});
  return {
    dispose() {
      hls?.destroy();
      video.removeAttribute("src");
    },
  };
}
