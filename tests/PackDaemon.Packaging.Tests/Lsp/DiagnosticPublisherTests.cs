using PackDaemon.Cli.Lsp;
using PackDaemon.Protocol;

namespace PackDaemon.Packaging.Tests.Lsp;

public sealed class DiagnosticPublisherTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("packd-lsp-unit").FullName;

    public DiagnosticPublisherTests()
    {
        File.WriteAllText(Path.Combine(_root, "pyproject.toml"), "[project]\nname = 'x'\n");
        File.WriteAllText(Path.Combine(_root, "requirements.txt"), "flask\n-e .\n");
    }

    [Fact]
    public void PublishesOneListPerFile_WithRangesFromTheFileOnDisk_AndFixInTheMessage()
    {
        var publisher = new DiagnosticPublisher(new TextDocuments());

        var sent = publisher.Replace(_root, [
            new DiagnosticReport("PD2001", "error", "editable requirement", "requirements.txt", 2, 1, "remove it"),
            new DiagnosticReport("PD1002", "warning", "no readme", null, 0, 0, null),
        ]);

        Assert.Equal(2, sent.Count);
        var requirements = Assert.Single(sent, s => s.Uri.EndsWith("/requirements.txt", StringComparison.Ordinal));
        var diagnostic = Assert.Single(requirements.Diagnostics);
        Assert.Equal((1, 0, 1, 4), (diagnostic.Range.Start.Line, diagnostic.Range.Start.Character, diagnostic.Range.End.Line, diagnostic.Range.End.Character));
        Assert.Equal("editable requirement\nfix: remove it", diagnostic.Message);
        Assert.Equal("PD2001", diagnostic.Code);
        Assert.Equal("packd", diagnostic.Source);
        var projectWide = Assert.Single(sent, s => s.Uri.EndsWith("/pyproject.toml", StringComparison.Ordinal));
        Assert.Equal(2, Assert.Single(projectWide.Diagnostics).Severity);
    }

    [Fact]
    public void UsesTheEditorsText_OverTheDisk_ForOpenDocuments()
    {
        var documents = new TextDocuments();
        documents.Set(Path.Combine(_root, "requirements.txt"), "flask\n   -e ./unsaved\n");
        var publisher = new DiagnosticPublisher(documents);

        var sent = publisher.Replace(_root, [new DiagnosticReport("PD2001", "error", "editable", "requirements.txt", 2, 4, null)]);

        Assert.Equal(15, Assert.Single(Assert.Single(sent).Diagnostics).Range.End.Character);
    }

    [Fact]
    public void AFileWhoseProblemsAreFixed_GetsAnEmptyList_Once()
    {
        var publisher = new DiagnosticPublisher(new TextDocuments());
        publisher.Replace(_root, [new DiagnosticReport("PD1001", "error", "bad", "pyproject.toml", 1, 1, null)]);

        var afterFix = publisher.Replace(_root, []);
        var later = publisher.Replace(_root, []);

        var cleared = Assert.Single(afterFix);
        Assert.EndsWith("/pyproject.toml", cleared.Uri, StringComparison.Ordinal);
        Assert.Empty(cleared.Diagnostics);
        Assert.Empty(later);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
