namespace MeshDsl.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        CollectionBudget.Enabled = true;
        return CommandLine.Run(args, Console.In, Console.Out, Console.Error);
    }
}
