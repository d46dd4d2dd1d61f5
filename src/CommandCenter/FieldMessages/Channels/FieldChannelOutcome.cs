namespace CommandCenter.FieldMessages.Channels;

/// <summary>What a change to a channel came to: the channel as stored, or a status with the problems by field.</summary>
public sealed record FieldChannelOutcome(int Status, FieldChannelView? Channel, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static FieldChannelOutcome Done(FieldChannelView? channel) => new(StatusCodes.Status200OK, channel, NoErrors);

    public static FieldChannelOutcome NotFound { get; } = new(StatusCodes.Status404NotFound, null, NoErrors);

    public static FieldChannelOutcome Refused(IReadOnlyDictionary<string, string[]> errors) => new(StatusCodes.Status400BadRequest, null, errors);
}
