using System.Reflection;
using System.ServiceModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TweetsSoap.Client.Soap;
using TweetsSoap.ProxyGen;

namespace TweetsSoap.Tests.ProxyGen;

/// <summary>Generates a proxy from WSDL files and compiles it in memory with Roslyn, as a project would build it.</summary>
public static class InMemoryProxy
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string TestWsdlDirectory => Path.Combine(RepositoryRoot, "Tests", "ProxyGen", "Wsdl");

    public static IReadOnlyList<(string File, string Source)> Generate(string wsdlDirectory, string ns, params string[] files) =>
        Generator.Generate(
            Directory.GetFiles(wsdlDirectory, "*.wsdl")
                .Where(f => files.Length == 0 || files.Contains(Path.GetFileName(f)))
                .Select(f => (Path.GetFileName(f), File.ReadAllText(f))),
            ns,
            location => File.ReadAllText(Path.Combine(wsdlDirectory, location)));

    /// <summary>Compiles with warnings as errors (the repository's rule) and loads the assembly.</summary>
    public static Assembly Compile(IEnumerable<string> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest)));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat([typeof(ClientBase<>).Assembly.Location, typeof(BasicHttpBinding).Assembly.Location, typeof(SoapBindings).Assembly.Location])
            .DistinctBy(Path.GetFileName)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Proxy" + Guid.NewGuid().ToString("N"),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
        {
            Assert.Fail("The generated code does not compile cleanly:\n" + string.Join("\n", problems));
        }

        return Assembly.Load(image.ToArray());
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TweetsSoap.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: TweetsSoap.sln not found above " + AppContext.BaseDirectory);
    }
}
