using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>
    /// <paramref name="field"/> names the setting (Istio's field name, or the attribute argument's name where it differs),
    /// optionally with an element index, <c>hosts[1]</c>, for one element of an array or <c>params</c> argument.
    /// </summary>
    public Location? Locate(SourceRef origin, string field, CancellationToken cancellationToken)
    {
        if (!_types.TryGetValue(origin.Document, out var type)) return null;
        var attributes = type.GetAttributes();
        if (origin.Node < 0 || origin.Node >= attributes.Length) return type.Locations.Length > 0 ? type.Locations[0] : null;

        var data = attributes[origin.Node];
        if (data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax) return null;
        if (field.Length == 0 || syntax.ArgumentList is null) return syntax.GetLocation();

        var (path, index) = Finding.SplitElement(field);

        // An Istio path (patch.value.typed_config.token_bucket.fill_interval) is set by the argument named after its last
        // field, in C#'s spelling (FillInterval), or one that adds a unit to it (filter_enabled: FilterEnabledPercent); else by
        // one named after its last two fields (body.bytes: BodyBytes), or the field that holds it (body.string: Body).
        var segments = path.Split('.');
        var candidates = segments.Length < 2
            ? new[] { Normalize(path) }
            : new[] { Normalize(segments[segments.Length - 1]), Normalize(segments[segments.Length - 2] + segments[segments.Length - 1]), Normalize(segments[segments.Length - 2]) };
        foreach (var name in candidates)
        {
            if ((Find(syntax, data, name, index, exact: true) ?? Find(syntax, data, name, index, exact: false)) is { } location) return location;
        }

        // Gateways named only by string are all ExternalGateways.
        if (candidates[0] == "gateways" && Find(syntax, data, "ExternalGateways", index, exact: true) is { } external) return external;

        return syntax.GetLocation();
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty);

    private static Location? Find(AttributeSyntax syntax, AttributeData data, string name, int? index, bool exact)
    {
        var parameters = data.AttributeConstructor?.Parameters ?? default;
        var arguments = syntax.ArgumentList!.Arguments;
        var positional = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            string? argumentName;
            IParameterSymbol? parameter = null;
            if (argument.NameEquals is { } equals)
            {
                argumentName = equals.Name.Identifier.ValueText;
            }
            else if (argument.NameColon is { } colon)
            {
                argumentName = colon.Name.Identifier.ValueText;
            }
            else
            {
                parameter = !parameters.IsDefault && positional < parameters.Length ? parameters[positional] : null;
                argumentName = parameter?.Name;
                positional++;
            }

            if (argumentName is null) continue;
            if (exact ? !string.Equals(argumentName, name, StringComparison.OrdinalIgnoreCase) : !argumentName.StartsWith(name, StringComparison.OrdinalIgnoreCase)) continue;
            if (index is not { } element) return argument.Expression.GetLocation();

            var items = Elements(argument.Expression);

            // Istio's gateways list is the C# Gateways (by type), then ExternalGateways (by name): past the first, the second.
            if (items is not null && element >= items.Count && string.Equals(argumentName, "Gateways", StringComparison.OrdinalIgnoreCase))
            {
                return Find(syntax, data, "ExternalGateways", element - items.Count, exact: true) ?? argument.Expression.GetLocation();
            }

            if (items is not null) return element < items.Count ? items[element].GetLocation() : argument.Expression.GetLocation();

            // A params argument written as a list: the element is the argument that many places further on.
            return parameter is { IsParams: true } && i + element < arguments.Count
                ? arguments[i + element].Expression.GetLocation()
                : argument.Expression.GetLocation();
        }

        return null;
    }

    /// <summary>The elements of <c>new[] { ... }</c>, <c>new T[] { ... }</c> or <c>[ ... ]</c>.</summary>
    private static IReadOnlyList<ExpressionSyntax>? Elements(ExpressionSyntax expression) => expression switch
    {
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToArray(),
        _ => null,
    };
}
