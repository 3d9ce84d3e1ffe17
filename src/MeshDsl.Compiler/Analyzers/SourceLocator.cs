using System;
using System.Collections.Generic;
using System.Threading;
using MeshDsl.FrontEnd;
using MeshDsl.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.Analyzers;

/// <summary>
/// Maps a model <see cref="SourceRef"/> and Istio field back to C# syntax: the attribute argument that set the
/// field (named or positional, matched by name), else the attribute, else the type.
/// C# argument names are Istio's field names in PascalCase (constructor parameters in camelCase), so the mapping is by name.
/// </summary>
internal sealed class SourceLocator
{
    private readonly Dictionary<string, INamedTypeSymbol> _types = new(StringComparer.Ordinal);

    public SourceLocator(INamedTypeSymbol service)
    {
        Add(service);
    }

    private void Add(INamedTypeSymbol type)
    {
        _types[ParseContext.TypeName(type)] = type;
        foreach (var nested in type.GetTypeMembers()) Add(nested);
    }

    public Location? Locate(SourceRef origin, string field, CancellationToken cancellationToken)
    {
        if (!_types.TryGetValue(origin.Type, out var type)) return null;
        var attributes = type.GetAttributes();
        if (origin.Attribute < 0 || origin.Attribute >= attributes.Length) return type.Locations.Length > 0 ? type.Locations[0] : null;

        var data = attributes[origin.Attribute];
        if (data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax) return null;
        if (field.Length == 0 || syntax.ArgumentList is null) return syntax.GetLocation();

        var parameters = data.AttributeConstructor?.Parameters ?? default;
        var positional = 0;
        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            string? name;
            if (argument.NameEquals is { } equals)
            {
                name = equals.Name.Identifier.ValueText;
            }
            else if (argument.NameColon is { } colon)
            {
                name = colon.Name.Identifier.ValueText;
            }
            else
            {
                name = !parameters.IsDefault && positional < parameters.Length ? parameters[positional].Name : null;
                positional++;
            }

            if (string.Equals(name, field, StringComparison.OrdinalIgnoreCase)) return argument.Expression.GetLocation();
        }

        return syntax.GetLocation();
    }
}
