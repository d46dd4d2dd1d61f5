namespace CommandCenter.Kit;

/// <summary>Why a photo picked in the browser cannot be used.</summary>
public enum PhotoPickProblem
{
    TooLarge,
    Unreadable,
    NotJpeg,
}
