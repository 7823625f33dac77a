namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>Awaits a condition with a deadline instead of sleeping a guessed time: fast when things are fast, and a
/// clear failure naming what never happened when they are not.</summary>
internal static class Eventually
{
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting until {what}");
            }

            await Task.Delay(25);
        }
    }
}
