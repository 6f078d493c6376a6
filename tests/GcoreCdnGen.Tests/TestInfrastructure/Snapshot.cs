using System;
using System.IO;
using Xunit.Sdk;

namespace GcoreCdnGen.Tests.TestInfrastructure;

/// <summary>
/// Compares text with a committed <c>*.verified.*</c> file. On a difference (or a missing file) it writes the new text
/// beside it as <c>*.received.*</c> and fails; set GCORECDNGEN_ACCEPT=1 to turn received text into the verified file
/// after reading it. A snapshot is never created silently.
/// </summary>
public static class Snapshot
{
    public static void Verify(string name, string actual)
    {
        string verified = Path.Combine(Paths.Snapshots, name + ".verified.cs");
        string received = Path.Combine(Paths.Snapshots, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");
        bool accept = Environment.GetEnvironmentVariable("GCORECDNGEN_ACCEPT") == "1";

        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == actual)
        {
            if (File.Exists(received))
                File.Delete(received);
            return;
        }

        Directory.CreateDirectory(Paths.Snapshots);
        if (accept)
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received))
                File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        throw new XunitException(File.Exists(verified)
            ? "Snapshot '" + name + "' differs from " + verified + "; the new text is in " + received + ". Read it, then accept with GCORECDNGEN_ACCEPT=1."
            : "Snapshot '" + name + "' has no verified file; the text is in " + received + ". Read it, then accept with GCORECDNGEN_ACCEPT=1.");
    }
}
