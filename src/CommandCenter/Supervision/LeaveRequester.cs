using System.Security.Claims;

namespace CommandCenter.Supervision;

/// <summary>
/// Who asks for a leave permit: an officer on the subject's behalf, or the subject's own enrolled device (the
/// phone app), which has no account. The service records either, so that nobody later decides a request
/// they made themselves.
/// </summary>
public sealed record LeaveRequester(string? Account, int? DeviceId)
{
    public static LeaveRequester Officer(ClaimsPrincipal user) => new(user.Identity?.Name ?? "unknown", null);

    /// <summary>The subject's device, already authenticated by its key by the caller.</summary>
    public static LeaveRequester Device(int deviceId) => new(null, deviceId);

    /// <summary>The name the audit trail records.</summary>
    public string Actor => Account ?? $"device:{DeviceId}";
}
