using System.Collections.Immutable;
using MeshDsl.FrontEnd;
using MeshDsl.Generator;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.Tests;

/// <summary>
/// The generator carries declarations in a fixed number of buckets so that the driver's work on a run where nothing
/// changed does not grow with the mesh. What that rests on: every declaration lands in exactly one bucket, in type-name
/// order; a bucket depends on the type name alone; and buckets an edit did not touch are handed on as the same instances.
/// </summary>
public class DeclarationBucketsTests
{
    private static MeshGenerator.Parsed Declaration(string typeName, int version = 0) =>
        new(new CSharpDeclaration(typeName, new SourceRef(typeName, version), EquatableArray<Resource>.Empty, EquatableArray<Finding>.Empty), null);

    private static DeclarationSet<MeshGenerator.Parsed> Set(IEnumerable<MeshGenerator.Parsed> items) =>
        new(items.OrderBy(p => p.Declaration.TypeName, StringComparer.Ordinal).ToImmutableArray());

    [Fact]
    public void Every_declaration_lands_in_exactly_one_bucket_in_type_name_order()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var names = Enumerable.Range(0, random.Next(0, 400)).Select(_ => RandomTypeName(random)).Distinct().ToArray();
            var set = Set(names.Select(n => Declaration(n)));
            var buckets = new DeclarationBuckets().Of(set);

            Assert.Equal(DeclarationBuckets.Count, buckets.Count);
            Assert.Equal(Enumerable.Range(0, DeclarationBuckets.Count), buckets.Select(b => b.Index));
            Assert.Equal(set.Items.Select(p => p.Declaration.TypeName).OrderBy(n => n, StringComparer.Ordinal),
                buckets.SelectMany(b => b.Items).Select(p => p.Declaration.TypeName).OrderBy(n => n, StringComparer.Ordinal));
            foreach (var bucket in buckets)
            {
                Assert.All(bucket.Items, p => Assert.Equal(bucket.Index, DeclarationBuckets.IndexOf(p.Declaration.TypeName)));
                var inBucket = bucket.Items.Select(p => p.Declaration.TypeName).ToArray();
                Assert.Equal(inBucket.OrderBy(n => n, StringComparer.Ordinal), inBucket);
            }
        }
    }

    [Fact]
    public void A_bucket_depends_on_the_type_name_alone_the_same_in_every_process()
    {
        // Pinned: a hash that changed between processes or versions would move every generated source.
        Assert.Equal(46, DeclarationBuckets.IndexOf("Shop.Svc7"));
        Assert.Equal(54, DeclarationBuckets.IndexOf("Reviews"));
        Assert.Equal(31, DeclarationBuckets.IndexOf("Bookinfo.Reviews"));
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var name = RandomTypeName(random);
            Assert.InRange(DeclarationBuckets.IndexOf(name), 0, DeclarationBuckets.Count - 1);
            Assert.Equal(DeclarationBuckets.IndexOf(name), DeclarationBuckets.IndexOf(new string(name.ToCharArray())));
        }
    }

    [Fact]
    public void The_same_set_gives_the_same_buckets_and_an_edit_keeps_every_bucket_it_did_not_touch()
    {
        var items = Enumerable.Range(0, 300).Select(i => Declaration("Shop.Svc" + i)).ToArray();
        var buckets = new DeclarationBuckets();
        var set = Set(items);
        var first = buckets.Of(set);
        Assert.Equal(first.AsImmutableArray(), buckets.Of(set).AsImmutableArray()); // the same array: the driver compares nothing

        var edited = items.Select(p => p.Declaration.TypeName == "Shop.Svc7" ? Declaration("Shop.Svc7", version: 1) : p).ToArray();
        var secondSet = Set(edited);
        var second = buckets.Of(secondSet);
        var touched = DeclarationBuckets.IndexOf("Shop.Svc7");
        for (var i = 0; i < DeclarationBuckets.Count; i++)
        {
            if (i == touched) Assert.NotEqual(first[i], second[i]);
            else Assert.Same(first[i], second[i]);
        }

        // Another project on the same generator instance in between: each set still gets its own buckets back.
        var other = Set(new[] { Declaration("Other.Svc") });
        var otherBuckets = buckets.Of(other);
        Assert.Equal(otherBuckets.AsImmutableArray(), buckets.Of(other).AsImmutableArray());
        Assert.Equal(second.AsImmutableArray(), buckets.Of(secondSet).AsImmutableArray());

        var added = buckets.Of(Set(edited.Append(Declaration("Shop.New"))));
        Assert.Equal(DeclarationBuckets.Count - 1, Enumerable.Range(0, DeclarationBuckets.Count).Count(i => ReferenceEquals(second[i], added[i])));
    }

    private static string RandomTypeName(Random random)
    {
        const string chars = "abcXYZ_.0123456789éΩ`";
        return "N" + new string(Enumerable.Range(0, random.Next(1, 24)).Select(_ => chars[random.Next(chars.Length)]).ToArray());
    }
}
