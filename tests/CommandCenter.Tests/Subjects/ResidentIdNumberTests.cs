using CommandCenter.Subjects;

namespace CommandCenter.Tests.Subjects;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("440524198001010013")]
    public void AWellFormedNumberWithItsCheckCharacterIsAccepted(string number) =>
        Assert.Equal(IdNumberProblem.None, ResidentIdNumber.Check(number, Today));

    [Fact]
    public void AWrongCheckCharacterIsRefusedAndTheRightOneNamed()
    {
        Assert.Equal(IdNumberProblem.CheckDigit, ResidentIdNumber.Check("110105194912310021", Today));
        Assert.Equal('X', ResidentIdNumber.CheckDigit("11010519491231002"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("11010519491231002")]
    [InlineData("1101051949123100211")]
    [InlineData("1101051949A231002X")]
    [InlineData("11010519491231002Y")]
    public void AnythingButSeventeenDigitsAndACheckCharacterIsMalformed(string number) =>
        Assert.Equal(IdNumberProblem.Format, ResidentIdNumber.Check(number, Today));

    [Theory]
    [InlineData("371326", "20230230")]
    [InlineData("371326", "20270101")]
    [InlineData("371326", "18991231")]
    public void ABirthDateThatIsNoDayOrLiesAheadIsRefused(string area, string birth)
    {
        var body = area + birth + "901";
        Assert.Equal(IdNumberProblem.BirthDate, ResidentIdNumber.Check(body + ResidentIdNumber.CheckDigit(body), Today));
    }
}
