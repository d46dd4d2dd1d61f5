// Reads a positions frame as the server packs it (PositionsFrameJsonConverter): the people travel as one base64
// string of variable-length numbers, each person's subject id, latitude and longitude written as the difference
// from the person before (zigzag, 7 bits a byte), and their squads as runs. Sorted by squad and subject, the
// differences are small: a frame of 50,000 people is about a third of its size as JSON number arrays, and reading
// it is one pass over bytes into arrays kept from frame to frame, with nothing allocated per person.

// Uint8Array.fromBase64 decodes in native code where the browser has it; otherwise atob and a copy.
const fromBase64 =
  typeof Uint8Array.fromBase64 === "function"
    ? (text) => Uint8Array.fromBase64(text)
    : (text) => {
        const binary = atob(text);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) {
          bytes[i] = binary.charCodeAt(i);
        }
        return bytes;
      };

export class PositionsFrameReader {
  constructor() {
    this.count = 0;
    this.subjects = new Int32Array(0);
    this.latitudes = new Int32Array(0);
    this.longitudes = new Int32Array(0);
  }

  /** Unpacks one frame into subjects[i], latitudes[i] and longitudes[i] (in the wire's units); returns how many. */
  read(frame) {
    const count = frame.count;
    if (this.subjects.length < count) {
      this.subjects = new Int32Array(count);
      this.latitudes = new Int32Array(count);
      this.longitudes = new Int32Array(count);
    }
    const bytes = fromBase64(frame.people);
    const { subjects, latitudes, longitudes } = this;
    let at = 0;
    // One varint, undone from zigzag: written inline three times below, since a call per number costs more
    // than the loop itself at 150,000 numbers a frame. Sums wrap to 32 bits as the server's differences do.
    let subject = 0;
    let latitude = 0;
    let longitude = 0;
    for (let i = 0; i < count; i++) {
      let value = 0;
      let shift = 0;
      let byte;
      do {
        byte = bytes[at++];
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      subject = (subject + ((value >>> 1) ^ -(value & 1))) | 0;
      subjects[i] = subject;

      value = 0;
      shift = 0;
      do {
        byte = bytes[at++];
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      latitude = (latitude + ((value >>> 1) ^ -(value & 1))) | 0;
      latitudes[i] = latitude;

      value = 0;
      shift = 0;
      do {
        byte = bytes[at++];
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      longitude = (longitude + ((value >>> 1) ^ -(value & 1))) | 0;
      longitudes[i] = longitude;
    }
    this.count = count;
    return count;
  }
}
