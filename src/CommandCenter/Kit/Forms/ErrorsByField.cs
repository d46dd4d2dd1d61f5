namespace CommandCenter.Kit.Forms;

/// <summary>
/// The problems a store answered, by field (the shape of validation problem details), as a form's fields show them:
/// whether a field has one, and its text.
/// </summary>
public sealed class ErrorsByField(IReadOnlyDictionary<string, string[]>? byField)
{
    private readonly IReadOnlyDictionary<string, string[]> byField = byField ?? new Dictionary<string, string[]>();

    public static ErrorsByField None { get; } = new(null);

    public bool Has(string field) => byField.ContainsKey(field);

    /// <summary>The field's messages as one line; null where it has none.</summary>
    public string? Text(string field) => byField.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
