using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace GcoreCdnGen.ContractTests.Prism;

/// <summary>
/// One <c>prism mock</c> process (or, given an upstream, <c>prism proxy --errors</c>) on 127.0.0.1 and a free port,
/// started through <c>node</c> (one process to stop), ready once it prints that it is listening, killed (with its
/// children) on dispose.
/// </summary>
public sealed class PrismServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PrismServer(Process process, Uri baseUrl, string spec)
    {
        _process = process;
        BaseUrl = baseUrl;
        Spec = spec;
    }

    public Uri BaseUrl { get; }

    public string Spec { get; }

    /// <summary>Everything Prism printed so far (stdout and stderr), for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <param name="upstream">When set, Prism proxies to it with <c>--errors</c>: a request the document forbids is
    /// answered 422 (never forwarded), an upstream answer it forbids becomes a 500 problem of type VIOLATIONS, both
    /// with the <c>sl-violations</c> header.</param>
    public static async Task<PrismServer> StartAsync(string cli, string spec, Uri? upstream = null)
    {
        int port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        string[] mode = upstream is null ? ["mock", spec] : ["proxy", spec, upstream.ToString(), "--errors"];
        foreach (var argument in new[] { cli }.Concat(mode).Concat(["-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("Cannot run 'node' (Node.js 20 or later is needed for Prism): " + ex.Message, ex);
        }

        var server = new PrismServer(process, new Uri("http://127.0.0.1:" + port + "/"), spec);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string marker = "Prism is listening on http://127.0.0.1:" + port;
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            server._output.Enqueue(e.Data);
            if (e.Data.Contains(marker, StringComparison.Ordinal))
                ready.TrySetResult();
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("Prism exited with code " + process.ExitCode + " before it was ready."));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (process.HasExited)
            ready.TrySetException(new InvalidOperationException("Prism exited with code " + process.ExitCode + " before it was ready."));

        try
        {
            await ready.Task.WaitAsync(StartTimeout);
            return server;
        }
        catch (Exception ex)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException("Prism did not start on port " + port + " for " + spec + ": " + ex.Message + Environment.NewLine + server.Output, ex);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or will be reaped by the OS.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
