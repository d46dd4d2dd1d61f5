namespace CommandCenter.Subjects;

/// <summary>The four kinds of community correction under the Community Corrections Law.</summary>
public enum CorrectionType
{
    /// <summary>管制: public surveillance.</summary>
    PublicSurveillance,
    /// <summary>缓刑: suspended sentence.</summary>
    SuspendedSentence,
    /// <summary>假释: parole.</summary>
    Parole,
    /// <summary>暂予监外执行: temporary execution outside prison.</summary>
    TemporaryOutsideExecution,
}
