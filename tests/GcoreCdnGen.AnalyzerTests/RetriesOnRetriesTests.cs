using System.Threading.Tasks;
using GcoreCdnGen.Analyzers;
using GcoreCdnGen.AnalyzerTests.Infrastructure;
using GcoreCdnGen.CodeFixes;
using Xunit;

namespace GcoreCdnGen.AnalyzerTests;

/// <summary>
/// GCDN007: a resilience handler stacked on the generated client's registration while the client still retries on
/// its own. Compiled against the real Microsoft.Extensions.Http.Resilience package (Polly's AddPolicyHandler and
/// AddTransientHttpErrorPolicy are matched the same way: by name, as extensions of IHttpClientBuilder).
/// </summary>
public class RetriesOnRetriesTests
{
    private static string Code(string body) => """
        using System;
        using Contoso.Gcore;
        using Microsoft.Extensions.DependencyInjection;

        """ + body;

    private static string Message(string handler) =>
        $"'{handler}' retries on top of the retries of the client that 'AddGcoreClient' registers, which multiplies attempts and waits; set MaxRetries = 0 in its options";

    [Fact]
    public Task Standard_resilience_handler_on_the_registration_is_reported() =>
        ResilienceProject.AnalyzerAsync(new RetriesOnRetriesAnalyzer(), Code("""
            public static class Startup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddGcoreClient(o => o.ApiKey = "key").[|AddStandardResilienceHandler|]();
            }
            """),
            Message("AddStandardResilienceHandler"));

    [Fact]
    public Task Handlers_through_other_builder_calls_and_a_local_are_reported() =>
        ResilienceProject.AnalyzerAsync(new RetriesOnRetriesAnalyzer(), Code("""
            public sealed class Logging : System.Net.Http.DelegatingHandler { }

            public static class Startup
            {
                public static void Add(IServiceCollection services)
                {
                    var builder = services.AddGcoreClient().AddHttpMessageHandler<Logging>();
                    builder.[|AddStandardHedgingHandler|]();
                    GcoreClientServiceCollectionExtensions.AddGcoreClient(services, o => o.MaxRetries = 4)
                        .ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("X-Team", "cdn"))
                        .[|AddResilienceHandler|]("gcore", pipeline => { });
                }
            }
            """),
            Message("AddStandardHedgingHandler"), Message("AddResilienceHandler"));

    [Fact]
    public Task Retries_turned_off_or_decided_elsewhere_or_other_clients_are_not_reported() =>
        ResilienceProject.AnalyzerAsync(new RetriesOnRetriesAnalyzer(), Code("""
            public sealed class Logging : System.Net.Http.DelegatingHandler { }

            public static class Startup
            {
                public static void Add(IServiceCollection services, int retries, Action<GcoreClientOptions> configure)
                {
                    services.AddGcoreClient(o => o.MaxRetries = 0).AddStandardResilienceHandler();
                    services.AddGcoreClient(o => { o.ApiKey = "key"; o.MaxRetries = 0; }).AddHttpMessageHandler<Logging>().AddStandardHedgingHandler();
                    services.AddGcoreClient(o => o.MaxRetries = retries).AddStandardResilienceHandler();
                    services.AddGcoreClient(configure).AddStandardResilienceHandler();
                    services.AddGcoreClient().AddHttpMessageHandler<Logging>();
                    services.AddHttpClient("other").AddStandardResilienceHandler();
                }
            }
            """));

    [Fact]
    public Task Fix_adds_a_configure_lambda_when_there_is_none() =>
        ResilienceProject.CodeFixAsync(new RetriesOnRetriesAnalyzer(), new RetriesOnRetriesCodeFixProvider(),
            Code("""
                public static class Startup
                {
                    public static void Add(IServiceCollection services) =>
                        services.AddGcoreClient().[|AddStandardResilienceHandler|]();
                }
                """),
            Code("""
                public static class Startup
                {
                    public static void Add(IServiceCollection services) =>
                        services.AddGcoreClient(options => options.MaxRetries = 0).AddStandardResilienceHandler();
                }
                """));

    [Fact]
    public Task Fix_adds_the_setting_to_an_expression_lambda() =>
        ResilienceProject.CodeFixAsync(new RetriesOnRetriesAnalyzer(), new RetriesOnRetriesCodeFixProvider(),
            Code("""
                public static class Startup
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.AddGcoreClient(o => o.ApiKey = "key")
                            .[|AddStandardResilienceHandler|]();
                    }
                }
                """),
            Code("""
                public static class Startup
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.AddGcoreClient(o => { o.ApiKey = "key"; o.MaxRetries = 0; })
                            .AddStandardResilienceHandler();
                    }
                }
                """));

    [Fact]
    public Task Fix_sets_an_existing_retry_count_to_zero() =>
        ResilienceProject.CodeFixAsync(new RetriesOnRetriesAnalyzer(), new RetriesOnRetriesCodeFixProvider(),
            Code("""
                public static class Startup
                {
                    public static void Add(IServiceCollection services) =>
                        services.AddGcoreClient(o => { o.ApiKey = "key"; o.MaxRetries = 5; }).[|AddStandardResilienceHandler|]();
                }
                """),
            Code("""
                public static class Startup
                {
                    public static void Add(IServiceCollection services) =>
                        services.AddGcoreClient(o => { o.ApiKey = "key"; o.MaxRetries = 0; }).AddStandardResilienceHandler();
                }
                """));
}
