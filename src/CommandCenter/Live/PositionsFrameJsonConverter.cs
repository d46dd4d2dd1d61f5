using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommandCenter.Live;

/// <summary>
/// How a <see cref="PositionsFrame"/> travels in the hub's JSON: the people as one base64 string of varints, each
/// person's subject, latitude and longitude as the difference from the person before (zigzag, 7 bits a byte), and
/// the squads as runs (<c>squads[k]</c> for the next <c>squadRuns[k]</c> people). As JSON number arrays a frame of
/// 50,000 people was 1.6 MB, which the server wrote and the wall parsed four times a second; frames sorted by squad
/// and subject (as <see cref="LiveFeed"/> sends them) take about a third of that, and the wall reads them with one
/// pass over bytes. Any order round-trips; only the size depends on it. Differences wrap to 32 bits both ways.
/// </summary>
public sealed class PositionsFrameJsonConverter : JsonConverter<PositionsFrame>
{
    // The most bytes one varint of 32 bits takes.
    private const int MaxVarintBytes = 5;

    public override void Write(Utf8JsonWriter writer, PositionsFrame value, JsonSerializerOptions options)
    {
        var count = value.Subjects.Length;
        writer.WriteStartObject();
        writer.WriteNumber("sequence", value.Sequence);
        writer.WriteString("at", value.At);
        writer.WriteNumber("count", count);

        var runSquads = new List<int>();
        var runLengths = new List<int>();
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && value.Squads[i] == value.Squads[i - 1])
            {
                runLengths[^1]++;
            }
            else
            {
                runSquads.Add(value.Squads[i]);
                runLengths.Add(1);
            }
        }

        WriteArray(writer, "squads", runSquads);
        WriteArray(writer, "squadRuns", runLengths);
        WriteArray(writer, "pending", value.Pending);

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, count * 3 * MaxVarintBytes));
        try
        {
            var length = 0;
            int subject = 0, latitude = 0, longitude = 0;
            for (var i = 0; i < count; i++)
            {
                length = WriteVarint(buffer, length, unchecked(value.Subjects[i] - subject));
                length = WriteVarint(buffer, length, unchecked(value.Coordinates[2 * i] - latitude));
                length = WriteVarint(buffer, length, unchecked(value.Coordinates[(2 * i) + 1] - longitude));
                subject = value.Subjects[i];
                latitude = value.Coordinates[2 * i];
                longitude = value.Coordinates[(2 * i) + 1];
            }

            writer.WriteBase64String("people", buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        writer.WriteEndObject();
    }

    public override PositionsFrame Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A positions frame is an object.");
        }

        long sequence = 0;
        DateTimeOffset at = default;
        var count = 0;
        int[] squads = [], squadRuns = [], pending = [];
        byte[] people = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "sequence": sequence = reader.GetInt64(); break;
                case "at": at = reader.GetDateTimeOffset(); break;
                case "count": count = reader.GetInt32(); break;
                case "squads": squads = ReadArray(ref reader); break;
                case "squadRuns": squadRuns = ReadArray(ref reader); break;
                case "pending": pending = ReadArray(ref reader); break;
                case "people": people = reader.GetBytesFromBase64(); break;
                default: reader.Skip(); break;
            }
        }

        var subjects = new int[count];
        var coordinates = new int[count * 2];
        var offset = 0;
        int subject = 0, latitude = 0, longitude = 0;
        for (var i = 0; i < count; i++)
        {
            subject = unchecked(subject + ReadVarint(people, ref offset));
            latitude = unchecked(latitude + ReadVarint(people, ref offset));
            longitude = unchecked(longitude + ReadVarint(people, ref offset));
            subjects[i] = subject;
            coordinates[2 * i] = latitude;
            coordinates[(2 * i) + 1] = longitude;
        }

        var squadOf = new int[count];
        var next = 0;
        for (var run = 0; run < squads.Length && run < squadRuns.Length; run++)
        {
            if (squadRuns[run] < 0 || next + squadRuns[run] > count)
            {
                throw new JsonException("A positions frame's squad runs do not add up to its count.");
            }

            Array.Fill(squadOf, squads[run], next, squadRuns[run]);
            next += squadRuns[run];
        }

        return next == count
            ? new PositionsFrame(sequence, at, subjects, squadOf, coordinates, pending)
            : throw new JsonException("A positions frame's squad runs do not add up to its count.");
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<int> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static int[] ReadArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of numbers in a positions frame.");
        }

        var values = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetInt32());
        }

        return [.. values];
    }

    private static int WriteVarint(byte[] buffer, int at, int value)
    {
        var zigzag = (uint)((value << 1) ^ (value >> 31));
        while (zigzag >= 0x80)
        {
            buffer[at++] = (byte)(zigzag | 0x80);
            zigzag >>= 7;
        }

        buffer[at++] = (byte)zigzag;
        return at;
    }

    private static int ReadVarint(byte[] bytes, ref int at)
    {
        uint value = 0;
        var shift = 0;
        byte next;
        do
        {
            if (at >= bytes.Length || shift > 28)
            {
                throw new JsonException("A positions frame's people end inside a number.");
            }

            next = bytes[at++];
            value |= (uint)(next & 0x7f) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);

        return (int)(value >> 1) ^ -(int)(value & 1);
    }
}
