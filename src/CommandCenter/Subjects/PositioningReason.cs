namespace CommandCenter.Subjects;

/// <summary>The only five grounds on which electronic positioning (电子定位) may be ordered.</summary>
public enum PositioningReason
{
    /// <summary>违反禁止令.</summary>
    ProhibitionOrderBreach,
    /// <summary>未经批准离开所居住的市、县.</summary>
    LeftCountyWithoutApproval,
    /// <summary>拒不按照规定报到, 受到警告.</summary>
    WarnedForNotReporting,
    /// <summary>违反监督管理规定, 受到治安管理处罚.</summary>
    PublicSecurityPenalty,
    /// <summary>拟提请撤销缓刑、假释或者暂予监外执行收监执行.</summary>
    PendingRevocation,
}
