namespace CommandCenter.Security.Audit;

/// <summary>The names of audited actions, as they appear in the trail and its filters.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SecondFactorEnrolled = "second-factor-enrolled";
    public const string SecondFactorReset = "second-factor-reset";
    public const string SignOut = "sign-out";
    public const string IdleSignOut = "idle-sign-out";
    public const string Unmask = "unmask-personal-data";
    public const string Export = "export";
    public const string UserCreated = "user-created";
    public const string UserChanged = "user-changed";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string UserUnlocked = "user-unlocked";
    public const string PasswordReset = "password-reset";
    public const string PasswordChanged = "password-changed";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string DemoLinkCreated = "demo-link-created";
    public const string AlertAction = "alert-action";
    public const string RecordChanged = "record-changed";
    public const string SettingsChanged = "settings-changed";
    public const string SubjectChanged = "subject-changed";
    public const string SubjectsImported = "subjects-imported";
    public const string BackupTaken = "backup-taken";
    public const string BackupRestored = "backup-restored";
    public const string PositioningOrder = "positioning-order";
    public const string LeavePermit = "leave-permit";
    public const string TrackViewed = "track-viewed";
    public const string SessionRevoked = "session-revoked";
    public const string DemoLinkUsed = "demo-link-used";
    public const string DemoLinkRefused = "demo-link-refused";
    public const string DemoLinkRevoked = "demo-link-revoked";
    public const string CountyChosen = "county-chosen";
    public const string DeviceChanged = "device-changed";
    public const string SquadChanged = "squad-changed";
    public const string WhoWasThere = "who-was-there";
    public const string ProtectedPersonChanged = "protected-person-changed";
}
