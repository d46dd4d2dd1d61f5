namespace CommandCenter.TestSupport.Hosting;

/// <summary>The demo county with few people: quick to seed, enough for API and hub tests.</summary>
public class SmallCountyApp : DemoCountyApp
{
    protected override int Subjects => 60;
}
