namespace CommandCenter.Cameras;

/// <summary>What makes a camera record acceptable; every problem is named by its field.</summary>
public static class CameraChecks
{
    public static Dictionary<string, string[]> Check(CameraInput input, string prefix = "")
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            var key = prefix + field;
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > 32)
        {
            Add("code", "The code is required, at most 32 characters.");
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
        {
            Add("name", "The name is required, at most 100 characters.");
        }

        if (input.Latitude is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            Add("latitude", $"The latitude {input.Latitude} is missing or outside -90 to 90.");
        }

        if (input.Longitude is not { } lon || !double.IsFinite(lon) || lon is < -180 or > 180)
        {
            Add("longitude", $"The longitude {input.Longitude} is missing or outside -180 to 180.");
        }

        CheckUrl(input.StreamUrl, "streamUrl", Add);
        CheckUrl(input.SnapshotUrl, "snapshotUrl", Add);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void CheckUrl(string? url, string field, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        if (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            add(field, $"'{url}' is not an http(s) address of at most 500 characters.");
        }
    }
}
