using System.Globalization;

namespace CommandCenter.Subjects;

/// <summary>The answers the subject APIs share.</summary>
public static class SubjectProblems
{
    /// <summary>A subject that does not exist and one the person may not see (another squad's) look the same.</summary>
    public static IResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such subject.",
            detail: string.Create(CultureInfo.InvariantCulture, $"There is no subject {id} you may see."));
}
