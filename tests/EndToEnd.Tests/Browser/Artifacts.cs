namespace CommandCenter.EndToEnd.Tests.Browser;

/// <summary>Where the test run leaves its screenshots: CC_ARTIFACTS, else artifacts/screenshots in the checkout.</summary>
public static class Artifacts
{
    public static string ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("CC_ARTIFACTS") ?? Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    /// <summary>The checkout: the folder holding the solution, above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommandCenter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
