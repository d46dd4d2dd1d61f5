using System.Text.Json.Serialization;

namespace CommandCenter.Live;

/// <summary>
/// The positions that changed since the previous frame, newest per subject, packed: a wall takes 50,000 of them
/// four times a second, and one object per person cost the browser more to decode and walk than the frame
/// interval allows. Entry <c>i</c> of <see cref="Subjects"/> and <see cref="Squads"/> is one person, whose
/// latitude and longitude are entries <c>2i</c> and <c>2i+1</c> of <see cref="Coordinates"/>, in millionths of
/// a degree (about 11 cm, finer than any fix the county gets). <see cref="Pending"/> names the people of the
/// frame whose zone crossing is seen but not yet confirmed (few, so they are listed rather than flagged). On the
/// wire it is packed further still (<see cref="PositionsFrameJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(PositionsFrameJsonConverter))]
public record PositionsFrame(long Sequence, DateTimeOffset At, int[] Subjects, int[] Squads, int[] Coordinates, int[] Pending)
{
    /// <summary>How many millionths of a degree make one degree on the wire.</summary>
    public const double Scale = 1_000_000;

    /// <summary>Packs <paramref name="positions"/> as they are sent.</summary>
    public static PositionsFrame Pack(long sequence, DateTimeOffset at, IReadOnlyList<PositionUpdate> positions)
    {
        var subjects = new int[positions.Count];
        var squads = new int[positions.Count];
        var coordinates = new int[positions.Count * 2];
        var pending = new List<int>();
        for (var i = 0; i < positions.Count; i++)
        {
            var position = positions[i];
            subjects[i] = position.SubjectId;
            squads[i] = position.SquadId;
            coordinates[2 * i] = ToWire(position.Latitude);
            coordinates[(2 * i) + 1] = ToWire(position.Longitude);
            if (position.Pending)
            {
                pending.Add(position.SubjectId);
            }
        }

        return new PositionsFrame(sequence, at, subjects, squads, coordinates, [.. pending]);
    }

    /// <summary>The people of the frame one by one, as a client reads them.</summary>
    public IEnumerable<FramePosition> Positions()
    {
        var pending = Pending.ToHashSet();
        for (var i = 0; i < Subjects.Length; i++)
        {
            yield return new FramePosition(Subjects[i], Squads[i], Coordinates[2 * i] / Scale, Coordinates[(2 * i) + 1] / Scale, pending.Contains(Subjects[i]));
        }
    }

    private static int ToWire(double degrees) => (int)Math.Round(degrees * Scale, MidpointRounding.AwayFromZero);
}
