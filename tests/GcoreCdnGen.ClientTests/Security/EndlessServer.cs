using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GcoreCdnGen.ClientTests.Security;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 that answers every request with a body that never ends (chunked), or with a
/// <c>Content-Length</c> it claims up front. It stops writing when the client hangs up, or at 1 GiB as a safety net.
/// </summary>
public sealed class EndlessServer : IAsyncDisposable
{
    private const long SafetyNet = 1L << 30;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _status;
    private readonly long? _declaredLength;
    private readonly Task _loop;
    private int _connections;
    private long _bytesSent;

    public EndlessServer(int status = 200, long? declaredLength = null)
    {
        _status = status;
        _declaredLength = declaredLength;
        _listener.Start();
        BaseUrl = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl { get; }

    public int Connections => Volatile.Read(ref _connections);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _ = Task.Run(() => AnswerAsync(socket));
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task AnswerAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                var seen = new StringBuilder();
                var buffer = new byte[4096];
                while (!seen.ToString().Contains("\r\n\r\n"))
                {
                    int read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                        return;
                    seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                string framing = _declaredLength is { } length ? "Content-Length: " + length : "Transfer-Encoding: chunked";
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 " + _status + " Endless\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n"), _stop.Token);
                byte[] data = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
                byte[] chunk = Encoding.ASCII.GetBytes((_declaredLength is null ? (data.Length.ToString("X") + "\r\n") : "") + new string(' ', data.Length) + (_declaredLength is null ? "\r\n" : ""));
                while (BytesSent < SafetyNet)
                {
                    await stream.WriteAsync(chunk, _stop.Token);
                    Interlocked.Add(ref _bytesSent, data.Length);
                }
            }
            catch (Exception)
            {
                // The client hung up: the point of the exercise.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
