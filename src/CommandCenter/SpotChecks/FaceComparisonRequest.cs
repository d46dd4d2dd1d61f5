namespace CommandCenter.SpotChecks;

/// <summary>What the face service is sent: both JPEGs, base64 in JSON (<c>{"registered": "...", "candidate": "..."}</c>).</summary>
public record FaceComparisonRequest(byte[] Registered, byte[] Candidate);
