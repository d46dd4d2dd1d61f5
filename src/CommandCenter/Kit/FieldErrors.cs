using Microsoft.Extensions.Localization;

namespace CommandCenter.Kit;

/// <summary>Problems gathered by field, in the shape validation problem details carry them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> byField = [];

    public int Count => byField.Count;

    public void Add(string field, LocalizedString message) => Add(field, message.Value);

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
        {
            byField[field] = messages = [];
        }

        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => byField.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
