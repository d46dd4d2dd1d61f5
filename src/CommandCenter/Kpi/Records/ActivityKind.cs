namespace CommandCenter.Kpi.Records;

/// <summary>The kinds of education and assistance work entered as dated activities.</summary>
public enum ActivityKind
{
    /// <summary>志愿服务: volunteer service; participants are volunteer person-times.</summary>
    VolunteerActivity,
    /// <summary>技能培训: skills training.</summary>
    SkillsTraining,
    /// <summary>心理辅导: psychological counselling.</summary>
    PsychologicalCounselling,
    /// <summary>就业安置: job placement; participants are the people placed.</summary>
    JobPlacement,
    /// <summary>孔子学堂: a traditional-culture class.</summary>
    CultureClass,
    /// <summary>困难帮扶: a hardship grant; participants are the people helped.</summary>
    HardshipGrant,
}
