using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.FrontEnd;

/// <summary>Arguments read from syntax: only the forms whose value C# gives without binding anything.</summary>
internal sealed partial class SyntaxAttributes
{
    private SyntaxArg? Decode(ExpressionSyntax expression, ITypeSymbol target, Scope scope)
    {
        if (target is IArrayTypeSymbol { Rank: 1 } array) return DecodeArray(expression, array.ElementType, scope);
        if (expression.IsKind(SyntaxKind.NullLiteralExpression))
        {
            return target.SpecialType == SpecialType.System_String ? new SyntaxArg(TypedConstantKind.Primitive, null)
                : IsSystemType(target) ? new SyntaxArg(TypedConstantKind.Type, null)
                : null;
        }

        switch (target.SpecialType)
        {
            case SpecialType.System_String:
                return expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } s && s.Token.Value is string text
                    ? new SyntaxArg(TypedConstantKind.Primitive, text) : null;
            case SpecialType.System_Boolean:
                return expression.Kind() switch
                {
                    SyntaxKind.TrueLiteralExpression => new SyntaxArg(TypedConstantKind.Primitive, true),
                    SyntaxKind.FalseLiteralExpression => new SyntaxArg(TypedConstantKind.Primitive, false),
                    _ => null,
                };
            case SpecialType.System_Int32:
                return Number(expression) is int whole ? new SyntaxArg(TypedConstantKind.Primitive, whole) : null;
            case SpecialType.System_Double:
                return Number(expression) switch
                {
                    int i => new SyntaxArg(TypedConstantKind.Primitive, (double)i),
                    double d => new SyntaxArg(TypedConstantKind.Primitive, d),
                    _ => null,
                };
        }

        if (target.TypeKind == TypeKind.Enum && target is INamedTypeSymbol { EnumUnderlyingType.SpecialType: SpecialType.System_Int32 } enumType)
        {
            if (expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: IdentifierNameSyntax typeName, Name: IdentifierNameSyntax member }) return null;
            if (member.Identifier.Text.StartsWith("@", StringComparison.Ordinal)) return null;
            if (TypeNamed(typeName, scope) is not { } named || !named.Equals(enumType, SymbolEqualityComparer.Default)) return null;
            var fields = enumType.GetMembers(member.Identifier.ValueText);
            return fields.Length == 1 && fields[0] is IFieldSymbol { HasConstantValue: true, ConstantValue: int value }
                ? new SyntaxArg(TypedConstantKind.Enum, value) : null;
        }

        if (IsSystemType(target))
        {
            return expression is TypeOfExpressionSyntax typeOf && TypeNamed(typeOf.Type, scope) is { } type
                ? new SyntaxArg(TypedConstantKind.Type, type) : null;
        }

        return null;
    }

    private SyntaxArg? DecodeArray(ExpressionSyntax expression, ITypeSymbol elementType, Scope scope)
    {
        if (expression.IsKind(SyntaxKind.NullLiteralExpression)) return new SyntaxArg(TypedConstantKind.Array, null, isNullArray: true);
        SeparatedSyntaxList<ExpressionSyntax> elements;
        switch (expression)
        {
            case ImplicitArrayCreationExpressionSyntax implicitArray when implicitArray.Commas.Count == 0:
                // The array's type comes from its elements: only kinds whose literal type is the element type itself.
                if (!(elementType.SpecialType is SpecialType.System_String or SpecialType.System_Int32 or SpecialType.System_Boolean || elementType.TypeKind == TypeKind.Enum)) return null;
                if (implicitArray.Initializer.Expressions.Count == 0) return null;
                elements = implicitArray.Initializer.Expressions;
                break;
            case ArrayCreationExpressionSyntax { Initializer: { } initializer } explicitArray
                when explicitArray.Type.RankSpecifiers.Count == 1 && explicitArray.Type.RankSpecifiers[0].Sizes.All(s => s is OmittedArraySizeExpressionSyntax)
                && ElementTypeIs(explicitArray.Type.ElementType, elementType, scope):
                elements = initializer.Expressions;
                break;
            case CollectionExpressionSyntax collection:
                var items = new List<ExpressionSyntax>();
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax e) return null;
                    items.Add(e.Expression);
                }

                elements = SyntaxFactory.SeparatedList(items);
                break;
            default:
                return null;
        }

        var values = ImmutableArray.CreateBuilder<SyntaxArg>(elements.Count);
        foreach (var element in elements)
        {
            if (element.IsKind(SyntaxKind.NullLiteralExpression) && expression is ImplicitArrayCreationExpressionSyntax) return null;
            if (Decode(element, elementType, scope) is not { } value) return null;
            values.Add(value);
        }

        return new SyntaxArg(TypedConstantKind.Array, null, values.MoveToImmutable());
    }

    private bool ElementTypeIs(TypeSyntax syntax, ITypeSymbol elementType, Scope scope) => syntax switch
    {
        PredefinedTypeSyntax predefined => predefined.Keyword.Kind() switch
        {
            SyntaxKind.StringKeyword => elementType.SpecialType == SpecialType.System_String,
            SyntaxKind.IntKeyword => elementType.SpecialType == SpecialType.System_Int32,
            SyntaxKind.DoubleKeyword => elementType.SpecialType == SpecialType.System_Double,
            SyntaxKind.BoolKeyword => elementType.SpecialType == SpecialType.System_Boolean,
            _ => false,
        },
        IdentifierNameSyntax name => elementType.TypeKind == TypeKind.Enum && TypeNamed(name, scope) is { } t && t.Equals(elementType, SymbolEqualityComparer.Default),
        _ => false,
    };

    private static object? Number(ExpressionSyntax expression)
    {
        var negate = false;
        if (expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } minus)
        {
            negate = true;
            expression = minus.Operand;
        }

        if (expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal) return null;
        return literal.Token.Value switch
        {
            int i => negate ? -i : i,
            double d => negate ? -d : d,
            _ => null,
        };
    }
}
