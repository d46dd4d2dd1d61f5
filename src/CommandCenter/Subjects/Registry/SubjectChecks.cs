using CommandCenter.Kit;
using System.Text.RegularExpressions;

namespace CommandCenter.Subjects.Registry;

/// <summary>
/// What makes a subject record acceptable, field by field (fields named as in the JSON API). The form and
/// the API both store through <see cref="SubjectStore"/>, which runs these checks, so neither can store what
/// the other refuses.
/// </summary>
public static partial class SubjectChecks
{
    /// <param name="input">The record as sent.</param>
    /// <param name="isNew">Whether it is an intake, which needs every field.</param>
    /// <param name="checks">Collects the problems.</param>
    /// <param name="today">The site's today.</param>
    /// <param name="homeOnMapRequired">
    /// False for a person imported from a list without coordinates: the officer places the home on the map later.
    /// </param>
    public static void Check(SubjectInput input, bool isNew, RecordChecks checks, DateOnly today, bool homeOnMapRequired = true)
    {
        checks.Text("code", input.Code, 32);
        if (!string.IsNullOrWhiteSpace(input.Code) && !CodePattern().IsMatch(input.Code.Trim()))
        {
            checks.Fail("code", "Validation.CaseNumber");
        }

        checks.Text("name", input.Name, 64, required: isNew);
        CheckIdNumber(input.IdNumber, isNew, checks, today);
        checks.Text("phone", input.Phone, 20, required: isNew);
        if (!string.IsNullOrWhiteSpace(input.Phone) && !PhonePattern().IsMatch(input.Phone.Trim()))
        {
            checks.Fail("phone", "Validation.Phone");
        }

        Choice("correctionType", input.CorrectionType, checks);
        Choice("supervisionLevel", input.SupervisionLevel, checks);
        Choice("riskLevel", input.RiskLevel, checks);
        if (input.SquadId is null)
        {
            checks.Fail("squadId", "Validation.Required");
        }

        checks.Squad("squadId", input.SquadId);
        CheckTerm(input, checks);
        checks.Text("homeAddress", input.HomeAddress, 200, required: isNew);
        // Like the other personal fields, a change may leave the home out to keep the stored one: the record as
        // read gives the home only while the person may be located, so the form often has none to send back.
        var homeRequired = (isNew && homeOnMapRequired) || input.HomeLatitude is not null || input.HomeLongitude is not null;
        Coordinate("homeLatitude", input.HomeLatitude, 90, homeRequired, checks);
        Coordinate("homeLongitude", input.HomeLongitude, 180, homeRequired, checks);
        if (input.ReleaseDate is { } release)
        {
            checks.Day("releaseDate", release);
            if (input.IntakeDate is { } intake)
            {
                checks.NotBefore("releaseDate", release, "intakeDate", intake);
            }
        }
    }

    private static void CheckIdNumber(string? idNumber, bool isNew, RecordChecks checks, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(idNumber))
        {
            if (isNew)
            {
                checks.Fail("idNumber", "Validation.Required");
            }

            return;
        }

        var value = idNumber.Trim();
        switch (ResidentIdNumber.Check(value, today))
        {
            case IdNumberProblem.Format:
                checks.Fail("idNumber", "Validation.IdNumber.Format");
                break;
            case IdNumberProblem.BirthDate:
                checks.Fail("idNumber", "Validation.IdNumber.BirthDate");
                break;
            case IdNumberProblem.CheckDigit:
                checks.Fail("idNumber", "Validation.IdNumber.CheckDigit", ResidentIdNumber.CheckDigit(value));
                break;
        }
    }

    private static void CheckTerm(SubjectInput input, RecordChecks checks)
    {
        if (input.TermStart is null)
        {
            checks.Fail("termStart", "Validation.Required");
        }

        if (input.TermEnd is null)
        {
            checks.Fail("termEnd", "Validation.Required");
        }
        else if (input.TermStart is { } start && input.TermEnd <= start)
        {
            checks.Fail("termEnd", "Validation.AfterOther", "termStart", start.ToString("yyyy-MM-dd"));
        }

        if (input.IntakeDate is { } intake)
        {
            checks.Day("intakeDate", intake);
        }
        else
        {
            checks.Fail("intakeDate", "Validation.Required");
        }
    }

    private static void Choice<TEnum>(string field, TEnum? value, RecordChecks checks)
        where TEnum : struct, Enum
    {
        if (value is not { } chosen)
        {
            checks.Fail(field, "Validation.Required");
        }
        else if (!Enum.IsDefined(chosen))
        {
            checks.Fail(field, "Validation.UnknownValue", chosen);
        }
    }

    private static void Coordinate(string field, double? value, double limit, bool required, RecordChecks checks)
    {
        if (value is not { } degrees)
        {
            if (required)
            {
                checks.Fail(field, "Validation.HomeOnMap");
            }
        }
        else if (!double.IsFinite(degrees) || degrees < -limit || degrees > limit)
        {
            checks.Fail(field, "Validation.Range", -limit, limit);
        }
    }

    /// <summary>Case numbers are letters, digits and dashes (PY20240001, 2024-缓-001 is not one).</summary>
    [GeneratedRegex("^[A-Za-z0-9-]+$")]
    private static partial Regex CodePattern();

    /// <summary>A mainland mobile number, or a landline with its area code.</summary>
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();
}
