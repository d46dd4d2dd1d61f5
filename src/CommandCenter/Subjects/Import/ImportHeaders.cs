namespace CommandCenter.Subjects.Import;

/// <summary>
/// The one table of what a column or a value may be called in a platform's export: the headers provincial
/// platforms write (Chinese, with the variants seen in exports) and the English names, and the words used for
/// the correction type and the levels. Headers and words are compared without spaces, asterisks or case.
/// </summary>
public static class ImportHeaders
{
    private static readonly Dictionary<ImportColumn, string[]> ColumnNames = new()
    {
        [ImportColumn.Code] = ["社区矫正对象编号", "矫正对象编号", "案件编号", "编号", "code", "casenumber", "caseno"],
        [ImportColumn.Name] = ["姓名", "name"],
        [ImportColumn.IdNumber] = ["身份证号", "身份证号码", "公民身份号码", "idnumber", "id"],
        [ImportColumn.Phone] = ["联系电话", "手机号码", "手机号", "电话", "phone"],
        [ImportColumn.CorrectionType] = ["矫正类别", "矫正类型", "correctiontype"],
        [ImportColumn.TermStart] = ["矫正起始日期", "矫正开始日期", "矫正期限起", "termstart"],
        [ImportColumn.TermEnd] = ["矫正终止日期", "矫正结束日期", "矫正期限止", "termend"],
        [ImportColumn.Squad] = ["所属中队", "中队", "squad"],
        [ImportColumn.SupervisionLevel] = ["管理等级", "监管等级", "管理类别", "supervisionlevel"],
        [ImportColumn.RiskLevel] = ["风险等级", "risklevel"],
        [ImportColumn.HomeAddress] = ["居住地址", "居住地", "现居住地址", "homeaddress", "address"],
    };

    private static readonly Dictionary<string, ImportColumn> ByHeader = ColumnNames
        .SelectMany(c => c.Value.Select(name => (Name: Normalize(name), Column: c.Key)))
        .ToDictionary(c => c.Name, c => c.Column);

    private static readonly Dictionary<string, CorrectionType> CorrectionTypes = Words<CorrectionType>(new()
    {
        [CorrectionType.PublicSurveillance] = ["管制"],
        [CorrectionType.SuspendedSentence] = ["缓刑"],
        [CorrectionType.Parole] = ["假释"],
        [CorrectionType.TemporaryOutsideExecution] = ["暂予监外执行", "监外执行"],
    });

    private static readonly Dictionary<string, SupervisionLevel> SupervisionLevels = Words<SupervisionLevel>(new()
    {
        [SupervisionLevel.Strict] = ["严管", "严格管理"],
        [SupervisionLevel.Ordinary] = ["普管", "普通管理"],
        [SupervisionLevel.Lenient] = ["宽管", "宽松管理"],
    });

    private static readonly Dictionary<string, RiskLevel> RiskLevels = Words<RiskLevel>(new()
    {
        [RiskLevel.High] = ["高", "高风险", "较高"],
        [RiskLevel.Medium] = ["中", "中风险", "一般"],
        [RiskLevel.Low] = ["低", "低风险", "较低"],
    });

    /// <summary>The columns every import must have; the others may be missing and are then reported per row as required.</summary>
    public static readonly IReadOnlyList<ImportColumn> Required = Enum.GetValues<ImportColumn>();

    public static ImportColumn? ColumnOf(string? header) =>
        header is not null && ByHeader.TryGetValue(Normalize(header), out var column) ? column : null;

    /// <summary>The header a platform export uses for the column, as the template and the messages name it.</summary>
    public static string ChineseName(ImportColumn column) => ColumnNames[column][0];

    public static CorrectionType? CorrectionTypeOf(string value) => Find(CorrectionTypes, value);

    public static SupervisionLevel? SupervisionLevelOf(string value) => Find(SupervisionLevels, value);

    public static RiskLevel? RiskLevelOf(string value) => Find(RiskLevels, value);

    private static TEnum? Find<TEnum>(Dictionary<string, TEnum> words, string value)
        where TEnum : struct, Enum =>
        words.TryGetValue(Normalize(value), out var found) ? found : null;

    /// <summary>The Chinese words given, and the enum's own names (Parole, Strict, High) for English files.</summary>
    private static Dictionary<string, TEnum> Words<TEnum>(Dictionary<TEnum, string[]> chinese)
        where TEnum : struct, Enum =>
        chinese.SelectMany(c => c.Value.Append(c.Key.ToString()).Select(word => (Word: Normalize(word), Value: c.Key)))
            .ToDictionary(w => w.Word, w => w.Value);

    private static string Normalize(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '*' and not '＊' and not '_' and not '-')).ToLowerInvariant();
}
