using System.Collections.Immutable;
using MeshDsl.Helpers;

namespace MeshDsl.Tests;

/// <summary>
/// EquatableArray's own Any, All, Contains and FirstOrDefault take the place of LINQ's at every call site in the rules, so
/// they must answer exactly as LINQ does, on any list and any predicate.
/// </summary>
public class EquatableArrayTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Its_queries_answer_as_LINQ_does(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 500; run++)
        {
            var items = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(-3, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var array = items.ToImmutableArray().ToEquatableArray();
            var probe = random.Next(-4, 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Func<string, bool> predicate = random.Next(3) switch
            {
                0 => s => string.CompareOrdinal(s, probe) < 0,
                1 => s => s == probe,
                _ => s => s.Length > 1,
            };

            var context = $"[{string.Join(",", items)}] probe {probe}";
            Assert.True(items.Any() == array.Any(), context);
            Assert.True(items.Any(predicate) == array.Any(predicate), context);
            Assert.True(items.All(predicate) == array.All(predicate), context);
            Assert.True(items.Contains(probe) == array.Contains(probe), context);
            Assert.Same(items.FirstOrDefault(predicate), array.FirstOrDefault(predicate));
        }
    }

    [Fact]
    public void A_default_array_answers_as_an_empty_one()
    {
        var array = default(EquatableArray<string>);
        Assert.False(array.Any());
        Assert.False(array.Any(_ => true));
        Assert.True(array.All(_ => false));
        Assert.False(array.Contains("a"));
        Assert.Null(array.FirstOrDefault(_ => true));
    }
}
