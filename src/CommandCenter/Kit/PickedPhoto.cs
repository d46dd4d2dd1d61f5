using Microsoft.AspNetCore.Components.Forms;

namespace CommandCenter.Kit;

/// <summary>
/// Reads a photo picked in the browser (InputFile) and checks it as the server will (size, JPEG by its bytes), so the
/// person hears at once, in their language, rather than after sending it.
/// </summary>
public static class PickedPhoto
{
    public static async Task<(byte[]? Photo, PhotoPickProblem? Problem)> ReadAsync(IBrowserFile file, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size > maxBytes)
        {
            return (null, PhotoPickProblem.TooLarge);
        }

        byte[] bytes;
        try
        {
            await using var stream = file.OpenReadStream(maxBytes);
            using var buffer = new MemoryStream((int)file.Size);
            await stream.CopyToAsync(buffer);
            bytes = buffer.ToArray();
        }
        catch (IOException)
        {
            return (null, PhotoPickProblem.Unreadable);
        }

        return JpegPhoto.Problem(bytes, maxBytes) is null ? (bytes, null) : (null, PhotoPickProblem.NotJpeg);
    }
}
