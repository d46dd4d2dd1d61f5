namespace CommandCenter.Supervision;

/// <summary>How a subject checked in (报到).</summary>
public enum CheckInMethod
{
    /// <summary>无感签到: a face-recognition terminal saw them.</summary>
    FaceSignIn,

    /// <summary>The 在矫通 app or the WeChat mini-program.</summary>
    App,

    /// <summary>In person at the squad's office.</summary>
    Office,
}
