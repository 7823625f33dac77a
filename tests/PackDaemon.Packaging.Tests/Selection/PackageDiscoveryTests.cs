using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class PackageDiscoveryTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Select_FlatLayout_TakesThePackageWithItsData()
    {
        _tree.Files("pyproject.toml", "flask_shop/__init__.py", "flask_shop/templates/base.html", "flask_shop/static/app.css",
            "flask_shop/schema.sql", "flask_shop/data.json", "tests/test_app.py");

        var (selection, _) = TempTree.Select(_tree.Options("flask_shop"));

        Assert.Equal(["flask_shop/__init__.py", "flask_shop/data.json", "flask_shop/schema.sql", "flask_shop/static/app.css", "flask_shop/templates/base.html"],
            TempTree.Paths(selection.Wheel));
        Assert.Equal(["flask_shop"], selection.Packages);
        Assert.Contains("tests/test_app.py", TempTree.Paths(selection.Sdist));
    }

    [Fact]
    public void Select_SrcLayout_StripsSrcFromWheelPaths()
    {
        _tree.Files("src/flask_shop/__init__.py", "src/flask_shop/views.py", "src/other.txt");

        var (selection, _) = TempTree.Select(_tree.Options("flask_shop"));

        Assert.Equal(["flask_shop/__init__.py", "flask_shop/views.py"], TempTree.Paths(selection.Wheel));
        Assert.Equal("src/flask_shop/views.py", selection.Wheel[1].Source.RelativePath);
    }

    [Fact]
    public void Select_FlatPackageWinsOverSrc()
    {
        _tree.Files("app/__init__.py", "src/app/__init__.py", "src/app/extra.py");

        var (selection, _) = TempTree.Select(_tree.Options());

        Assert.Equal(["app/__init__.py"], TempTree.Paths(selection.Wheel));
        Assert.Equal("app/__init__.py", selection.Wheel[0].Source.RelativePath);
    }

    [Fact]
    public void Select_SingleModule_TakesOnlyTheModule()
    {
        _tree.Files("tool.py", "helper.py", "README.md");

        var (selection, _) = TempTree.Select(_tree.Options("tool"));

        Assert.Equal(["tool.py"], TempTree.Paths(selection.Wheel));
        Assert.Equal(["tool.py"], selection.Packages);
    }

    [Fact]
    public void Select_SrcModule_MapsToWheelRoot()
    {
        _tree.Files("src/tool.py");

        var (selection, _) = TempTree.Select(_tree.Options("tool"));

        Assert.Equal(["tool.py"], TempTree.Paths(selection.Wheel));
    }

    [Fact]
    public void Select_DottedNamespaceName_FindsNestedPackageWithoutParentInit()
    {
        _tree.Files("src/acme/shop/__init__.py", "src/acme/shop/cart.py", "src/acme/README.txt");

        var (selection, diagnostics) = TempTree.Select(_tree.Options("acme_shop"));

        Assert.False(diagnostics.HasErrors);
        Assert.Equal(["acme/shop/__init__.py", "acme/shop/cart.py"], TempTree.Paths(selection.Wheel));
        Assert.Equal(["acme.shop"], selection.Packages);
    }

    [Fact]
    public void Select_PackageOneLevelDown_IsFoundAsNamespacePortion()
    {
        _tree.Files("acme/shop/__init__.py", "acme/shop/api.py");

        var (selection, _) = TempTree.Select(_tree.Options("shop"));

        Assert.Equal(["acme/shop/__init__.py", "acme/shop/api.py"], TempTree.Paths(selection.Wheel));
    }

    [Fact]
    public void Select_ExplicitPackages_UseBasenameInWheel()
    {
        _tree.Files("src/app/__init__.py", "src/app/x.py", "scripts/cli.py", "lib/other/__init__.py");

        var (selection, _) = TempTree.Select(_tree.Options("whatever", packages: ["src/app", "./scripts/cli.py"]));

        Assert.Equal(["app/__init__.py", "app/x.py", "cli.py"], TempTree.Paths(selection.Wheel));
    }

    [Fact]
    public void Select_ExplicitPackageMissing_ReportsError()
    {
        _tree.Files("src/app/__init__.py");

        var (_, diagnostics) = TempTree.Select(_tree.Options(packages: ["src/nope"]));

        var error = Assert.Single(diagnostics.Items, d => d.Code == "PD3005");
        Assert.Contains("src/nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_SeveralPackagesInSrc_TakesAllOfThem()
    {
        _tree.Files("src/alpha/__init__.py", "src/beta/__init__.py", "src/beta/b.py", "src/notpkg/readme.txt");

        var (selection, _) = TempTree.Select(_tree.Options("my_project"));

        Assert.Equal(["alpha/__init__.py", "beta/__init__.py", "beta/b.py"], TempTree.Paths(selection.Wheel));
        Assert.Equal(["alpha", "beta"], selection.Packages);
    }

    [Fact]
    public void Select_NothingFound_ReportsErrorWithTriedPathsAndFix()
    {
        _tree.Files("pyproject.toml", "main.py");

        var (selection, diagnostics) = TempTree.Select(_tree.Options("flask_shop"));

        Assert.Empty(selection.Wheel);
        Assert.NotEmpty(selection.Sdist);
        var error = Assert.Single(diagnostics.Items, d => d.Code == "PD3004");
        Assert.Contains("flask_shop/__init__.py", error.Message, StringComparison.Ordinal);
        Assert.Contains("src/flask_shop/__init__.py", error.Message, StringComparison.Ordinal);
        Assert.Contains("flask_shop.py", error.Message, StringComparison.Ordinal);
        Assert.Contains("[tool.packd] packages", error.Fix, StringComparison.Ordinal);
        Assert.Equal("pyproject.toml", error.File);
    }

    [Fact]
    public void Select_IgnoredFilesInsidePackage_StayOutOfWheel()
    {
        _tree.Files("app/__init__.py", "app/local_settings.py", "app/static/dist/bundle.js")
            .File(".gitignore", "local_settings.py\ndist/\n");

        var (selection, _) = TempTree.Select(_tree.Options());

        Assert.Equal(["app/__init__.py"], TempTree.Paths(selection.Wheel));
    }
}
