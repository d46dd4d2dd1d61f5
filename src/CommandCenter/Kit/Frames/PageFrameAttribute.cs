namespace CommandCenter.Kit.Frames;

/// <summary>
/// Names the shell a routable page is drawn in. Pages say this instead of <c>@layout</c> because the layouts
/// live in Components, which uses Security (the signed-in user, the navigation a role may see): a Security page
/// naming a layout type would make the two folders depend on each other. The router reads the attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PageFrameAttribute(PageFrame frame) : Attribute
{
    public PageFrame Frame { get; } = frame;
}
