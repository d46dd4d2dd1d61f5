namespace CommandCenter.Ingest;

/// <summary>Checks the values of a batch before anything is looked up or stored.</summary>
public static class PositionValidator
{
    /// <summary>The longest device serial accepted (the column's width).</summary>
    public const int MaxSerialLength = 64;

    /// <param name="keysRequired">False for a forwarder authenticated by its integration token: it speaks for the devices.</param>
    /// <param name="pathOf">How problems name item i; <c>positions[i]</c> when omitted.</param>
    public static List<ItemProblem> Validate(IReadOnlyList<PositionItem?> items, DateTimeOffset now, IngestOptions options, bool keysRequired = true, Func<int, string>? pathOf = null)
    {
        var problems = new List<ItemProblem>();
        for (var index = 0; index < items.Count; index++)
        {
            var path = pathOf?.Invoke(index) ?? $"positions[{index}]";
            var item = items[index];
            if (item is null)
            {
                problems.Add(new(path, "The item is null."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.Device))
            {
                problems.Add(new($"{path}.device", "The device serial is missing."));
            }
            else if (item.Device.Length > MaxSerialLength)
            {
                problems.Add(new($"{path}.device", $"The device serial is longer than {MaxSerialLength} characters."));
            }
            else if (item.Device.Any(char.IsControl))
            {
                // A NUL cannot be stored (PostgreSQL text refuses it) and would fail the whole batch as if the
                // database were down: the device would be told to retry, for ever.
                problems.Add(new($"{path}.device", "The device serial holds a control character."));
            }

            if (!DeviceEventNames.TryParse(item.Event, out _))
            {
                problems.Add(new($"{path}.event", $"The event is not one this product knows; use one of: {DeviceEventNames.Accepted}."));
            }

            if (keysRequired && string.IsNullOrWhiteSpace(item.Key))
            {
                problems.Add(new($"{path}.key", "The device key is missing."));
            }

            CheckTime(item.Time, $"{path}.time", now, options, problems);
            CheckRange(item.Latitude, -90, 90, $"{path}.lat", "latitude", required: true, problems);
            CheckRange(item.Longitude, -180, 180, $"{path}.lon", "longitude", required: true, problems);
            CheckRange(item.Accuracy, 0, 100_000, $"{path}.accuracy", "accuracy (metres)", required: false, problems);
            CheckRange(item.Speed, 0, 1_000, $"{path}.speed", "speed (km/h)", required: false, problems);
            CheckRange(item.Heading, 0, 360, $"{path}.heading", "heading (degrees)", required: false, problems);
            CheckRange(item.Battery, 0, 100, $"{path}.battery", "battery (percent)", required: false, problems);
        }

        return problems;
    }

    private static void CheckTime(DateTimeOffset? time, string field, DateTimeOffset now, IngestOptions options, List<ItemProblem> problems)
    {
        if (time is null)
        {
            problems.Add(new(field, "The fix time is missing."));
        }
        else if (time > now + options.MaxClockSkew)
        {
            problems.Add(new(field, $"The fix time {time:O} is more than {options.MaxClockSkew.TotalMinutes:0} minutes ahead of the server's clock ({now:O})."));
        }
        else if (time < now - options.MaxFixAge)
        {
            problems.Add(new(field, $"The fix time {time:O} is older than {options.MaxFixAge.TotalDays:0} days."));
        }
    }

    private static void CheckRange(double? value, double min, double max, string field, string name, bool required, List<ItemProblem> problems)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add(new(field, $"The {name} is missing."));
            }
        }
        else if (!double.IsFinite(value.Value) || value < min || value > max)
        {
            problems.Add(new(field, $"The {name} {value} is outside {min} to {max}."));
        }
    }
}
