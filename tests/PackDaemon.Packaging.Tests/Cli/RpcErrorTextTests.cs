using PackDaemon.Cli.Daemon;
using PackDaemon.Protocol;

namespace PackDaemon.Packaging.Tests.Cli;

public sealed class RpcErrorTextTests
{
    [Theory]
    [InlineData(ErrorCodes.ShuttingDown, "shutting down")]
    [InlineData(ErrorCodes.BuildCancelled, "cancelled")]
    [InlineData(ErrorCodes.ProtocolMismatch, "protocol version")]
    [InlineData(ErrorCodes.NotAProject, "project")]
    [InlineData(-32601, "does not know")]
    [InlineData(4242, "error 4242")]
    public void Describe_NamesWhatTheCodeMeans_AndKeepsTheDaemonsMessage(int code, string expected)
    {
        var text = RpcErrorText.Describe(new JsonRpcException(code, "details here", null));

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.EndsWith("details here", text, StringComparison.Ordinal);
    }
}
