using CommandCenter.Kit;

namespace CommandCenter.Tests.Kit;

public class CsvRowsTests
{
    [Fact]
    public void QuotedCellsKeepTheirCommasDoubledQuotesAndLineBreaks()
    {
        var rows = CsvRows.Read("code,name\r\n\"C-1\",\"城关, \"\"东门\"\"\nsecond line\"\nC-2,北街\n");

        Assert.Equal(3, rows.Count);
        Assert.Equal(["code", "name"], rows[0]);
        Assert.Equal(["C-1", "城关, \"东门\"\nsecond line"], rows[1]);
        Assert.Equal(["C-2", "北街"], rows[2]);
    }

    [Fact]
    public void ABlankLineIsARowOfOneEmptyCellAndTheLastRowNeedsNoLineBreak()
    {
        var rows = CsvRows.Read("a,b\r\rc,");

        Assert.Equal(3, rows.Count);
        Assert.Equal([""], rows[1]);
        Assert.Equal(["c", ""], rows[2]);
    }
}
