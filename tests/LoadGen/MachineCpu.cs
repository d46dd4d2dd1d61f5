using System.Globalization;

namespace CommandCenter.LoadGen;

/// <summary>
/// The processor time every process of the machine has used, from /proc, grouped by who it is: the processes the
/// benchmark started by the names it gives them, the rest by their program (postgres, nginx, redis-server...). Read
/// before and after a phase, it says who took the two cores while the latency was measured.
/// </summary>
internal sealed class MachineCpu
{
    // The kernel counts in clock ticks, 100 a second on Linux whatever the hardware.
    private const double TicksPerSecond = 100;

    private readonly Dictionary<string, double> seconds;

    private MachineCpu(Dictionary<string, double> seconds) => this.seconds = seconds;

    public static MachineCpu Read(IReadOnlyDictionary<int, string> named)
    {
        var seconds = new Dictionary<string, double>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // It ended while we looked.
            }

            // "pid (program) state ppid ...": the program may hold spaces, so the fields are counted from its ")".
            var close = stat.LastIndexOf(')');
            var program = stat[(stat.IndexOf('(') + 1)..close];
            var fields = stat[(close + 2)..].Split(' ');
            var used = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            var who = named.TryGetValue(pid, out var name) ? name : program;
            seconds[who] = seconds.GetValueOrDefault(who) + used;
        }

        // The machine's own line: time the hypervisor gave to others (steal) and time waiting for the disk (iowait).
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        seconds["(waiting for the disk)"] = double.Parse(machine[5], CultureInfo.InvariantCulture) / TicksPerSecond;
        seconds["(taken by the hypervisor)"] = double.Parse(machine[8], CultureInfo.InvariantCulture) / TicksPerSecond;
        return new MachineCpu(seconds);
    }

    /// <summary>Who used how much of the machine since <paramref name="before"/>, the busiest first, in cores.</summary>
    public string Since(MachineCpu before, TimeSpan elapsed) => string.Join("; ", seconds
        .Select(s => (Who: s.Key, Cores: (s.Value - before.seconds.GetValueOrDefault(s.Key)) / elapsed.TotalSeconds))
        .Where(s => s.Cores >= 0.01)
        .OrderByDescending(s => s.Cores)
        .Select(s => $"{s.Who} {s.Cores:0.00}"));
}
