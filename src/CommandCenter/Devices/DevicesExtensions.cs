namespace CommandCenter.Devices;

public static class DevicesExtensions
{
    /// <summary>Enrolling, replacing and retiring subjects' positioning devices and their keys.</summary>
    public static WebApplicationBuilder AddDevices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DeviceQueries>();
        builder.Services.AddSingleton<DeviceStore>();
        builder.Services.AddSingleton<TraccarSetup>();
        return builder;
    }
}
