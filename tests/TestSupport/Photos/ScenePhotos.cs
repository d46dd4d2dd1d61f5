namespace CommandCenter.TestSupport.Photos;

/// <summary>Photos as a squad leader's phone sends them, and the ones the product must refuse.</summary>
public static class ScenePhotos
{
    /// <summary>A real JPEG (a 96×72 test card), small enough to send in every test.</summary>
    public static byte[] Jpeg { get; } = Convert.FromBase64String("""
        /9j/4AAQSkZJRgABAgAAAQABAAD/2wBDAAgoKC8oLzc3Nzc3N0E8QUNDQ0FBQUFDQ0NISEhVVVVISEhDQ0hIUFBVVVxfXFdXVVdfX2RkZHh4c3OMjJGsrM//
        xACXAAADAQEBAQEBAAAAAAAAAAAABgcIBQQDAgEBAAIDAQEAAAAAAAAAAAAAAAAHBgUIBAMQAAEDAgMGAwYGAwEAAAAAAAEAAgOBEcEhQkEEoVExEmHRcbIy
        sRMUIpKRBSOCUjThczMRAAECAwYEBQQCAwEAAAAAAAABA0EEAoFCUcHREaFhIRKRUjEUogUTsSIzctIjMvD/wAARCABIAGADARIAAhIAAxIA/9oADAMBAAIR
        AxEAPwDP6EAADNBqpiurukfzC4bMrqqcgWPZ3qmERgSl+zMhfuUlm619al2SlPHqsdk5DhHCX5nIfFUZcTbS19fRPyTsk83PUy360p3V4Qpw30wMoKqqqqq7
        qvVVWJOibr8KQU0U0JtSiInI6jbVFFLabUolKcv/AHVeZ2izPprgifTXBWzcQbiL+buW5BN3LchZQrUBfgbFQsAASoBZn01wRPprgrZuINxF/N3Lcgm7luQs
        L+q7RVpXdFVFxToeRBqalpXdFVFxRdlPA8kU3dk7rz5pATdbd7ui+uOJCxnzn09WkVxvrT6rTGlM04ohps0bBqpilzcpe8Fp94AVHPzTBcgUqV9yJihkCUv2
        ZjMclkl3Klp/5c6onlxTDbr0KShegHGBgBdSJgkkY09HOaDbxNkAAGgd2hEUDDtf9xPraw6bBxuqJPprgrZuINxF/N3Lcgm7luQsoVqAvwJqhSkDdYCzPprg
        ifTXBWzcQbiL+buW5BN3LchZQrUBfgbFQsAASoBZn01wRPprgrZuINxF/N3Lcgm7luQsoVsAvwJqvuQBcdwLm3uz7rjtzdmR25WOrZkpSWHYvI3UQ/3VGFXg
        mp5mzHd5Y37Mw4c2m19o9R4pbn01wXs3EG4nBN3Lcgm7luRtlJe5PL92jJ5W/CS0cArUBfgZU3b/AN4v+jPaC88LgyWNxyAe0n0BQAAbBn01wRPprgrZuINx
        F/N3Lcgm7luQsoVqAvwJqhSkDdYCzPprgifTXBWzcQbiL+buW5BN3LchZQrUBfgbFQsAASoBZn01wRPprgrZuINxF/N3Lcgm7luQsoVsAvwJCe76mbMX/fub
        Ze6+9hfK+zM28V3S64Is3Pqe1oced3Ad2e3PPamoR/vqxHWN/wBu15eK6ihPprgifTXBdbcQbiUE3ctyCbuW5Gmf0/8AxY/5e2V6NxaW7tGDyJoSSOBVqAvw
        MpiCQ9G8R5qpRrg+5SkfyRCoulYcS7xTUZ1ZSGOc+KPu94Czrm/TK9/Hqv3GppTMNU771cF0FDUZ0mWHK+3anfbeKcuY1az99pC6zk6/dM+bhVoIZDNay7qX
        eKajbcJR8tw2fBOLlp33bHn+NWhnhBjLNsJf+NWhnlwlssL3WsL9do81QwtQtzTPX9+FWghmxlzM0zX29tW+28KuWKCMJH9NL/Xi3zVrC0yj7S3uC6CmbGD9
        5vzcF0FmMZlYOp4FIciU3s31ufKnU0fSPBJhpb3BdBQ0HtmnjNvu57D5KTyJGUSUx1/T5U6mnaSdzH+3t7eu2/LDE8qB1+fGdXA+SmLVnb2Ux5PlTqaXUo0Y
        cW7xTUarYwdV9mpA+2d8vGnUdCjqSulY/kirZyHxF7mDoL5nrYG2dtqZik7S1XTvunFCdOHpMUVOdvam+2+WJJC2jeoGgAOsBkAGuy4KBlQVeh4uCu9u75eK
        ajcJWhdACFAZoNVMUQaqYqqcgDkBgSl+zMJS/ZmVCKbtyd02Hl/pKq7W3e3pV6Q5EcItOfT/ALq/ca2Sq9T6JVzTBV8F9R0HeX1PU+qfiLv1QrWf4qP60/gq
        EVFTdOqLEp2P4W/6U/hBTn01wRPprgpW3EG4kam7luQTdy3IWUK1AX4GxULAAEqAWZ9NcET6a4K2biDcRfzdy3IJu5bkLKFbAL8DjxQbXfl5p1TTbZjV4aks
        HdOfUU2Vtlevotf+OvgZ8GaDVTFEGqmKqnIA5AYEpfszCUv2ZjMhVIDAA//Z
        """);

    /// <summary>A PNG's first bytes: an image, but not the JPEG the product takes.</summary>
    public static byte[] Png { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    /// <summary>A JPEG's start followed by filler up to <paramref name="length"/> bytes: passes the magic bytes, fails the size bound.</summary>
    public static byte[] JpegOf(int length)
    {
        var bytes = new byte[length];
        Jpeg.AsSpan(0, Math.Min(Jpeg.Length, length)).CopyTo(bytes);
        return bytes;
    }
}
