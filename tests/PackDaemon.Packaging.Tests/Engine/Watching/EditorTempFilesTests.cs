using PackDaemon.Engine.Watching;

namespace PackDaemon.Packaging.Tests.Engine.Watching;

public sealed class EditorTempFilesTests
{
    [Theory]
    [InlineData("pkg/mod.py___jb_tmp___", "pkg/mod.py")]
    [InlineData("pkg/mod.py___jb_old___", "pkg/mod.py")]
    [InlineData("pkg/mod.py~", "pkg/mod.py")]
    [InlineData("pkg/.mod.py.swp", "pkg/mod.py")]
    [InlineData(".mod.py.swx", "mod.py")]
    [InlineData("pkg/.#mod.py", "pkg/mod.py")]
    public void RealTarget_OfAnEditorTemp_IsTheFileItSaves(string temp, string real)
        => Assert.Equal(real, EditorTempFiles.RealTarget(temp));

    [Theory]
    [InlineData("pkg/4913")]
    [InlineData("pkg/mod.py")]
    [InlineData("~")]
    [InlineData(".swp")]
    public void RealTarget_OfAnythingElse_IsNull(string path)
        => Assert.Null(EditorTempFiles.RealTarget(path));
}
