// A short two-tone chime for critical alerts, made with WebAudio (no sound file to load). Browsers keep audio
// suspended until someone touches the page; a wall kiosk runs Chromium with
// --autoplay-policy=no-user-gesture-required, and anywhere else the hint asks for one click.
const tones = [
  { at: 0, frequency: 880 },
  { at: 0.3, frequency: 660 },
];

export class Chime {
  constructor(element, hint, settings) {
    this.element = element;
    this.hint = hint;
    this.count = 0;
    this.configure(settings);
    const AudioContextType = window.AudioContext ?? window.webkitAudioContext;
    this.context = AudioContextType ? new AudioContextType() : null;
    this.enable = () => this.context?.resume().then(() => this.showState(), () => this.showState());
    for (const type of ["pointerdown", "keydown"]) {
      document.addEventListener(type, this.enable, true);
    }
    this.context?.addEventListener("statechange", () => this.showState());
    element.dataset.chimes = "0";
    this.showState();
  }

  get audible() {
    return this.context?.state === "running";
  }

  showState() {
    this.element.dataset.sound = this.audible ? "on" : "off";
    if (this.hint) {
      // With the chime off there is nothing to ask a click for.
      this.hint.hidden = this.audible || !this.enabled;
    }
  }

  /** The site's settings, changed while the wall runs: on or off, and the loudness in percent. */
  configure({ enabled, volume }) {
    this.enabled = enabled;
    this.peak = Math.min(Math.max(volume, 1), 100) / 100;
    this.element.dataset.chimeEnabled = String(enabled);
    this.element.dataset.chimeVolume = String(volume);
    this.showState();
  }

  /** Plays the chime once; answers false when the site has it off or the browser keeps audio suspended. */
  ring() {
    if (!this.enabled) {
      return false;
    }
    if (!this.audible) {
      this.showState();
      return false;
    }
    const start = this.context.currentTime;
    for (const tone of tones) {
      const oscillator = this.context.createOscillator();
      const gain = this.context.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = tone.frequency;
      gain.gain.setValueAtTime(0.0001, start + tone.at);
      gain.gain.exponentialRampToValueAtTime(this.peak, start + tone.at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.at + 0.5);
      oscillator.connect(gain).connect(this.context.destination);
      oscillator.start(start + tone.at);
      oscillator.stop(start + tone.at + 0.55);
    }
    this.count++;
    this.element.dataset.chimes = String(this.count);
    return true;
  }

  async dispose() {
    for (const type of ["pointerdown", "keydown"]) {
      document.removeEventListener(type, this.enable, true);
    }
    await this.context?.close();
  }
}
