using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommandCenter.TestSupport.Data;

/// <summary>How the app writes JSON (web defaults, enums by name), for reading its answers into its own types.</summary>
public static class Json
{
    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
