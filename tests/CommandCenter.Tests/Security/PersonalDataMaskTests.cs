using CommandCenter.Security.Privacy;

namespace CommandCenter.Tests.Security;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("张三丰", "张*丰")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("王某017", "王***7")]
    [InlineData("李", "*")]
    public void NamesKeepOnlyTheFirstAndLastCharacter(string name, string masked)
    {
        Assert.Equal(masked, PersonalDataMask.Name(name));
    }

    [Fact]
    public void IdNumbersKeepTheFirstFourAndLastFourDigits()
    {
        Assert.Equal("3713**********1234", PersonalDataMask.IdNumber("371326199001011234"));
    }

    [Fact]
    public void PhoneNumbersKeepTheOperatorPrefixAndTheLastFourDigits()
    {
        Assert.Equal("170****1234", PersonalDataMask.Phone("17000001234"));
    }
}
