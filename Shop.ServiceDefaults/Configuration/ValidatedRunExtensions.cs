using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static partial class ValidatedRunExtensions
{
    /// <summary>
    /// Runs the app once every setting registered with <c>ValidateOnStart</c> is valid. Otherwise nothing starts: one
    /// Critical line names each invalid setting and the process exits with code 1. The host would fail too, but with
    /// an unhandled-exception dump (and exit code 134) in which the setting is hard to find.
    /// </summary>
    public static void RunWithValidatedSettings(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception exception) when (Failures(exception) is { Count: > 0 } failures)
        {
            var described = string.Join(" ", failures);
            LogInvalidSettings(app.Logger, described);
            Environment.ExitCode = 1;
            ((IDisposable)app).Dispose(); // flushes the log
            return;
        }

        app.Run();
    }

    // Several invalid options classes come as an AggregateException of one OptionsValidationException each.
    private static List<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(Failures)],
        _ => [],
    };

    [LoggerMessage(Level = LogLevel.Critical, Message = "Not starting, the configuration is invalid: {Failures}")]
    private static partial void LogInvalidSettings(ILogger logger, string failures);
}
