namespace CommandCenter.Kpi.Records;

/// <summary>The organisations the brigade works with in education and assistance.</summary>
public enum PartnerKind
{
    /// <summary>教育培训基地: a training base.</summary>
    TrainingBase,
    /// <summary>合作企业: a partner enterprise that takes people on.</summary>
    PartnerEnterprise,
    /// <summary>公益组织: a public-welfare organisation.</summary>
    PublicWelfareOrganisation,
}
