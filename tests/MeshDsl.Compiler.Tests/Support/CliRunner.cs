namespace MeshDsl.Tests.Support;

/// <summary>Runs <c>meshdsl</c> in process, as a shell would: exit code, standard output and standard error ("\n" line ends).</summary>
internal static class CliRunner
{
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args) => Run(new StringReader(string.Empty), args);

    public static (int Exit, string Stdout, string Stderr) Run(TextReader stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = MeshDsl.Cli.CommandLine.Run(args, stdin, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
