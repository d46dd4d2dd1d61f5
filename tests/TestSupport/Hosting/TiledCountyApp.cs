namespace CommandCenter.TestSupport.Hosting;

/// <summary>The small county at a site with a tile server (an address the browser tests answer themselves).</summary>
public class TiledCountyApp : SmallCountyApp
{
    public const string TileOrigin = "https://tiles.example.test";

    public const string Attribution = "© 测试图源";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Map:Tiles:Url"] = TileOrigin + "/{z}/{x}/{y}.png",
        ["Map:Tiles:Attribution"] = Attribution,
    };
}
