namespace CommandCenter.Alerts.Discipline;

/// <summary>Why a step of the discipline ladder is suggested (DOMAIN.md, the Community Corrections Law's rules).</summary>
public enum DisciplineReason
{
    /// <summary>A minor breach or a lapse of up to 10 days: 训诫.</summary>
    MinorBreach,

    /// <summary>Two admonitions not followed by correction: 警告.</summary>
    TwoUncorrectedAdmonitions,

    /// <summary>A lapse of more than 10 days: 警告.</summary>
    LapseOverTenDays,

    /// <summary>Two warnings not followed by correction: 提请撤销.</summary>
    TwoUncorrectedWarnings,

    /// <summary>A lapse of more than a month: 提请撤销.</summary>
    LapseOverOneMonth,
}
