using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Operations;

/// <summary>Where a site sends its traces. Metrics are always scraped at <c>/metrics</c>; traces go nowhere unless an endpoint is set.</summary>
public class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>
    /// The OTLP collector's address (e.g. http://otel-collector:4317 for gRPC, http://otel-collector:4318 for
    /// http/protobuf); empty: no traces are recorded at all.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How the collector is spoken to: <c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = Grpc;

    /// <summary>The name the site's traces and metrics carry (<c>service.name</c>); a county with several sites tells them apart by it.</summary>
    [StringLength(64, MinimumLength = 1)]
    public string ServiceName { get; set; } = "command-center";

    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    /// <summary>The endpoint as a URI, or null when traces are off.</summary>
    public Uri? Endpoint => string.IsNullOrWhiteSpace(OtlpEndpoint) ? null : new Uri(OtlpEndpoint, UriKind.Absolute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"'{OtlpEndpoint}' is not an http(s) address.", [nameof(OtlpEndpoint)]);
        }

        if (OtlpProtocol is not (Grpc or HttpProtobuf))
        {
            yield return new ValidationResult($"'{OtlpProtocol}' is not an OTLP protocol; use {Grpc} or {HttpProtobuf}.", [nameof(OtlpProtocol)]);
        }
    }
}
