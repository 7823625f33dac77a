using System.Diagnostics;
using System.Text;
using PackDaemon.Packaging.Standards;

namespace PackDaemon.Packaging.Tests.Standards;

/// <summary>Compares our canonical text with the packaging library pip vendors (python3 on the machine).</summary>
public sealed class PackagingCrossCheckTests
{
    private const string VersionScript = """
        import sys
        from pip._vendor.packaging.version import Version, InvalidVersion
        for line in sys.stdin.read().split("\x1e"):
            try:
                print(str(Version(line)))
            except InvalidVersion:
                print("<invalid>")
        """;

    private const string RequirementScript = """
        import sys
        from pip._vendor.packaging.requirements import Requirement
        for line in sys.stdin.read().split("\x1e"):
            print(str(Requirement(line)))
        """;

    private static readonly string[] s_versions =
    [
        "1.0", "1.0.0", "v1.0", " 1.0 ", "1.0\n", "1.1RC1", "1.0a", "1.0.a.1", "1.0-alpha-1", "1.0beta2", "1.0c1", "1.0pre1",
        "1.0preview1", "1.0-post1", "1.0post", "1.0-1", "1.0rev2", "1.0r3", "1.0-dev", "1.0dev1", "1.0+ubuntu-1", "1.0+Ubuntu_1",
        "09000.1", "0!1.0", "1!1.0", "1.0a1.post2.dev3", "1.0+001", "1.0.post1.dev1", "1.0_post_1", "1.0a-", "1.0.dev.1",
        "", "1.0-", "a1.0", "1.0+", "1.0+a..b", "1..0", "1.0.", "1.0 1", "1.0.*", "!1.0", "1.0-dev-1", "1.0.0.0.0rc0",
        "2.0.0-RC.1", "1.0+abc.XYZ-3_4", "v 1.0", "1.0ALPHA", "1.0-r", "1.0post-1",
    ];

    private static readonly string[] s_requirements =
    [
        "requests", "requests >= 2.8.1, == 2.8.*", "name[quux, strange];python_version<'2.7' and platform_version=='2'",
        "name; os_name=='a' or os_name=='b' and python_version>'3'", "name; (os_name=='a' or os_name=='b') and python_version>'3'",
        "name; os_name=='a' and (os_name=='b' or os_name=='c')", "name (>=1.0, <2)", "name ( ==1.0.* )", "name~=1.4.2",
        "name===foobar", "name!=1.3.*,>0.5", "name>1,>1", "name; '3.8' <= python_version", "name; 'linux' in sys_platform",
        "name; sys_platform not in \"win32 cygwin\"", "name; (python_version >= '3.8')", "name[a,b]>=1; extra == \"dev\"",
        "Django>=4.2,<5.0", "Flask_Login==0.6.3", "name; python_full_version >= '3.8.1' and implementation_name == 'cpython'",
        "name==1.0+local", "zope.interface>=5", "name; platform_machine=='x86_64'and os_name=='posix'",
    ];

    [Fact]
    public void Pep440Version_Normalized_MatchesPackagingVersionStr()
    {
        List<string> expected = RunPython(VersionScript, s_versions);
        for (int i = 0; i < s_versions.Length; i++)
        {
            string ours = Pep440Version.TryParse(s_versions[i], out Pep440Version? v) ? v.Normalized : "<invalid>";
            Assert.True(expected[i] == ours, $"'{s_versions[i]}': packaging says '{expected[i]}', we say '{ours}'");
        }
    }

    [Fact]
    public void Requirement_ToMetadataString_MatchesPackagingRequirementStr()
    {
        List<string> expected = RunPython(RequirementScript, s_requirements);
        List<string> ours = [];
        for (int i = 0; i < s_requirements.Length; i++)
        {
            Assert.True(Requirement.TryParse(s_requirements[i], out Requirement? r, out string? error, out _), error);
            ours.Add(r.ToMetadataString());
            Assert.True(expected[i] == ours[i], $"'{s_requirements[i]}': packaging says '{expected[i]}', we say '{ours[i]}'");
        }

        // Our output is a fixed point for packaging too.
        List<string> reread = RunPython(RequirementScript, ours);
        Assert.Equal(ours, reread);
    }

    private static List<string> RunPython(string script, IReadOnlyList<string> inputs)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("python3 is not installed");
            throw;
        }

        using (process)
        {
            process.StandardInput.Write(string.Join('\x1e', inputs));
            process.StandardInput.Close();
            Task<string> errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, errors.Result);
            List<string> lines = [.. output.Split('\n')];
            lines.RemoveAt(lines.Count - 1);
            Assert.Equal(inputs.Count, lines.Count);
            return lines;
        }
    }
}
