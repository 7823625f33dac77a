using PackDaemon.Packaging.Metadata;

namespace PackDaemon.Packaging.Tests.Metadata;

public sealed class EntryPointsWriterTests
{
    [Fact]
    public void Write_Groups_SortedWithSortedNamesAndBlankLineBetween()
    {
        var groups = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["flask.commands"] = new Dictionary<string, string> { ["seed"] = "shop.cli:seed" },
            ["console_scripts"] = new Dictionary<string, string> { ["shop"] = "shop.cli:main", ["admin"] = "shop.admin:main" },
        };

        Assert.Equal(
            "[console_scripts]\nadmin = shop.admin:main\nshop = shop.cli:main\n\n[flask.commands]\nseed = shop.cli:seed\n",
            EntryPointsWriter.Write(groups));
    }

    [Fact]
    public void Write_NoEntries_Null()
    {
        Assert.Null(EntryPointsWriter.Write(new Dictionary<string, IReadOnlyDictionary<string, string>>()));
        Assert.Null(EntryPointsWriter.Write(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["empty"] = new Dictionary<string, string>(),
        }));
    }

    [Fact]
    public void Write_OrdinalOrder_UppercaseBeforeLowercase()
    {
        var groups = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["g"] = new Dictionary<string, string> { ["b"] = "m:b", ["B"] = "m:B", ["a"] = "m:a" },
        };

        Assert.Equal("[g]\nB = m:B\na = m:a\nb = m:b\n", EntryPointsWriter.Write(groups));
    }
}
