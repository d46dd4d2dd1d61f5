namespace CommandCenter.Subjects.Pages;

/// <summary>
/// A panel contributed to the subject page's supervision column, for those who act on alerts. Registered as a
/// singleton by the contributing feature; the page shows them in the order they were registered.
/// </summary>
public sealed record SubjectPagePanelType(Type Component)
{
    public static void Add<TPanel>(IServiceCollection services) where TPanel : SubjectPagePanel =>
        services.AddSingleton(new SubjectPagePanelType(typeof(TPanel)));
}
