namespace CommandCenter.Kit;

/// <summary>What a photo (from the scene, or a subject's answer to a spot check) must be before it is stored: not empty, within the size bound, and a JPEG by its bytes.</summary>
public static class JpegPhoto
{
    /// <summary>
    /// Why the photo is refused, or null. The content type a browser sends is only the file name's guess, so the
    /// bytes decide: a JPEG starts with the SOI marker FF D8 followed by another marker's FF.
    /// </summary>
    public static string? Problem(ReadOnlySpan<byte> photo, int maxBytes)
    {
        if (photo.Length == 0)
        {
            return "The photo is empty.";
        }

        if (photo.Length > maxBytes)
        {
            return $"The photo is {photo.Length} bytes; at most {maxBytes} bytes ({maxBytes / (1024 * 1024.0):0.#} MB) are accepted.";
        }

        return photo is [0xFF, 0xD8, 0xFF, ..] ? null : "The photo is not a JPEG image.";
    }
}
