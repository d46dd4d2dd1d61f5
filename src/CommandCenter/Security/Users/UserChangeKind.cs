namespace CommandCenter.Security.Users;

public enum UserChangeKind
{
    Done,
    NotFound,
    Invalid,
    Stale,
    Refused,
}
