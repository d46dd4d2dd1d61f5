namespace CommandCenter.TestSupport.Hosting;

/// <summary>The app with the synthetic demo county seeded (no simulator: tests post their own fixes).</summary>
public class DemoCountyApp : CommandCenterApp
{
    protected override bool SeedDemo => true;

    /// <summary>How many people to seed; the full county has about 550.</summary>
    protected virtual int Subjects => 550;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:SubjectCount"] = Subjects.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Demo:CameraCount"] = "90",

        // A curfew would make tests that run at night see crossings their assertions do not expect.
        ["Demo:Curfews"] = "false",
    };
}
