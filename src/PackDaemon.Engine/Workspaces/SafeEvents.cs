namespace PackDaemon.Engine.Workspaces;

/// <summary>Raises an event to each subscriber in turn, so one subscriber's bug neither stops the others nor the
/// workspace loop that raised it.</summary>
internal static class SafeEvents
{
    public static void Raise<T>(Action<T>? handlers, T argument)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<T>>())
        {
            try
            {
                handler(argument);
            }
#pragma warning disable CA1031 // A subscriber's bug must not stop the workspace from building.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
