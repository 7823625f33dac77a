using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>A hard link can carry a file from outside the project in without a symlink: the rule goes by what the
/// file is, since its other names cannot be found.</summary>
public sealed class HardLinkCheckTests
{
    private const uint Me = 1000;

    [Theory]
    [InlineData(1u, Me, 0x1A4, null)] // one name: nothing to say
    [InlineData(2u, Me, 0x1A4, DiagnosticCodes.HardLinkPackaged)] // 0644, mine: warned
    [InlineData(2u, Me, 0x180, DiagnosticCodes.HardLinkRefused)] // 0600, mine: private, refused (a key)
    [InlineData(2u, 0u, 0x1A0, DiagnosticCodes.HardLinkRefused)] // 0640 root's, like /etc/shadow: refused
    [InlineData(3u, 65534u, 0x1A4, DiagnosticCodes.HardLinkRefused)] // another user's: refused
    public void Check_GivesTheVerdictTheRuleNames(uint links, uint owner, int permissions, string? expected)
    {
        var status = new NodeStatus(NodeKind.File, 10, 0, 1, false) { Links = links, OwnerUid = owner, Permissions = permissions };
        var diagnostics = new DiagnosticBag();

        HardLinkCheck.Check("app/notes.txt", status, Me, diagnostics);

        Assert.Equal(expected, diagnostics.Items.SingleOrDefault()?.Code);
        Assert.All(diagnostics.Items, d => Assert.Equal("app/notes.txt", d.File));
    }

    [Fact]
    public void Check_RealFileWithTwoNames_ReadsTheLinkCountFromStatx()
    {
        var folder = Directory.CreateTempSubdirectory("packd-hardlink-").FullName;
        try
        {
            var first = Path.Combine(folder, "a.txt");
            File.WriteAllText(first, "x");
            using (var ln = System.Diagnostics.Process.Start("ln", [first, Path.Combine(folder, "b.txt")]))
            {
                ln.WaitForExit();
                Assert.Equal(0, ln.ExitCode);
            }

            var status = Statx.Path(first);

            Assert.Equal(2u, status.Links);
            Assert.Equal(Statx.EffectiveUserId, status.OwnerUid);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
