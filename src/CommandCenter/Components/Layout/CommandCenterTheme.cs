using MudBlazor;

namespace CommandCenter.Components.Layout;

/// <summary>
/// The dark theme of the hall: deep navy surfaces, high-contrast text, severity colours that stay
/// distinct from across the room. Fonts are local (the hall has no internet), CJK first.
/// </summary>
public static class CommandCenterTheme
{
    public static readonly string[] FontFamily =
        ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#35c9ff",
            Secondary = "#ffc53d",
            Background = "#07111f",
            Surface = "#0d1c30",
            AppbarBackground = "#0a1728",
            DrawerBackground = "#0a1728",
            TextPrimary = "#e8f1fb",
            TextSecondary = "#9fb4cc",
            LinesDefault = "#1f3654",
            Error = "#ff4d4f",
            Warning = "#ffa940",
            Info = "#40a9ff",
            Success = "#3ddc97",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            H1 = new H1Typography { FontFamily = FontFamily },
            H2 = new H2Typography { FontFamily = FontFamily },
            H3 = new H3Typography { FontFamily = FontFamily },
            H4 = new H4Typography { FontFamily = FontFamily },
            H5 = new H5Typography { FontFamily = FontFamily },
            H6 = new H6Typography { FontFamily = FontFamily },
            Body1 = new Body1Typography { FontFamily = FontFamily },
            Body2 = new Body2Typography { FontFamily = FontFamily },
            Button = new ButtonTypography { FontFamily = FontFamily },
            Caption = new CaptionTypography { FontFamily = FontFamily },
            Subtitle1 = new Subtitle1Typography { FontFamily = FontFamily },
            Subtitle2 = new Subtitle2Typography { FontFamily = FontFamily },
            Overline = new OverlineTypography { FontFamily = FontFamily },
        },
    };
}
